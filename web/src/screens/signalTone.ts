import type { components } from "../api/schema";
import type { Tone } from "../ui/ui";

/** How a signal's status is coloured everywhere it is shown. */
export const statusTone: Record<components["schemas"]["SignalStatus"], Tone> = {
  active: "info",
  tp1_hit: "good",
  tp2_hit: "good",
  tp3_hit: "good",
  stopped: "bad",
  closed: "muted",
};
