import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

export interface Series {
  label: string;
  values: (number | null)[];
  color: string;
  /** Drawn as bars (counts per day) rather than a line. */
  bars?: boolean;
}

/**
 * A time-series chart (uPlot: canvas, small and fast on a phone). `x` are dates; the chart follows its container's
 * width. The figures are also given as a visually hidden table, since a canvas says nothing to a screen reader.
 */
export default function Chart({ title, x, series, height = 220, format = (v: number) => String(v) }: { title: string; x: (string | Date)[]; series: Series[]; height?: number; format?: (v: number) => string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    if (element === null) {
      return;
    }
    const xs = x.map((d) => (typeof d === "string" ? new Date(d) : d).getTime() / 1000);
    const bars = uPlot.paths.bars?.({ size: [0.6, 40] });
    const plot = new uPlot(
      {
        width: Math.max(element.clientWidth, 200),
        height,
        legend: { show: series.length > 1 },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: true } },
        axes: [{ stroke: "#5b6473" }, { stroke: "#5b6473", values: (_u, ticks) => ticks.map(format), size: 60 }],
        series: [
          {},
          ...series.map((s) => ({
            label: s.label,
            stroke: s.color,
            width: 2,
            ...(s.bars === true && bars !== undefined ? { paths: bars, fill: `${s.color}99` } : {}),
          })),
        ],
      },
      [xs, ...series.map((s) => s.values)],
      element,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(element.clientWidth, 200), height }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [x, series, height, format]);

  if (x.length === 0) {
    return (
      <figure className="chart">
        <figcaption>{title}</figcaption>
        <p className="muted empty">No data for this period yet.</p>
      </figure>
    );
  }
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <div ref={host} role="img" aria-label={title} />
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            {series.map((s) => (
              <th key={s.label} scope="col">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {x.map((d, i) => (
            <tr key={String(d)}>
              <th scope="row">{typeof d === "string" ? d : d.toISOString()}</th>
              {series.map((s) => (
                <td key={s.label}>{s.values[i] ?? ""}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
