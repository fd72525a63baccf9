// One Pareto panel: each sweep run as a point (diversity vs an accuracy metric), the front highlighted and joined.
import { memo, useEffect, useMemo, useState } from 'react';
import { CartesianGrid, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import type { ScatterShapeProps } from 'recharts/types/util/ScatterUtils';
import type { SweepKind } from '../../core/experiment/sweepPlan';
import { ChartTable, useChartOrTable } from '../charts/ChartTable';
import { downloadBlob, fileStamp, svgToPng } from './download';
import { placeLabels, type Placement } from './labelPlacement';
import { frontLine, outcomeText, type ParetoPoint } from './sweepPoints';

/** A point whose family the plan does not name. */
const OTHER = '#98a2b3';
const FRONT = '#1d2430';
const DIVERGED = '#b42318';

const tick = (v: number) => String(Number(v.toPrecision(3)));
const num = (v: unknown) => (typeof v === 'number' ? (Number.isFinite(v) ? v.toFixed(4) : '–') : String(v ?? '–'));

/** A point with where its label goes (null: left off, the hover names it). */
type PlacedPoint = ParetoPoint & { place: Placement };

/** The point's label at its placed offset, if it has one. */
function PointLabel({ cx, cy, p }: { cx: number; cy: number; p: PlacedPoint }) {
  if (!p.place || !p.chartLabel) return null;
  return (
    <text className="point-label" x={cx + p.place.dx} y={cy + p.place.dy} textAnchor={p.place.anchor} fontSize={10} fill="#475467">
      {p.chartLabel}
    </text>
  );
}

/** A circle coloured by family, ringed when on the front; a red cross for a diverged run; each with its label. */
function pointShape(colors: Record<string, string>) {
  return function PointShape(props: ScatterShapeProps) {
    const { cx, cy } = props;
    const p = props.payload as PlacedPoint | undefined;
    if (cx === undefined || cy === undefined || !p) return <g />;
    if (p.diverged) {
      return (
        <g>
          <path d={`M${cx - 5},${cy - 5}L${cx + 5},${cy + 5}M${cx - 5},${cy + 5}L${cx + 5},${cy - 5}`} stroke={DIVERGED} strokeWidth={2.5} />
          <PointLabel cx={cx} cy={cy} p={p} />
        </g>
      );
    }
    return (
      <g>
        <circle cx={cx} cy={cy} r={p.front ? 6 : 4.5} fill={colors[p.kind] ?? OTHER} stroke={p.front ? FRONT : '#fff'} strokeWidth={p.front ? 2 : 1} />
        <PointLabel cx={cx} cy={cy} p={p} />
      </g>
    );
  };
}

const MARGIN = { top: 12, right: 16, bottom: 30, left: 14 };
const Y_AXIS_WIDTH = 56;
const X_AXIS_HEIGHT = 30;

/** [min, max] of `xs` widened by `pad` of its span on each side (a span of 0 gets ±1% of the value). */
function paddedDomain(xs: readonly number[], pad = 0.07): [number, number] {
  const ok = xs.filter(Number.isFinite);
  if (!ok.length) return [0, 1];
  const lo = Math.min(...ok);
  const hi = Math.max(...ok);
  const d = hi > lo ? (hi - lo) * pad : Math.abs(hi) * 0.01 || 0.01;
  return [lo - d, hi + d];
}

/** Round ticks inside a domain: steps of 1, 2 or 5 × 10^k, about `count` of them. */
export function niceTicks([lo, hi]: [number, number], count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw)!;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) out.push(Number(t.toPrecision(12)));
  return out;
}

/** Size of an element, kept current (the element is state: the box is a new one after each "show as chart"). */
function useSize(el: HTMLDivElement | null): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(([e]) => setSize({ width: e.contentRect.width, height: e.contentRect.height }));
    ro.observe(el);
    return () => ro.disconnect();
  }, [el]);
  return size;
}

/** Hover: the run's label, how it ended, its swept settings and every number it measured. */
function PointTip({ active, payload, names, metricOrder, settings }: Pick<TooltipContentProps, 'active' | 'payload'> & { names: Record<string, string>; metricOrder: string[]; settings: readonly string[] }) {
  const p = active ? (payload?.[0]?.payload as ParetoPoint | undefined) : undefined;
  if (!p) return null;
  const { run } = p;
  return (
    <div className="pareto-tip">
      <b>{p.label}</b> <span className="muted">run {p.index + 1}{p.front ? ' · on the front' : ''}</span>
      {p.diverged ? <div className="field-error">{outcomeText(run.outcome)}: last measured values shown</div> : null}
      <table>
        <tbody>
          {settings.filter((k) => k in run.config).map((k) => (
            <tr key={k}>
              <th scope="row">{k}</th>
              <td>{typeof run.config[k] === 'number' ? tick(run.config[k] as number) : String(run.config[k])}</td>
            </tr>
          ))}
          {metricOrder.map((k) => (
            <tr key={k}>
              <th scope="row">{names[k] ?? k}</th>
              <td>{num(run.summary[k])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export interface ParetoChartProps {
  testId: string;
  title: string;
  xLabel: string;
  yLabel: string;
  points: ParetoPoint[];
  /** Metric names and order for the hover table. */
  names: Record<string, string>;
  metricOrder: string[];
  /** The plan's families (point colours) and the settings the hover shows. */
  kinds: readonly SweepKind[];
  settings: readonly string[];
  /** A y range shared with other panels (absent: this panel's own); `yTick` formats its ticks (e.g. "−10%"). */
  yDomain?: [number, number];
  yTick?: (v: number) => string;
  /** A horizontal line (e.g. the reference point's level, 0%). */
  yReference?: number;
  /** Smaller box (the one-screen view). */
  compact?: boolean;
}

export const ParetoChart = memo(function ParetoChart({ testId, title, xLabel, yLabel, points, names, metricOrder, kinds, settings, yDomain, yTick, yReference, compact }: ParetoChartProps) {
  const [box, setBox] = useState<HTMLDivElement | null>(null);
  const size = useSize(box);
  const xDomain = useMemo(() => paddedDomain(points.map((p) => p.x)), [points]);
  const yDom = useMemo(() => yDomain ?? paddedDomain(points.map((p) => p.y), 0.12), [points, yDomain]);
  // Labels are placed in pixels of the plot area (the domains are set here, so the mapping is known): front points
  // and the rarer families first, the many hand-weight points after; a label with no free spot is left off.
  const placed = useMemo((): PlacedPoint[] => {
    const w = size.width - MARGIN.left - MARGIN.right - Y_AXIS_WIDTH;
    const h = size.height - MARGIN.top - MARGIN.bottom - X_AXIS_HEIGHT + 10;
    if (w <= 0 || h <= 0) return points.map((p) => ({ ...p, place: null }));
    const px = (x: number) => ((x - xDomain[0]) / (xDomain[1] - xDomain[0])) * w;
    const py = (y: number) => ((yDom[1] - y) / (yDom[1] - yDom[0])) * h;
    const places = placeLabels(
      points.map((p) => ({ px: px(p.x), py: py(p.y), text: p.chartLabel, priority: (p.kind === 'hand' ? 2 : 0) + (p.front ? 0 : 1) })),
      { width: w, height: h },
    );
    return points.map((p, i) => ({ ...p, place: places[i] }));
  }, [points, size, xDomain, yDom]);
  const shape = useMemo(() => pointShape(Object.fromEntries(kinds.map((k) => [k.id, k.color]))), [kinds]);
  const [pngError, setPngError] = useState<string | null>(null);
  const line = frontLine(points);
  const savePng = async () => {
    const svg = box?.querySelector<SVGSVGElement>('svg.recharts-surface');
    if (!svg) return setPngError(box ? 'nothing drawn yet' : 'switch back to the chart first');
    try {
      setPngError(null);
      downloadBlob(await svgToPng(svg, title), `${fileStamp(testId, new Date())}.png`);
    } catch (e) {
      setPngError(e instanceof Error ? e.message : String(e));
    }
  };
  const { toggle, body } = useChartOrTable(
    `${title}: ${yLabel} against ${xLabel}, one point per run (${points.length} runs, ${line.length} on the Pareto front${points.some((p) => p.diverged) ? '; diverged runs marked with a cross' : ''}). Higher is better on both axes: up and right is better.`,
    () => (
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={MARGIN}>
          <CartesianGrid stroke="#e5e8ee" />
          <XAxis
            type="number"
            dataKey="x"
            name={xLabel}
            domain={xDomain}
            ticks={niceTicks(xDomain)}
            allowDataOverflow
            height={X_AXIS_HEIGHT}
            tickFormatter={tick}
            tick={{ fontSize: 11 }}
            label={{ value: `${xLabel} (higher is better) →`, position: 'insideBottom', offset: -16, fill: '#555', fontSize: 12 }}
          />
          <YAxis
            type="number"
            dataKey="y"
            name={yLabel}
            width={Y_AXIS_WIDTH}
            domain={yDom}
            ticks={niceTicks(yDom)}
            allowDataOverflow
            tickFormatter={yTick ?? tick}
            tick={{ fontSize: 11 }}
            label={{ value: `${yLabel} (higher is better) →`, angle: -90, position: 'insideLeft', fill: '#555', fontSize: 12, style: { textAnchor: 'middle' } }}
          />
          <Tooltip isAnimationActive={false} cursor={{ strokeDasharray: '3 3' }} content={(p) => <PointTip active={p.active} payload={p.payload} names={names} metricOrder={metricOrder} settings={settings} />} />
          <Scatter name="Pareto front" data={line} line={{ stroke: FRONT, strokeWidth: 1.5 }} lineType="joint" shape={() => <g />} isAnimationActive={false} tooltipType="none" />
          {yReference !== undefined ? <ReferenceLine y={yReference} stroke="#98a2b3" strokeDasharray="4 3" /> : null}
          <Scatter name="runs" data={placed} shape={shape} isAnimationActive={false} />
        </ScatterChart>
      </ResponsiveContainer>
    ),
    () => (
      <ChartTable
        caption={`${title}: every run`}
        columns={[
          { key: 'run', label: 'run' },
          { key: 'x', label: `${xLabel} (higher is better)` },
          { key: 'y', label: `${yLabel} (higher is better)` },
          { key: 'front', label: 'on the Pareto front' },
        ]}
        rows={points.map((p) => ({ run: p.label, x: p.x, y: p.y, front: p.diverged ? outcomeText(p.run.outcome) : p.front ? 'yes' : 'no' }))}
      />
    ),
    'chart-box pareto-box',
    setBox,
  );
  return (
    <figure className={`chart pareto${compact ? ' compact' : ''}`} data-testid={testId} data-points={points.length} data-front={line.length} data-labels={placed.filter((p) => p.place && p.chartLabel).length}>
      <figcaption>
        <span className="chart-title">{title}</span>
        <span className="chart-head-actions">
          <span className="better better-higher">↗ up and right is better</span>
          {toggle}
          <button className="link small" onClick={savePng} data-testid={`${testId}-png`} title="Save this chart as a PNG image">
            PNG
          </button>
        </span>
      </figcaption>
      {body}
      {pngError ? <p className="field-error">PNG: {pngError}</p> : null}
    </figure>
  );
});
