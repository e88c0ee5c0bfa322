import { lazy, Suspense, type ComponentProps } from "react";
import { Loading } from "./ui";

const Chart = lazy(() => import("./Chart"));

/**
 * The chart, its code (uPlot) loaded on first use, behind a boundary of its own: while it loads, only the chart's place
 * says so, and the screen around it (its title, its figures) stays.
 */
export default function LazyChart(props: ComponentProps<typeof Chart>) {
  return (
    <Suspense fallback={<Loading label="Loading chart…" />}>
      <Chart {...props} />
    </Suspense>
  );
}
