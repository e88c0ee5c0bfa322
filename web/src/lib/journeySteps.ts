import type { EditorStep } from "./journeyGraph";
import { stepOfField } from "./journeyGraph";
import { errorsFor, unclaimedErrors, type FieldErrors } from "./fieldErrors";

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
 * (`config.buttons[0].url`) land on their top field (`buttons`), an error about a step as a whole (`steps[2]`,
 * `steps[2].config`) has the empty field `""`, and errors about the whole flow stay in `flow`.
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
    const field = at.field.replace(/^config\.?/, "").split(/[.[]/)[0] ?? "";
    const stepErrors = steps.get(at.step) ?? {};
    stepErrors[field] = [...(stepErrors[field] ?? []), ...messages];
    steps.set(at.step, stepErrors);
  }
  return { steps, flow };
}

/** The fields the step form shows for each type (the editor's StepFields), each beside its own errors. */
export const stepFormFields: Record<EditorStep["type"], readonly string[]> = {
  message: ["name", "text", "buttons", "photo", "next"],
  question: ["name", "text", "answer_key", "validation", "options", "retry_prompt", "max_retries", "next"],
  delay: ["name", "seconds", "min_seconds", "max_seconds", "next"],
  wait_for_reply: ["name", "timeout_seconds", "timeout_action", "timeout_message", "answer_key", "branches", "next"],
};

export interface PlacedStepErrors {
  /** Each step's errors by field (by the step's index), for its form's fields to show their own. */
  steps: Map<number, FieldErrors>;
  /** Each step's messages that no field of its form shows (a field it does not have, its type, the step as a whole): for the top of its card. */
  unclaimed: Map<number, string[]>;
  /** Messages no step claims (the whole flow, or a step the editor does not have): for above the form. */
  form: string[];
}

/**
 * Places the API's errors for a steps save where the editor shows them, so that none is lost: on the field of the step
 * that has it, else at the top of that step's card (`field: message`), else above the form.
 */
export function placeStepErrors(errors: FieldErrors | undefined, steps: readonly Pick<EditorStep, "type">[]): PlacedStepErrors {
  const { steps: byStep, flow } = errorsByStep(errors);
  const placed: PlacedStepErrors = { steps: new Map(), unclaimed: new Map(), form: [...flow] };
  for (const [index, stepErrors] of byStep) {
    const step = steps[index];
    if (step === undefined) {
      placed.form.push(...unclaimedErrors(stepErrors, []).map((m) => `Step ${index + 1}: ${m}`));
      continue;
    }
    const shown = stepFormFields[step.type];
    if (shown.some((field) => errorsFor(stepErrors, field).length > 0)) {
      placed.steps.set(index, stepErrors);
    }
    const unclaimed = unclaimedErrors(stepErrors, shown);
    if (unclaimed.length > 0) {
      placed.unclaimed.set(index, unclaimed);
    }
  }
  return placed;
}
