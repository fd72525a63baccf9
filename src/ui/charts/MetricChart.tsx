// One live line chart: axes named with units, which direction is better (where one is), exact values on hover,
// an accessible name and its numbers as a table on request.
import { memo, useEffect, useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartSpec } from '../../core/experiment/types';
import { ChartTable, useChartOrTable } from './ChartTable';
import { LiveLines } from './LiveLines';

export type ChartRow = { x: number } & Record<string, number>;

/** Exact values for the tooltip. */
const fmt = (v: unknown) => (typeof v === 'number' ? (Math.abs(v) >= 100 ? v.toFixed(1) : v.toPrecision(4)) : String(v));
/** What the chart says about its direction: nothing is better where neither is (weights, β). */
const BETTER_TEXT: Record<ChartSpec['better'], string> = { higher: '↑ higher is better', lower: '↓ lower is better', none: 'neither is better' };
/** Short values for axis ticks: 0.095, not 0.09500. */
const tick = (v: number) => String(Number(v.toPrecision(3)));

/** What a screen reader hears for the drawing: the title, both axes and the lines drawn. */
export const chartLabel = (spec: ChartSpec, points: number) =>
  `${spec.title}: ${spec.yLabel} (${spec.unit}) against ${spec.xLabel}; ${spec.series.map((s) => s.label).join(', ')}; ${points} points. ${BETTER_TEXT[spec.better]}.`;

/**
 * Whether to draw with recharts: not while `live` (the run trains: plain SVG keeps each update to milliseconds), and
 * only `settleMs` after it stops, so the charts of a grid turn into recharts one per task, not all in one long task.
 */
function useRich(live: boolean, settleMs: number): boolean {
  const [rich, setRich] = useState(!live);
  useEffect(() => {
    if (live) return setRich(false);
    const t = setTimeout(() => setRich(true), settleMs);
    return () => clearTimeout(t);
  }, [live, settleMs]);
  return rich && !live;
}

/**
 * `live`: the run is training, so rows change several times a second; drawn by LiveLines until it stops.
 * `settleMs`: how long after that to switch to recharts (a grid staggers its charts).
 */
export const MetricChart = memo(function MetricChart({ spec, rows, markers = [], live = false, settleMs = 0 }: { spec: ChartSpec; rows: ChartRow[]; markers?: number[]; live?: boolean; settleMs?: number }) {
  const rich = useRich(live, settleMs);
  const { toggle, body } = useChartOrTable(
    chartLabel(spec, rows.length),
    () =>
      rows.length === 0 ? (
        <div className="chart-empty">Press Train to see this chart fill.</div>
      ) : rich ? (
        <Lines spec={spec} rows={rows} markers={markers} />
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

function Lines({ spec, rows, markers }: { spec: ChartSpec; rows: ChartRow[]; markers: number[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 28, left: 12 }}>
        <CartesianGrid stroke="#e5e8ee" />
        <XAxis
          dataKey="x"
          type="number"
          domain={['dataMin', 'dataMax']}
          allowDecimals={Boolean(spec.xKey)}
          tickFormatter={spec.xKey ? tick : undefined}
          label={{ value: spec.xLabel, position: 'insideBottom', offset: -14, fill: '#555', fontSize: 12 }}
          tick={{ fontSize: 11 }}
        />
        <YAxis
          width={56}
          tickFormatter={tick}
          tick={{ fontSize: 11 }}
          label={{ value: `${spec.yLabel} (${spec.unit})`, angle: -90, position: 'insideLeft', fill: '#555', fontSize: 12, style: { textAnchor: 'middle' } }}
        />
        <Tooltip formatter={(v) => fmt(v)} labelFormatter={(x) => `${spec.xLabel} ${x}`} isAnimationActive={false} />
        {/* No fixed height: a legend of four or more series wraps, and a fixed one let it overlap the plot. */}
      <Legend verticalAlign="top" iconSize={10} wrapperStyle={{ fontSize: 12 }} />
        {markers.map((m) => (
          <ReferenceLine key={m} x={m} stroke="#667085" strokeDasharray="3 3" label={{ value: 'weights changed', position: 'insideTopLeft', fontSize: 10, fill: '#667085' }} />
        ))}
        {spec.reference ? (
          <ReferenceLine y={spec.reference.y} stroke="#b42318" strokeDasharray="4 4" label={{ value: spec.reference.label, position: 'insideTopRight', fontSize: 10, fill: '#b42318' }} />
        ) : null}
        {spec.series.map((s) => (
          <Line
            key={s.key}
            dataKey={s.key}
            name={s.label}
            stroke={s.color}
            strokeWidth={2}
            strokeDasharray={s.dashed ? '6 4' : undefined}
            dot={(spec.source === 'epoch' || spec.xKey) && rows.length < 40 ? { r: 2 } : false}
            isAnimationActive={false}
            connectNulls
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
