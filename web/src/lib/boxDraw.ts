/** A text box in percent of the image, as the API stores it (TextBoxDto's geometry). */
export interface BoxPct {
  leftPct: number;
  topPct: number;
  widthPct: number;
  heightPct: number;
}

export interface Point {
  x: number;
  y: number;
}

/** The smallest box the server accepts is a few percent; a click without a drag must not make an empty box. */
export const MinBoxPct = 2;

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** A pointer position (client pixels) as percent of the element's rectangle, clamped to the image. */
export function toPercent(point: Point, rect: { left: number; top: number; width: number; height: number }): Point {
  if (rect.width <= 0 || rect.height <= 0) {
    return { x: 0, y: 0 };
  }
  return {
    x: clamp(((point.x - rect.left) / rect.width) * 100, 0, 100),
    y: clamp(((point.y - rect.top) / rect.height) * 100, 0, 100),
  };
}

/** The box dragged from `start` to `end` (percent points, any direction), kept inside the image and at least the minimum size. */
export function boxFromDrag(start: Point, end: Point): BoxPct {
  const left = Math.min(start.x, end.x);
  const top = Math.min(start.y, end.y);
  const width = Math.max(Math.abs(end.x - start.x), MinBoxPct);
  const height = Math.max(Math.abs(end.y - start.y), MinBoxPct);
  const l = clamp(left, 0, 100 - width);
  const t = clamp(top, 0, 100 - height);
  return { leftPct: round(l), topPct: round(t), widthPct: round(width), heightPct: round(height) };
}

/** The box moved by a delta in percent, staying inside the image. */
export function moveBox(box: BoxPct, dx: number, dy: number): BoxPct {
  return {
    ...box,
    leftPct: round(clamp(box.leftPct + dx, 0, 100 - box.widthPct)),
    topPct: round(clamp(box.topPct + dy, 0, 100 - box.heightPct)),
  };
}
