// A lab's sweep section (one of `lab.sweeps`): run the plan in the worker, follow it, and read its Pareto panels.
import { useMemo, useState } from 'react';
import type { SweepPanelSpec, SweepPlan } from '../../core/experiment/sweepPlan';
import type { Lab } from '../../core/experiment/types';
import { selectConfig, selectIsActive, selectSweep } from '../../state/selectors';
import type { SweepState } from '../../state/sweepSlice';
import { useLabStore } from '../appStore';
import { downloadBlob, fileStamp } from './download';
import { sweepCsv, sweepJson } from './exportSweep';
import { ParetoChart } from './ParetoChart';
import { percentChange, sharedRange, signedPercent } from './relativeScale';
import { metricDirections, metricKeys, metricLabels, paretoPoints, type ParetoPoint } from './sweepPoints';
import { SweepTable } from './SweepTable';

function seconds(ms: number): string {
  return ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** "run 3 of 17, epoch 1 of 2" while running; the count and the time taken after. */
function progressText(s: SweepState): string {
  if (s.status === 'idle') return 'not started';
  const took = s.startedAt !== null && s.endedAt !== null ? ` in ${seconds(s.endedAt - s.startedAt)}` : '';
  if (s.status === 'running') return `run ${Math.min(s.currentIndex + 1, s.total)} of ${s.total}, epoch ${s.currentEpoch}${s.currentEpochs ? ` of ${s.currentEpochs}` : ''}`;
  if (s.status === 'done') return `${s.runs.length} of ${s.total} runs${took}`;
  if (s.status === 'cancelled') {
    const finished = s.runs.filter((r) => r.outcome.status !== 'stopped').length;
    return `cancelled: ${finished} of ${s.total} runs finished${took}${s.settled ? '' : ' · stopping the current run…'}`;
  }
  return 'failed';
}

/** Runs finished plus the share of the current one done. */
function progressValue(s: SweepState): number {
  if (s.status !== 'running') return s.runs.length;
  const frac = s.currentTotalSteps > 0 ? Math.min(1, s.currentStep / s.currentTotalSteps) : 0;
  return Math.min(s.total, s.runs.length + frac);
}

/** Ticks of a relative panel; module-level so the memoised chart is not redrawn by every progress update. */
const percentTick = (v: number) => signedPercent(v);

/** The y metric a panel shows for its picker position. */
const yOf = (panel: SweepPanelSpec, pick: number) => panel.y[Math.min(pick, panel.y.length - 1)];

/** One Pareto panel of the plan, with its y picker when it has several y metrics. */
function PanelView({ panel, plan, points, names, metrics, pick, onPick, relative }: { panel: SweepPanelSpec; plan: SweepPlan; points: ParetoPoint[]; names: Record<string, string>; metrics: string[]; pick: number; onPick: (i: number) => void; relative?: [number, number] }) {
  const y = yOf(panel, pick);
  const yLabel = relative ? `${y.label}, % vs ${plan.relativeTo?.label ?? 'reference'}` : y.label;
  return (
    <div className="pareto-cell">
      {panel.pick && panel.y.length > 1 ? (
        <label className="field inline-c">
          <span className="field-label">{panel.pick.label}</span>
          <select value={pick} onChange={(e) => onPick(Number(e.target.value))} data-testid={`sweep-pick-${panel.id}`} aria-label={`${panel.title}: ${panel.pick.label}`}>
            {panel.y.map((m, i) => (
              <option key={m.key} value={i}>
                {i + 1} ({m.label})
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <ParetoChart testId={`pareto-${panel.id}`} title={panel.title} xLabel={panel.x.label} yLabel={yLabel} points={points} names={names} metricOrder={metrics} kinds={plan.kinds} settings={plan.shownSettings} yDomain={relative} yTick={relative ? percentTick : undefined} yReference={relative ? 0 : undefined} />
    </div>
  );
}

/** The sweep section of `lab` for its plan `plan`. */
export function SweepPanel({ lab, plan }: { lab: Lab; plan: SweepPlan }) {
  const sweep = useLabStore(selectSweep);
  const training = useLabStore(selectIsActive);
  const config = useLabStore(selectConfig);
  const startSweep = useLabStore((s) => s.startSweep);
  const cancelSweep = useLabStore((s) => s.cancelSweep);
  const [variant, setVariant] = useState(plan.variants?.choices[0]?.value);
  // Each panel's y picker starts where the config points (e.g. the c a user consumes).
  const [picks, setPicks] = useState<Record<string, number>>(() => Object.fromEntries(plan.panels.map((p) => [p.id, p.pick?.initial(config) ?? 0])));
  const [view, setView] = useState<'charts' | 'table'>('charts');
  const [scale, setScale] = useState<'relative' | 'absolute'>(plan.relativeTo ? 'relative' : 'absolute');

  // A sweep of another lab or plan stays in the store but is not shown here.
  const mine = sweep.labId === lab.id && sweep.planId === plan.id;
  const runs = useMemo(() => (mine ? sweep.runs : []), [mine, sweep.runs]);
  const shown = mine ? sweep : { ...sweep, status: 'idle' as const, total: 0, runs: [], message: null };
  const names = useMemo(() => metricLabels(lab.charts, plan), [lab, plan]);
  const metrics = useMemo(() => metricKeys(runs, lab.charts), [runs, lab]);
  // Each panel's points, computed once: the charts draw them and the table marks their fronts.
  const panelPoints = useMemo(() => plan.panels.map((panel) => paretoPoints(runs, panel.x.key, yOf(panel, picks[panel.id] ?? 0).key, plan.chartLabel)), [plan, runs, picks]);
  // Relative scale: each panel's y as % change from the reference run's own value on that panel, one range for all.
  const reference = useMemo(() => (plan.relativeTo ? runs.find((r) => r.outcome.status === 'completed' && plan.relativeTo!.isReference(r)) : undefined), [plan, runs]);
  const relative = scale === 'relative' && reference !== undefined;
  const drawn = useMemo(
    () =>
      relative
        ? plan.panels.map((panel, i) => {
            const ref = reference!.summary[yOf(panel, picks[panel.id] ?? 0).key];
            return panelPoints[i].map((p) => ({ ...p, y: percentChange(p.y, ref) })).filter((p) => Number.isFinite(p.y));
          })
        : panelPoints,
    [relative, reference, plan, panelPoints, picks],
  );
  const range = useMemo(() => (relative ? sharedRange(drawn.flatMap((ps) => ps.map((p) => p.y))) : undefined), [relative, drawn]);
  const fronts = useMemo(
    () => plan.panels.map((panel, i) => ({ name: yOf(panel, picks[panel.id] ?? 0).label, indices: new Set(panelPoints[i].filter((p) => p.front).map((p) => p.index)) })),
    [plan, panelPoints, picks],
  );
  const running = shown.status === 'running';
  const download = (text: string, type: string, ext: string) => downloadBlob(new Blob([text], { type }), `${fileStamp(`sweep-${lab.id}`, new Date())}.${ext}`);

  return (
    <section className="sweep-panel" aria-label={plan.title} data-testid="sweep-panel" data-status={shown.status}>
      <div className="sweep-head">
        <h2>{plan.title}</h2>
        <p className="small muted">{plan.describe(variant)}</p>
      </div>
      <div className="sweep-controls">
        {plan.variants ? (
          <label className="sweep-objectives">
            <span>{plan.variants.label}</span>
            <select value={variant} onChange={(e) => setVariant(e.target.value)} disabled={running} data-testid="sweep-variant">
              {plan.variants.choices.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <button className="primary" onClick={() => startSweep({ planId: plan.id, variant })} disabled={sweep.status === 'running' || training} data-testid="sweep-run" title={training ? 'Stop or reset the training run first' : 'Train every run of the sweep'}>
          Run sweep
        </button>
        <button onClick={() => cancelSweep()} disabled={!running} data-testid="sweep-cancel" title="Stop after the current run; finished runs are kept">
          Cancel
        </button>
        <span className={`status status-sweep-${shown.status}`} data-testid="sweep-status" role="status">
          {shown.status}
        </span>
      </div>
      <div className="progress sweep-progress">
        <progress max={Math.max(1, shown.total)} value={progressValue(shown)} data-testid="sweep-progress" aria-label="Sweep progress" />
        <span className="progress-text" data-testid="sweep-progress-text">
          {progressText(shown)}
        </span>
      </div>
      {shown.message && shown.status !== 'running' ? (
        <p className={shown.status === 'failed' ? 'run-message' : 'small muted'} data-testid="sweep-message">
          {shown.message}
        </p>
      ) : null}
      {runs.length > 0 ? (
        <>
          <div className="sweep-toolbar">
            <div role="group" aria-label="View" className="segmented">
              <button aria-pressed={view === 'charts'} onClick={() => setView('charts')} data-testid="sweep-view-charts">
                Charts
              </button>
              <button aria-pressed={view === 'table'} onClick={() => setView('table')} data-testid="sweep-view-table">
                Table
              </button>
            </div>
            {plan.relativeTo ? (
              <div role="group" aria-label="Accuracy scale" className="segmented" title={reference ? undefined : `needs the ${plan.relativeTo.label} run`}>
                <button aria-pressed={relative} disabled={!reference} onClick={() => setScale('relative')} data-testid="sweep-scale-relative">
                  % vs {plan.relativeTo.label}
                </button>
                <button aria-pressed={!relative} onClick={() => setScale('absolute')} data-testid="sweep-scale-absolute">
                  Absolute
                </button>
              </div>
            ) : null}
            <span className="sweep-export">
              Export:
              <button onClick={() => download(sweepCsv(sweep, metrics, plan.shownSettings), 'text/csv;charset=utf-8', 'csv')} data-testid="sweep-csv">
                CSV
              </button>
              <button onClick={() => download(sweepJson(sweep, new Date()), 'application/json', 'json')} data-testid="sweep-json">
                JSON
              </button>
            </span>
          </div>
          {view === 'charts' ? (
            <>
              <div className="pareto-grid">
                {plan.panels.map((panel, i) => (
                  <PanelView key={panel.id} panel={panel} plan={plan} points={drawn[i]} names={names} metrics={metrics} pick={picks[panel.id] ?? 0} onPick={(i) => setPicks((p) => ({ ...p, [panel.id]: i }))} relative={range} />
                ))}
              </div>
              <p className="small muted pareto-legend">
                {plan.kinds.map((k) => (
                  <span key={k.id}>
                    <span className="key" style={{ background: k.color }} /> {k.legend}{' '}
                  </span>
                ))}
                {relative ? <>Both panels share one y scale: each accuracy as its % change from the {plan.relativeTo?.label} run (relevance alone; the dashed 0% line), so a flatter cloud is a smaller trade-off. </> : null}
                <span className="key key-front" /> on the Pareto front (no run is better on both axes), joined by the line <span className="key-diverged">✕</span> diverged (kept, last values, never on the front). Hover a point for its settings and numbers.
              </p>
            </>
          ) : (
            <SweepTable runs={runs} metrics={metrics} names={names} fronts={fronts} settings={plan.shownSettings} better={metricDirections(lab.charts, plan)} />
          )}
        </>
      ) : null}
    </section>
  );
}
