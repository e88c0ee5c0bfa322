import { describe, expect, it } from "vitest";
import { cleanConfig, errorsByStep, newStep, placeStepErrors } from "./journeySteps";

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

  it("shows every error: on its field, else at the top of its step's card, else above the form", () => {
    const steps = [{ type: "message" }, { type: "question" }, { type: "message" }] as const;
    const placed = placeStepErrors(
      {
        "steps[2].config.foo": ["A message step has no field 'foo'."],
        "steps[2].config.text": ["Required."],
        "steps[1].config.AnswerKey": ["The answer key is lower case."],
        "steps[0].config.answer_key": ["Not for a message."],
        "steps[0].type": ["Unknown type."],
        "steps[1].config": ["The config must be an object."],
        "steps[5].config.text": ["Required."],
        steps: ["A journey needs at least one step."],
      },
      steps,
    );
    expect(placed.steps.get(2)).toMatchObject({ text: ["Required."] });
    expect(placed.unclaimed.get(2)).toEqual(["foo: A message step has no field 'foo'."]);
    expect(placed.steps.get(1)).toMatchObject({ AnswerKey: ["The answer key is lower case."] });
    expect(placed.unclaimed.get(1)).toEqual(["The config must be an object."]);
    expect(placed.steps.has(0)).toBe(false);
    expect(placed.unclaimed.get(0)).toEqual(["answer_key: Not for a message.", "type: Unknown type."]);
    expect(placed.form).toEqual(["A journey needs at least one step.", "Step 6: text: Required."]);
  });

  it("leaves nothing at the top of a card whose errors its fields all show", () => {
    const placed = placeStepErrors({ "steps[0].config.buttons[1].url": ["Not a URL."], "steps[0].config.next": ["No step 'x'."] }, [{ type: "message" }]);
    expect(placed.steps.get(0)).toEqual({ buttons: ["Not a URL."], next: ["No step 'x'."] });
    expect(placed.unclaimed.size).toBe(0);
    expect(placed.form).toEqual([]);
  });

  it("places nothing when the save had no field errors", () => {
    const placed = placeStepErrors(undefined, [{ type: "delay" }]);
    expect([placed.steps.size, placed.unclaimed.size, placed.form]).toEqual([0, 0, []]);
  });
});
