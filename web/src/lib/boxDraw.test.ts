import { describe, expect, it } from "vitest";
import { boxFromDrag, moveBox, toPercent } from "./boxDraw";

describe("box drawing", () => {
  const rect = { left: 100, top: 50, width: 200, height: 400 };

  it("turns pointer pixels into percent of the image, clamped", () => {
    expect(toPercent({ x: 200, y: 250 }, rect)).toEqual({ x: 50, y: 50 });
    expect(toPercent({ x: 0, y: 1000 }, rect)).toEqual({ x: 0, y: 100 });
    expect(toPercent({ x: 1, y: 1 }, { left: 0, top: 0, width: 0, height: 0 })).toEqual({ x: 0, y: 0 });
  });

  it("draws a box in any direction", () => {
    expect(boxFromDrag({ x: 60, y: 70 }, { x: 10, y: 20 })).toEqual({ leftPct: 10, topPct: 20, widthPct: 50, heightPct: 50 });
  });

  it("gives a click without a drag the minimum size, inside the image", () => {
    expect(boxFromDrag({ x: 99.5, y: 99.5 }, { x: 99.5, y: 99.5 })).toEqual({ leftPct: 98, topPct: 98, widthPct: 2, heightPct: 2 });
  });

  it("moves a box without leaving the image", () => {
    expect(moveBox({ leftPct: 80, topPct: 10, widthPct: 15, heightPct: 10 }, 20, -20)).toEqual({ leftPct: 85, topPct: 0, widthPct: 15, heightPct: 10 });
  });
});
