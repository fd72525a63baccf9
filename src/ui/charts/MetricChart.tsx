// One live line chart: axes named with units, which direction is better (where one is), exact values on hover,
// an accessible name and its numbers as a table on request. Drawn in plain SVG (LiveLines) during a run and after
// it: recharts took 70-140 ms to draw each chart when a run stopped, one long task per chart.
import { memo } from 'react';
import type { ChartSpec } from '../../core/experiment/types';
import { ChartTable, useChartOrTable } from './ChartTable';
import { LiveLines } from './LiveLines';

export type ChartRow = { x: number } & Record<string, number>;

/** What the chart says about its direction: nothing is better where neither is (weights, β). */
const BETTER_TEXT: Record<ChartSpec['better'], string> = { higher: '↑ higher is better', lower: '↓ lower is better', none: 'neither is better' };

/** What a screen reader hears for the drawing: the title, both axes and the lines drawn. */
export const chartLabel = (spec: ChartSpec, points: number) =>
  `${spec.title}: ${spec.yLabel} (${spec.unit}) against ${spec.xLabel}; ${spec.series.map((s) => s.label).join(', ')}; ${points} points. ${BETTER_TEXT[spec.better]}.`;

/** `rows` may change several times a second while a run trains: each update redraws in a few milliseconds. */
export const MetricChart = memo(function MetricChart({ spec, rows, markers = [] }: { spec: ChartSpec; rows: ChartRow[]; markers?: number[] }) {
  const { toggle, body } = useChartOrTable(
    chartLabel(spec, rows.length),
    () =>
      rows.length === 0 ? (
        <div className="chart-empty">Press Train to see this chart fill.</div>
      ) : (
        <LiveLines spec={spec} rows={rows} markers={markers} />
      ),
    () => <ChartTable caption={spec.title} columns={[{ key: 'x', label: spec.xLabel }, ...spec.series.map((s) => ({ key: s.key, label: s.label }))]} rows={rows} />,
  );
  return (
    <figure className="chart" data-testid={`chart-${spec.id}`} data-points={rows.length} data-markers={markers.length} data-series={spec.series.length}>
      <figcaption>
        <span className="chart-title">{spec.title}</span>
        <span className="chart-head-actions">
          <span className={`better better-${spec.better}`}>{BETTER_TEXT[spec.better]}</span>
          {toggle}
        </span>
      </figcaption>
      {body}
    </figure>
  );
});
