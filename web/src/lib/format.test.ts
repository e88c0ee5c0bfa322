import { describe, expect, it } from "vitest";
import { formatMoney, humanize } from "./format";

describe("format", () => {
  it("turns API names into words", () => {
    expect(humanize("wait_for_reply")).toBe("Wait for reply");
    expect(humanize("GrantSubscription")).toBe("Grant subscription");
    expect(humanize("tp1_hit")).toBe("Tp1 hit");
    expect(humanize("")).toBe("");
  });

  it("formats minor units in their currency", () => {
    expect(formatMoney(4900, "usd")).toMatch(/49\.00/);
  });
});
