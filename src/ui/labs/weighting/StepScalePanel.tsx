// The weighting lab's view where RC and DVAO part: each sampled group's step scale against how much its
// objectives agree, drawn from the run's `stepScale` artifact (reward-side methods).
import { artifactOf } from '../../../core/experiment/types';
import type { GroupScale } from '../../../core/labs/weighting/advantages';
import { weightingLab } from '../../../core/labs/weighting';
import { selectCurrentRun } from '../../../state/selectors';
import { useLabStore } from '../../appStore';
import { ChartTable, useChartOrTable } from '../../charts/ChartTable';
import { PlainScatter } from '../../charts/PlainScatter';

const SERIES = [
  { key: 'rc', name: 'RC', color: '#b42318' },
  { key: 'dvao', name: 'DVAO', color: '#7a5af8' },
  { key: 'ac', name: 'AC', color: '#667085' },
] as const;

/** Groups drawn (the latest): a readable cloud. The table has every group. */
const DRAWN = 100;

/** The sampled groups as dots (one per group and estimator), or as a table of the same numbers. */
function StepScaleChart({ points }: { points: readonly GroupScale[] }) {
  const drawn = points.slice(-DRAWN);
  const { toggle, body } = useChartOrTable(
    `Step scale √(mean A²) against agreement ρ (0–1) for the latest ${drawn.length} groups, one dot per group for each of ${SERIES.map((s) => s.name).join(', ')}. Unitless; neither direction is better.`,
    // Plain SVG, not recharts: it redraws at every epoch's end while the run trains, and recharts took 1–2 s for
    // 400 groups × 3 estimators (about a millisecond a dot here).
    () => (
      <PlainScatter
        height={280}
        series={SERIES.map((s) => ({ key: s.key, name: s.name, color: s.color, points: drawn.map((p) => ({ x: p.agreement, y: p[s.key] })) }))}
        xDomain={[0, 1]}
        xTicks={[0, 0.2, 0.4, 0.6, 0.8, 1]}
        xLabel="agreement ρ = std(Σ b r) / Σ b σ (unitless)"
        yLabel="step scale √(mean A²)"
        xName="agreement ρ"
        yName="step scale"
        xFmt={(v) => v.toFixed(1)}
        yFmt={(v) => v.toFixed(2)}
      />
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
        Each dot is one user’s group of slates from this run (the latest {Math.min(DRAWN, points?.length ?? 0)}; the table has all {points?.length ?? 0}). Across: how much the
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
