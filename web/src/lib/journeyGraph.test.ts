import { describe, expect, it } from "vitest";
import { buildFlow, stepOfField, type EditorStep } from "./journeyGraph";

const step = (type: EditorStep["type"], config: Record<string, unknown> = {}): EditorStep => ({ key: crypto.randomUUID(), id: crypto.randomUUID(), type, config });

describe("buildFlow", () => {
  it("follows the order and completes after the last step", () => {
    const flow = buildFlow([step("message"), step("delay"), step("message")]);
    expect(flow.map((n) => n.edges.map((e) => e.to))).toEqual([[1], [2], [null]]);
    expect(flow.every((n) => !n.unreachable)).toBe(true);
  });

  it("jumps to the step named by next, and flags what nothing reaches", () => {
    const flow = buildFlow([step("message", { next: "end" }), step("message"), step("message", { name: "end" })]);
    expect(flow[0]?.edges[0]).toMatchObject({ to: 2, broken: false });
    expect(flow[1]?.unreachable).toBe(true);
  });

  it("lists keyword branches, the default path and the timeout of a wait-for-reply step", () => {
    const flow = buildFlow([
      step("wait_for_reply", { branches: [{ keyword: "yes", step: "yes" }], timeout_action: "end" }),
      step("message"),
      step("message", { name: "yes" }),
    ]);
    expect(flow[0]?.edges).toEqual([
      { to: 2, label: "reply “yes”", broken: false },
      { to: 1, label: "any other reply", broken: false },
      { to: null, label: "timeout", broken: false },
    ]);
  });

  it("marks a branch or next to a missing name as broken", () => {
    const flow = buildFlow([step("wait_for_reply", { branches: [{ keyword: "x", step: "nope" }] }), step("message", { next: "gone" })]);
    expect(flow[0]?.edges[0]?.broken).toBe(true);
    expect(flow[1]?.edges[0]).toMatchObject({ to: null, broken: true });
  });

  it("handles an empty flow", () => {
    expect(buildFlow([])).toEqual([]);
  });
});

describe("stepOfField", () => {
  it("finds the step a server error is about", () => {
    expect(stepOfField("steps[2].config.text")).toEqual({ step: 2, field: "config.text" });
    expect(stepOfField("Steps[0]")).toEqual({ step: 0, field: "" });
    expect(stepOfField("name")).toBeNull();
  });
});
