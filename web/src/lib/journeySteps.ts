import type { EditorStep } from "./journeyGraph";
import { stepOfField } from "./journeyGraph";
import type { FieldErrors } from "./fieldErrors";

export const stepTypes: EditorStep["type"][] = ["message", "question", "delay", "wait_for_reply"];

/** A new step of a type, with the fields the API requires filled with a sensible start, and no id until it is saved. */
export function newStep(type: EditorStep["type"]): EditorStep {
  const step = { key: crypto.randomUUID(), id: null };
  switch (type) {
    case "message":
      return { ...step, type, config: { text: "" } };
    case "question":
      return { ...step, type, config: { text: "", answer_key: "", validation: "text", retry_prompt: "Please answer again.", max_retries: 2 } };
    case "delay":
      return { ...step, type, config: { seconds: 60 } };
    case "wait_for_reply":
      return { ...step, type, config: { timeout_seconds: 3600, timeout_action: "continue" } };
  }
}

/** The config as the API takes it: blank texts and empty lists left out (the API treats them as unset), the rest as typed. */
export function cleanConfig(config: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) {
    if (value === null || value === undefined || (typeof value === "string" && value.trim() === "") || (Array.isArray(value) && value.length === 0)) {
      continue;
    }
    out[key] = value;
  }
  return out;
}

/**
 * The API's errors for a steps save, split per step: `steps[2].config.text` becomes step 2's `text`, nested paths
 * (`config.buttons[0].url`) land on their top field (`buttons`), and errors about the whole flow stay in `flow`.
 */
export function errorsByStep(errors: FieldErrors | undefined): { steps: Map<number, FieldErrors>; flow: string[] } {
  const steps = new Map<number, FieldErrors>();
  const flow: string[] = [];
  for (const [key, messages] of Object.entries(errors ?? {})) {
    const at = stepOfField(key);
    if (at === null) {
      flow.push(...messages);
      continue;
    }
    const field = at.field.replace(/^config\.?/, "").split(/[.[]/)[0] || "step";
    const stepErrors = steps.get(at.step) ?? {};
    stepErrors[field] = [...(stepErrors[field] ?? []), ...messages];
    steps.set(at.step, stepErrors);
  }
  return { steps, flow };
}
