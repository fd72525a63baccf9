// Each automatic method's path in objective space, epoch by epoch, drawn against the hand-weight front of the
// Pareto sweep on record (the same runs, the same axes and scales), with where each path ends.
import { useMemo, useState } from 'react';
import { CartesianGrid, LabelList, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { ScatterShapeProps } from 'recharts/types/util/ScatterUtils';
import { METHOD_INFO, type WeightingMethod } from '../../../core/labs/weighting/methods';
import { objectivePaths, ON_FRONT_TOLERANCE, type MethodPath, type ObjectivePaths, type TracedRun } from '../../../core/labs/weighting/paths';
import { PATH_AXES, paretoSweep } from '../../../core/labs/weighting/sweeps';
import { selectSweep } from '../../../state/selectors';
import type { SweepRunRecord } from '../../../state/sweepSlice';
import { useLabStore } from '../../appStore';
import { ChartTable, useChartOrTable } from '../../charts/ChartTable';

const HAND = '#2f6fdd';
const START = '#1d2430';
const METHOD_COLORS: Record<string, string> = { dvao: '#7a5af8', gdpo: '#c11574', uw: '#d9822b', dwa: '#12b76a', gradnorm: '#b42318' };
const OTHER = '#667085';

const tick = (v: number) => String(Number(v.toPrecision(3)));
const fmt = (v: unknown) => (typeof v === 'number' ? v.toFixed(3) : String(v));
const info = (method: string) => (METHOD_INFO as Record<string, (typeof METHOD_INFO)[WeightingMethod] | undefined>)[method];

/** A sweep record as the core path view reads it. */
const traced = (r: SweepRunRecord): TracedRun => ({ label: r.label, kind: r.kind, config: r.config, epochs: r.epochs ?? [], completed: r.outcome.status === 'completed' });

/** The end of a path: a larger dot ringed in the page's ink, so "where it lands" reads at a glance. */
function EndShape(props: ScatterShapeProps) {
  const { cx, cy } = props;
  const p = props.payload as { method?: string } | undefined;
  if (cx === undefined || cy === undefined) return <g />;
  return <circle cx={cx} cy={cy} r={6.5} fill={METHOD_COLORS[p?.method ?? ''] ?? OTHER} stroke={START} strokeWidth={2} />;
}

/** The start (epoch 0, the shared warm start): a hollow ring. */
function StartShape(props: ScatterShapeProps) {
  const { cx, cy } = props;
  if (cx === undefined || cy === undefined) return <g />;
  return <circle cx={cx} cy={cy} r={6} fill="#fff" stroke={START} strokeWidth={2} />;
}

function verdictText(p: MethodPath): string {
  const by = Math.abs(p.gap).toFixed(2);
  if (p.verdict === 'inside') return `ends inside the front: a hand weight on the line beats it on both axes by ${by} of the front’s span`;
  if (p.verdict === 'beyond') return `ends beyond the front: no point of the line matches it on both axes (short by ${by} of the span)`;
  if (p.verdict === 'on') return `ends on the front (gap ${p.gap >= 0 ? '' : '−'}${by} of the span, within ±${ON_FRONT_TOLERANCE})`;
  return 'no hand-weight front to compare with';
}

/** The paths and the front drawn on one pair of axes, or as a table of every point. */
function PathsChart({ view, axes, starts, ends }: { view: ObjectivePaths; axes: (typeof PATH_AXES)[number]; starts: { x: number; y: number }[]; ends: { x: number; y: number; method: string; label: string }[] }) {
  const rows = [
    ...view.front.map((p) => ({ point: `hand weights: ${p.label}`, x: p.x, y: p.y })),
    ...view.paths.flatMap((p) => p.points.map((q, i) => ({ point: `${p.label}: ${i === 0 ? 'start (epoch 0)' : i === p.points.length - 1 ? 'end' : `point ${i}`}`, x: q.x, y: q.y }))),
  ];
  const { toggle, body } = useChartOrTable(
    `${axes.yLabel} against ${axes.xLabel} diversity, both 0–1: the hand-weight front (${view.front.length} points, w = 0 to 1) and the path over training of ${view.paths.map((p) => p.label).join(', ')}, from the shared warm start to where each ends. Up and right is better.`,
    () => (
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ top: 16, right: 20, bottom: 30, left: 14 }}>
          <CartesianGrid stroke="#e5e8ee" />
          <XAxis
            type="number"
            dataKey="x"
            name={axes.xLabel}
            domain={['auto', 'auto']}
            padding={{ left: 16, right: 16 }}
            tickFormatter={tick}
            tick={{ fontSize: 11 }}
            label={{ value: `${axes.xLabel} diversity, 0–1 (higher is better) →`, position: 'insideBottom', offset: -16, fill: '#555', fontSize: 12 }}
          />
          <YAxis
            type="number"
            dataKey="y"
            name={axes.yLabel}
            width={56}
            domain={['auto', 'auto']}
            padding={{ top: 20, bottom: 8 }}
            tickFormatter={tick}
            tick={{ fontSize: 11 }}
            label={{ value: `${axes.yLabel}, 0–1 (higher is better) →`, angle: -90, position: 'insideLeft', fill: '#555', fontSize: 12, style: { textAnchor: 'middle' } }}
          />
          <Tooltip isAnimationActive={false} formatter={fmt} cursor={{ strokeDasharray: '3 3' }} />
          <Scatter name="hand-weight front" data={view.front} fill={HAND} line={{ stroke: HAND, strokeWidth: 2.5 }} lineType="joint" shape="circle" isAnimationActive={false} />
          {/* The two ends of the front, named: w=1 above its point, w=0 below (the line bends back over it). */}
          <Scatter name="w=1" data={view.front.slice(-1).map((p) => ({ ...p, tag: 'w=1' }))} shape={() => <g />} isAnimationActive={false} tooltipType="none">
            <LabelList dataKey="tag" position="top" offset={8} style={{ fontSize: 10, fill: HAND }} />
          </Scatter>
          <Scatter name="w=0" data={view.front.slice(0, 1).map((p) => ({ ...p, tag: 'w=0' }))} shape={() => <g />} isAnimationActive={false} tooltipType="none">
            <LabelList dataKey="tag" position="bottom" offset={8} style={{ fontSize: 10, fill: HAND }} />
          </Scatter>
          {view.paths.map((p) => (
            <Scatter key={p.label} name={`${p.label} path`} data={p.points} fill={METHOD_COLORS[p.method] ?? OTHER} line={{ stroke: METHOD_COLORS[p.method] ?? OTHER, strokeWidth: 1.5 }} lineType="joint" shape="circle" isAnimationActive={false} legendType="none" />
          ))}
          <Scatter name="start" data={starts} shape={StartShape} isAnimationActive={false} />
          {view.paths.map((p, i) => (
            <Scatter key={`${p.label}-end`} name={`${p.label} end`} data={[ends[i]]} fill={METHOD_COLORS[p.method] ?? OTHER} shape={EndShape} isAnimationActive={false}>
              <LabelList dataKey="label" position="right" offset={9} style={{ fontSize: 10, fill: '#475467' }} />
            </Scatter>
          ))}
        </ScatterChart>
      </ResponsiveContainer>
    ),
    () => (
      <ChartTable
        caption={`${axes.yLabel} against ${axes.xLabel}: hand-weight front and each method's path`}
        columns={[
          { key: 'point', label: 'point' },
          { key: 'x', label: `${axes.xLabel} diversity, 0–1 (higher is better)` },
          { key: 'y', label: `${axes.yLabel}, 0–1 (higher is better)` },
        ]}
        rows={rows}
      />
    ),
    'chart-box pareto-box',
  );
  return (
    <figure className="chart pareto" data-testid="paths-chart" data-front={view.front.length} data-paths={view.paths.length}>
      <figcaption>
        <span className="chart-title">
          {axes.yLabel} against {axes.xLabel}: paths over training and the hand-weight front
        </span>
        <span className="chart-head-actions">
          <span className="better better-higher">↗ up and right is better (both 0–1)</span>
          {toggle}
        </span>
      </figcaption>
      {body}
    </figure>
  );
}

export function PathsPanel() {
  const sweep = useLabStore(selectSweep);
  const [axesIndex, setAxesIndex] = useState(0);
  const axes = PATH_AXES[axesIndex];
  const mine = sweep.labId === 'weighting' && sweep.planId === paretoSweep.id;
  const view = useMemo(() => (mine ? objectivePaths(sweep.runs.map(traced), axes) : { front: [], paths: [] }), [mine, sweep.runs, axes]);
  const starts = useMemo(() => {
    // Every run starts from the same warm start; draw each distinct start once.
    const seen = new Map<string, { x: number; y: number; label: string }>();
    for (const p of view.paths) seen.set(`${p.points[0].x}|${p.points[0].y}`, { ...p.points[0], label: 'start' });
    return [...seen.values()];
  }, [view]);
  const ends = useMemo(() => {
    // Methods that end on (nearly) the same spot — within 2% of the plotted range on both axes, where their labels
    // would overprint (UW, DWA and GradNorm often do) — share one label, "UW / DWA", on the first.
    const all = [...view.front, ...view.paths.flatMap((p) => p.points)];
    const range = (k: 'x' | 'y') => Math.max(...all.map((q) => q[k])) - Math.min(...all.map((q) => q[k])) || 1;
    const [rx, ry] = [range('x'), range('y')];
    const owners: { x: number; y: number; method: string; label: string }[] = [];
    return view.paths.map((p) => {
      const end = p.points[p.points.length - 1];
      const owner = owners.find((o) => Math.abs(o.x - end.x) < 0.02 * rx && Math.abs(o.y - end.y) < 0.02 * ry);
      const point = { ...end, method: p.method, label: owner ? '' : p.label };
      if (owner) owner.label = `${owner.label} / ${p.label}`;
      else owners.push(point);
      return point;
    });
  }, [view]);
  const ready = view.front.length > 0 && view.paths.length > 0;

  return (
    <section className="trained paths-panel" data-testid="paths-panel" aria-label="Paths against the hand-weight front">
      <h2>Each method’s path against the hand-weight front</h2>
      <p className="small">
        From the Pareto sweep above, on the same axes and scales as its panels. The blue line is the hand-weight front: the
        final scores of RC trained with weight w on relevance and 1 − w on diversity, joined in order of w (w = 0: diversity
        only; w = 1: relevance only). Each coloured line is one automatic method’s path over training: its held-out scores
        after every epoch, from the ring (epoch 0, the warm start every run shares) to the ringed dot where it ends. A method
        that ends under the line does worse on both axes than some hand weight; one beyond it beats every hand weight on
        at least one axis. One sweep, one seed, measured in this browser.
      </p>
      {!mine || sweep.runs.length === 0 ? (
        <p className="small muted" data-testid="paths-empty">Run the Pareto sweep above (relevance–diversity) to draw the paths.</p>
      ) : !ready ? (
        <p className="small muted" data-testid="paths-empty">
          The paths appear once the sweep has finished its hand-weight runs and at least one automatic method ({view.front.length} hand points, {view.paths.length} paths so far).
        </p>
      ) : (
        <>
          <label className="field inline-c">
            <span className="field-label">Accuracy axis</span>
            <select value={axesIndex} onChange={(e) => setAxesIndex(Number(e.target.value))} data-testid="paths-axes" aria-label="Paths: accuracy axis">
              {PATH_AXES.map((a, i) => (
                <option key={a.y} value={i}>
                  {a.yLabel} ({i === 0 ? 'all ten consumed' : 'one consumed'})
                </option>
              ))}
            </select>
          </label>
          <PathsChart view={view} axes={axes} starts={starts} ends={ends} />
          <ul className="small paths-legend" data-testid="paths-legend">
            <li>
              <span className="key" style={{ background: HAND }} /> hand weights (RC, {view.front.length} points; Shao et al., DeepSeekMath (GRPO), arXiv:2402.03300) <span className="key key-front" /> ring: epoch 0, where every path starts
            </li>
            {view.paths.map((p) => (
              <li key={p.label} data-testid={`paths-verdict-${p.method}`} data-verdict={p.verdict}>
                <span className="key" style={{ background: METHOD_COLORS[p.method] ?? OTHER }} /> <b>{p.label}</b> <span className="muted">({info(p.method)?.paper ?? 'no paper'})</span>: {verdictText(p)}.
              </li>
            ))}
          </ul>
          <p className="small muted">
            How “inside”, “on” and “beyond” are told: each axis is measured in the front’s own span (its highest minus lowest
            value), and the gap is how far the best point of the drawn line — the hand runs and the straight segments between
            them — lies beyond the method’s end on both axes at once. The automatic methods run at your sliders (three
            objectives, novelty included) while the front weighs relevance and diversity alone, as in the Pareto panels; the
            same table comes from <code>npm run lab -- sweep weighting --plan pareto</code>.
          </p>
        </>
      )}
    </section>
  );
}
