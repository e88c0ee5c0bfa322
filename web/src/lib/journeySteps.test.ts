import { describe, expect, it } from "vitest";
import { cleanConfig, errorsByStep, newStep } from "./journeySteps";

describe("journey steps", () => {
  it("starts each type with the fields the API needs", () => {
    expect(newStep("question").config).toMatchObject({ validation: "text", max_retries: 2 });
    expect(newStep("delay").config).toEqual({ seconds: 60 });
  });

  it("sends a new step without an id, for the API to give it one", () => {
    const step = newStep("message");
    expect(step.id).toBeNull();
    expect(step.key).not.toEqual(newStep("message").key);
  });

  it("leaves blank fields out of what it sends", () => {
    expect(cleanConfig({ text: "Hi", name: " ", buttons: [], next: null, seconds: 0 })).toEqual({ text: "Hi", seconds: 0 });
  });

  it("puts the API's errors on the step and field they concern", () => {
    const { steps, flow } = errorsByStep({
      "steps[1].config.text": ["Required."],
      "steps[1].config.buttons[0].url": ["Not a URL."],
      "steps[0].type": ["Unknown type."],
      steps: ["A journey needs at least one step."],
    });
    expect(steps.get(1)).toEqual({ text: ["Required."], buttons: ["Not a URL."] });
    expect(steps.get(0)).toEqual({ type: ["Unknown type."] });
    expect(flow).toEqual(["A journey needs at least one step."]);
  });
});
