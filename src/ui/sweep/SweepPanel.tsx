// The "Pareto sweep" section: run the lab's sweep plan in the worker, follow it, and read the two fronts.
import { useMemo, useState } from 'react';
import { selectConfig, selectIsActive, selectLab, selectSweep } from '../../state/selectors';
import type { SweepState } from '../../state/sweepSlice';
import { useLabStore } from '../appStore';
import { downloadBlob, fileStamp } from './download';
import { sweepCsv, sweepJson } from './exportSweep';
import { ParetoChart } from './ParetoChart';
import { consumptionKey, metricKeys, metricLabels, paretoPoints } from './sweepPoints';
import { SweepTable } from './SweepTable';

const X_KEY = 'ild';
const X_LABEL = 'ILD@10 (diversity)';
const C_LABEL: Record<number, string> = { 1: 'HR@10 (= U₁)', 2: 'U₂@10', 3: 'U₃@10' };

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

export function SweepPanel() {
  const lab = useLabStore(selectLab);
  const sweep = useLabStore(selectSweep);
  const training = useLabStore(selectIsActive);
  const consumeC = Number(useLabStore(selectConfig).consumeC) || 1;
  const startSweep = useLabStore((s) => s.startSweep);
  const [objectives, setObjectives] = useState<2 | 3>(2);
  const cancelSweep = useLabStore((s) => s.cancelSweep);
  const [c, setC] = useState(consumeC);
  const [view, setView] = useState<'charts' | 'table'>('charts');

  // A sweep of another lab stays in the store but is not shown here.
  const runs = sweep.labId === lab.id ? sweep.runs : [];
  const names = useMemo(() => metricLabels(lab.charts), [lab]);
  const metrics = useMemo(() => metricKeys(runs, lab.charts), [runs, lab]);
  const yKey = consumptionKey(c);
  const precisionPoints = useMemo(() => paretoPoints(runs, X_KEY, 'precision'), [runs]);
  const hitPoints = useMemo(() => paretoPoints(runs, X_KEY, yKey), [runs, yKey]);
  const fronts = useMemo(
    () => [
      { name: 'Precision', indices: new Set(precisionPoints.filter((p) => p.front).map((p) => p.index)) },
      { name: C_LABEL[c], indices: new Set(hitPoints.filter((p) => p.front).map((p) => p.index)) },
    ],
    [precisionPoints, hitPoints, c],
  );
  const running = sweep.status === 'running';
  const download = (text: string, type: string, ext: string) => downloadBlob(new Blob([text], { type }), `${fileStamp(`sweep-${lab.id}`, new Date())}.${ext}`);

  return (
    <section className="sweep-panel" aria-label="Pareto sweep" data-testid="sweep-panel" data-status={sweep.status}>
      <div className="sweep-head">
        <h2>Pareto sweep</h2>
        <p className="small muted">
          {objectives === 3
            ? '30 runs, one after another in the worker, from the same data, seed and warm start, with this config’s epochs: hand weights (RC) on every point of the relevance/diversity/novelty simplex in fifths (labelled r/d/n), '
            : '20 runs, one after another in the worker, from the same data, seed and warm start, with this config’s epochs: hand weights (RC, w on relevance, 1 − w on diversity, w = 0, 0.1, …, 1), '}
          then DVAO, GDPO, UW, DWA and GradNorm at your sliders, then RC with the consumption-style relevance reward, then relevance alone with its lists re-ranked for a user who consumes c (no weights), then the other backbones (Mult-VAE, AMP-CF) with your method at your sliders. Teaching
          toggles (noise, the saturating reward) are off in every run. Each panel plots diversity against accuracy: as if every
          item is consumed, and as if the user consumes only a few.
        </p>
      </div>
      <div className="sweep-controls">
        <label className="sweep-objectives">
          <span>Hand weights over</span>
          <select value={objectives} onChange={(e) => setObjectives(Number(e.target.value) as 2 | 3)} disabled={running} data-testid="sweep-objectives">
            <option value={2}>relevance–diversity (11 points)</option>
            <option value={3}>all three objectives (21 points)</option>
          </select>
        </label>
        <button className="primary" onClick={() => startSweep({ objectives })} disabled={running || training} data-testid="sweep-run" title={training ? 'Stop or reset the training run first' : 'Train every run of the sweep'}>
          Run sweep
        </button>
        <button onClick={() => cancelSweep()} disabled={!running} data-testid="sweep-cancel" title="Stop after the current run; finished runs are kept">
          Cancel
        </button>
        <span className={`status status-sweep-${sweep.status}`} data-testid="sweep-status" role="status">
          {sweep.status}
        </span>
      </div>
      <div className="progress sweep-progress">
        <progress max={Math.max(1, sweep.total)} value={progressValue(sweep)} data-testid="sweep-progress" aria-label="Sweep progress" />
        <span className="progress-text" data-testid="sweep-progress-text">
          {progressText(sweep)}
        </span>
      </div>
      {sweep.message && sweep.status !== 'running' ? (
        <p className={sweep.status === 'failed' ? 'run-message' : 'small muted'} data-testid="sweep-message">
          {sweep.message}
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
            <label className="field inline-c">
              <span className="field-label">Consumes a few: c =</span>
              <select value={c} onChange={(e) => setC(Number(e.target.value))} data-testid="sweep-c" aria-label="c: good items the user needs">
                {[1, 2, 3].map((v) => (
                  <option key={v} value={v}>
                    {v} ({C_LABEL[v]})
                  </option>
                ))}
              </select>
            </label>
            <span className="sweep-export">
              Export:
              <button onClick={() => download(sweepCsv(sweep, metrics), 'text/csv;charset=utf-8', 'csv')} data-testid="sweep-csv">
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
                <ParetoChart testId="pareto-precision" title="If every item is consumed" xLabel={X_LABEL} yLabel="Precision@10" points={precisionPoints} names={names} metricOrder={metrics} />
                <ParetoChart testId="pareto-hit" title="If the user consumes only a few" xLabel={X_LABEL} yLabel={C_LABEL[c]} points={hitPoints} names={names} metricOrder={metrics} />
              </div>
              <p className="small muted pareto-legend">
                <span className="key key-hand" /> hand weights, labelled by {objectives === 3 ? 'r/d/n' : 'w (the weight on relevance)'} <span className="key key-automatic" /> automatic method{' '}
                <span className="key key-consumption" /> consumption-style reward <span className="key key-rerank" /> relevance only, re-ranked for a user who consumes c (Peng et al.){' '}
                <span className="key key-backbone" /> another backbone, same method and sliders{' '}
                <span className="key key-front" /> on the Pareto front (no run is better on both axes), joined by the line{' '}
                <span className="key-diverged">✕</span> diverged (kept, last values, never on the front). Hover a point for its settings and numbers.
              </p>
            </>
          ) : (
            <SweepTable runs={runs} metrics={metrics} names={names} fronts={fronts} />
          )}
        </>
      ) : null}
    </section>
  );
}
