import type { components } from "../api/schema";
import type { Tone } from "../ui/ui";

/** How a delivery's status is coloured everywhere it is shown. */
export const outboxTone: Record<components["schemas"]["OutboxStatus"], Tone> = {
  pending: "info",
  sending: "info",
  sent: "good",
  failed: "bad",
  unknown: "warn",
  cancelled: "muted",
};
