// One Pareto panel: each sweep run as a point (diversity vs an accuracy metric), the front highlighted and joined.
import { memo, useMemo, useRef, useState } from 'react';
import { CartesianGrid, LabelList, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import type { ScatterShapeProps } from 'recharts/types/util/ScatterUtils';
import type { SweepKind } from '../../core/experiment/sweepPlan';
import { downloadBlob, fileStamp, svgToPng } from './download';
import { frontLine, outcomeText, type ParetoPoint } from './sweepPoints';

/** A point whose family the plan does not name. */
const OTHER = '#98a2b3';
const FRONT = '#1d2430';
const DIVERGED = '#b42318';

const tick = (v: number) => String(Number(v.toPrecision(3)));
const num = (v: unknown) => (typeof v === 'number' ? (Number.isFinite(v) ? v.toFixed(4) : '–') : String(v ?? '–'));

/** A circle coloured by family, ringed when on the front; a red cross for a diverged run. */
function pointShape(colors: Record<string, string>) {
  return function PointShape(props: ScatterShapeProps) {
    const { cx, cy } = props;
    const p = props.payload as ParetoPoint | undefined;
    if (cx === undefined || cy === undefined || !p) return <g />;
    if (p.diverged) {
      return <path d={`M${cx - 5},${cy - 5}L${cx + 5},${cy + 5}M${cx - 5},${cy + 5}L${cx + 5},${cy - 5}`} stroke={DIVERGED} strokeWidth={2.5} />;
    }
    return <circle cx={cx} cy={cy} r={p.front ? 6 : 4.5} fill={colors[p.kind] ?? OTHER} stroke={p.front ? FRONT : '#fff'} strokeWidth={p.front ? 2 : 1} />;
  };
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
}

export const ParetoChart = memo(function ParetoChart({ testId, title, xLabel, yLabel, points, names, metricOrder, kinds, settings }: ParetoChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const shape = useMemo(() => pointShape(Object.fromEntries(kinds.map((k) => [k.id, k.color]))), [kinds]);
  const [pngError, setPngError] = useState<string | null>(null);
  const line = frontLine(points);
  const savePng = async () => {
    const svg = box.current?.querySelector<SVGSVGElement>('svg.recharts-surface');
    if (!svg) return setPngError('nothing drawn yet');
    try {
      setPngError(null);
      downloadBlob(await svgToPng(svg, title), `${fileStamp(testId, new Date())}.png`);
    } catch (e) {
      setPngError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <figure className="chart pareto" data-testid={testId} data-points={points.length} data-front={line.length}>
      <figcaption>
        <span className="chart-title">{title}</span>
        <span className="better better-higher">↗ up and right is better</span>
        <button className="link small" onClick={savePng} data-testid={`${testId}-png`} title="Save this chart as a PNG image">
          PNG
        </button>
      </figcaption>
      <div className="chart-box pareto-box" ref={box}>
        <ResponsiveContainer width="100%" height="100%">
          <ScatterChart margin={{ top: 16, right: 20, bottom: 30, left: 14 }}>
            <CartesianGrid stroke="#e5e8ee" />
            <XAxis
              type="number"
              dataKey="x"
              name={xLabel}
              domain={['auto', 'auto']}
              padding={{ left: 16, right: 16 }}
              tickFormatter={tick}
              tick={{ fontSize: 11 }}
              label={{ value: `${xLabel} (higher is better) →`, position: 'insideBottom', offset: -16, fill: '#555', fontSize: 12 }}
            />
            <YAxis
              type="number"
              dataKey="y"
              name={yLabel}
              width={56}
              domain={['auto', 'auto']}
              padding={{ top: 20, bottom: 8 }}
              tickFormatter={tick}
              tick={{ fontSize: 11 }}
              label={{ value: `${yLabel} (higher is better) →`, angle: -90, position: 'insideLeft', fill: '#555', fontSize: 12, style: { textAnchor: 'middle' } }}
            />
            <Tooltip isAnimationActive={false} cursor={{ strokeDasharray: '3 3' }} content={(p) => <PointTip active={p.active} payload={p.payload} names={names} metricOrder={metricOrder} settings={settings} />} />
            <Scatter name="Pareto front" data={line} line={{ stroke: FRONT, strokeWidth: 1.5 }} lineType="joint" shape={() => <g />} isAnimationActive={false} tooltipType="none" />
            <Scatter name="runs" data={points} shape={shape} isAnimationActive={false}>
              <LabelList dataKey="chartLabel" position="top" offset={8} style={{ fontSize: 10, fill: '#475467' }} />
            </Scatter>
          </ScatterChart>
        </ResponsiveContainer>
      </div>
      {pngError ? <p className="field-error">PNG: {pngError}</p> : null}
    </figure>
  );
});
