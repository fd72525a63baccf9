// The weighting lab's view where RC and DVAO part: each sampled group's step scale against how much its
// objectives agree, drawn from the run's `stepScale` artifact (reward-side methods).
import { CartesianGrid, Legend, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { artifactOf } from '../../../core/experiment/types';
import type { GroupScale } from '../../../core/labs/weighting/advantages';
import { weightingLab } from '../../../core/labs/weighting';
import { selectCurrentRun } from '../../../state/selectors';
import { useLabStore } from '../../appStore';
import { ChartTable, useChartOrTable } from '../../charts/ChartTable';

const SERIES = [
  { key: 'rc', name: 'RC', color: '#b42318' },
  { key: 'dvao', name: 'DVAO', color: '#7a5af8' },
  { key: 'ac', name: 'AC', color: '#667085' },
] as const;

const fmt = (v: unknown) => (typeof v === 'number' ? v.toFixed(3) : String(v));
/**
 * Groups drawn (the latest): recharts draws a dot in about a millisecond here, and 400 groups × 3 estimators held
 * the page for 1–2 s at every epoch's end. The table has every group.
 */
const DRAWN = 100;
/** A plain circle: recharts' default symbol builds a d3 path per dot. */
const dot = (p: { cx?: number; cy?: number; fill?: unknown }) => <circle cx={p.cx} cy={p.cy} r={3} fill={typeof p.fill === 'string' ? p.fill : undefined} />;

/** The sampled groups as dots (one per group and estimator), or as a table of the same numbers. */
function StepScaleChart({ points }: { points: readonly GroupScale[] }) {
  const drawn = points.slice(-DRAWN);
  const { toggle, body } = useChartOrTable(
    `Step scale √(mean A²) against agreement ρ (0–1) for the latest ${drawn.length} groups, one dot per group for each of ${SERIES.map((s) => s.name).join(', ')}. Unitless; neither direction is better.`,
    () => (
      <ResponsiveContainer width="100%" height={280}>
        <ScatterChart margin={{ top: 8, right: 24, bottom: 28, left: 8 }}>
          <CartesianGrid stroke="#e5e8ee" />
          <XAxis type="number" dataKey="agreement" name="agreement ρ" domain={[0, 1]} ticks={[0, 0.2, 0.4, 0.6, 0.8, 1]} tickFormatter={(v: number) => v.toFixed(1)} label={{ value: 'agreement ρ = std(Σ b r) / Σ b σ (unitless)', position: 'insideBottom', offset: -16, fontSize: 12 }} />
          <YAxis type="number" dataKey="scale" name="step scale" domain={[0, 'auto']} tickFormatter={(v: number) => v.toFixed(2)} label={{ value: 'step scale √(mean A²)', angle: -90, position: 'insideLeft', fontSize: 12, style: { textAnchor: 'middle' } }} />
          <Tooltip formatter={fmt} isAnimationActive={false} />
          <Legend verticalAlign="top" height={22} iconSize={10} wrapperStyle={{ fontSize: 12 }} />
          {SERIES.map((s) => (
            <Scatter key={s.key} name={s.name} fill={s.color} data={drawn.map((p) => ({ agreement: p.agreement, scale: p[s.key] }))} isAnimationActive={false} shape={dot} />
          ))}
        </ScatterChart>
      </ResponsiveContainer>
    ),
    () => (
      <ChartTable
        caption="Step scale against agreement, per group"
        columns={[{ key: 'agreement', label: 'agreement ρ (unitless)' }, ...SERIES.map((s) => ({ key: s.key, label: `${s.name} step scale √(mean A²)` }))]}
        rows={points.map((p) => ({ ...p }))}
      />
    ),
    'chart-box-auto',
  );
  return (
    <figure className="chart" data-testid="step-scale-chart" data-points={drawn.length}>
      <figcaption>
        <span>
          Step scale √(mean A²) against agreement ρ <span className="muted">(one dot per group and estimator, the latest {drawn.length} groups; all {points.length} in the table; unitless; neither direction is better)</span>
        </span>
        {toggle}
      </figcaption>
      {body}
    </figure>
  );
}

export function StepScalePanel() {
  const artifacts = useLabStore((s) => selectCurrentRun(s)?.artifacts);
  const points = artifactOf(weightingLab, artifacts, 'stepScale');
  return (
    <section className="trained" data-testid="step-scale-panel">
      <h2>Step size against agreement, per group</h2>
      <p className="small">
        Each dot is one user’s group of slates from this run (the latest {points?.length ?? 0}). Across: how much the
        objectives agree in the group, ρ = std(Σ b r) / Σ b σ — 1 when they rise and fall together, towards 0 when
        they cancel. Up: the step size each estimator would give that same group, √(mean A²). RC and DVAO point the
        same way in every group; here they part. RC rescales every group to 1, so a group whose objectives cancel
        is amplified; DVAO’s step is ρ itself, so that group moves the policy less. AC is shown for comparison.
        Neither direction is better: this is how large a step each group gets.
      </p>
      {points?.length ? (
        <StepScaleChart points={points} />
      ) : (
        <p className="small muted">Train with a reward-side method (RC, AC, GDPO, DVAO) to fill this view; it updates at each epoch’s end.</p>
      )}
    </section>
  );
}
