// The sweep on record (one of a lab's `sweeps`): its plan, each finished run's outcome and summary, and its progress.
import type { StateCreator } from 'zustand';
import { getLab } from '../core/labs/registry';
import type { RunReport, SweepRunOutcome } from '../worker/protocol';
import type { RunClient } from './runSlice';
import type { LabState } from './store';

export type SweepStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

/** One finished run of a sweep (diverged, stopped and failed runs are kept and say so in `outcome`). */
export interface SweepRunRecord {
  index: number;
  /** The plan's short label ("w=0.3", "DVAO") and family (one of the plan's `kinds`). */
  label: string;
  kind: string;
  config: Record<string, unknown>;
  outcome: SweepRunOutcome;
  /** Final value of each epoch metric (empty when the run threw). */
  summary: Record<string, number>;
  /** Every evaluation's values, epoch 0 first (absent in records made before runs carried them). */
  epochs?: Record<string, number>[];
  error?: string;
}

export interface SweepState {
  runId: string | null;
  labId: string | null;
  /** Which of the lab's sweeps, and which variant of it. */
  planId: string | null;
  variant: string | null;
  status: SweepStatus;
  /** Runs in the plan. */
  total: number;
  /** Runs reported so far, in grid order. */
  runs: SweepRunRecord[];
  /** The run in progress (0-based), its epoch and step, and its totals (from its 'started' event). */
  currentIndex: number;
  currentEpoch: number;
  currentEpochs: number;
  currentStep: number;
  currentTotalSteps: number;
  /** Why the sweep failed or was cancelled. */
  message: string | null;
  /** The worker has reported the end (or the sweep was replaced): no more runs will arrive. */
  settled: boolean;
  /** Wall-clock start and end (ms since the epoch), for "17 runs in 12 s" measured in this browser. */
  startedAt: number | null;
  endedAt: number | null;
}

export interface SweepSlice {
  sweep: SweepState;
  /**
   * Runs one of the current lab's sweeps (default: its first) over the current config, in the given variant
   * (refused, with a notice, while a run trains or when the config cannot be swept).
   */
  startSweep(opts?: { planId?: string; variant?: string }): void;
  /**
   * Stops the sweep at its current run (kept as 'stopped'); finished runs are kept. With a `reason`, another
   * run is replacing the sweep, so no closing message will come and it is settled at once.
   */
  cancelSweep(reason?: string): void;
  /** From the client: a message about the sweep (its runId). */
  receiveSweep(msg: RunReport): void;
}

export const IDLE_SWEEP: SweepState = {
  runId: null,
  labId: null,
  planId: null,
  variant: null,
  status: 'idle',
  total: 0,
  runs: [],
  currentIndex: 0,
  currentEpoch: 0,
  currentEpochs: 0,
  currentStep: 0,
  currentTotalSteps: 0,
  message: null,
  settled: true,
  startedAt: null,
  endedAt: null,
};

export function createSweepSlice(client: RunClient): StateCreator<LabState, [], [], SweepSlice> {
  return (set, get) => {
    /** The plan of the sweep on record (labels and kinds by index). */
    let plan: { label: string; kind: string }[] = [];
    const patch = (p: Partial<SweepState>) => set((s) => ({ sweep: { ...s.sweep, ...p } }));

    return {
      sweep: IDLE_SWEEP,
      startSweep: (opts = {}) => {
        const { labId, configs, backend, datasets, sweep, activeStatus } = get();
        const sweeps = getLab(labId).sweeps ?? [];
        const spec = opts.planId === undefined ? sweeps[0] : sweeps.find((p) => p.id === opts.planId);
        if (!spec || sweep.status === 'running') return;
        if (activeStatus === 'running' || activeStatus === 'paused') {
          return get().addNotice(`${spec.title}: stop or reset the training run first — the worker trains one thing at a time.`);
        }
        if (get().findingRunId) return get().addNotice(`${spec.title}: cancel the finding's re-run first — the worker trains one thing at a time.`);
        const config = configs[labId];
        const variant = opts.variant ?? spec.variants?.choices[0]?.value;
        let points;
        try {
          points = spec.points(config, variant);
        } catch (e) {
          return get().addNotice(`${spec.title}: ${e instanceof Error ? e.message : String(e)}`);
        }
        plan = points.map(({ label, kind }) => ({ label, kind }));
        // The loaded dataset travels with the sweep, as with a run; every run shares it and its warm start.
        const runId = client.sweep(labId, config, points.map((p) => p.override), backend, datasets[String(config.dataset)]);
        set({ sweep: { ...IDLE_SWEEP, runId, labId, planId: spec.id, variant: variant ?? null, status: 'running', total: points.length, settled: false, startedAt: Date.now() } });
      },
      cancelSweep: (reason) => {
        const { sweep } = get();
        if (sweep.status !== 'running' || !sweep.runId) return;
        client.stop(sweep.runId);
        // Shown at once; the stopped run and the closing 'done' still arrive and are recorded (the client passes
        // them on even when a training run replaced the sweep).
        const message = `Cancelled${reason ? ` (${reason})` : ''} after ${sweep.runs.length} of ${sweep.total} runs; finished runs are kept.`;
        patch({ status: 'cancelled', message, endedAt: Date.now(), settled: Boolean(reason) });
      },
      receiveSweep: (msg) => {
        const { sweep } = get();
        if (msg.runId !== sweep.runId) return;
        if (msg.type === 'backend') return set({ backendReport: msg.report });
        if (msg.type === 'sweepProgress') {
          const e = msg.event;
          if (e.kind === 'started') {
            return patch({ currentIndex: msg.index, currentEpoch: 0, currentStep: 0, currentEpochs: Math.ceil(e.totalSteps / Math.max(1, e.stepsPerEpoch)), currentTotalSteps: e.totalSteps });
          }
          if (e.kind === 'artifact') return;
          return patch({ currentIndex: msg.index, currentStep: e.step, ...(e.kind === 'epoch' ? { currentEpoch: e.epoch } : {}) });
        }
        if (msg.type === 'sweepRun') {
          const point = plan[msg.index] ?? { label: `run ${msg.index + 1}`, kind: '' };
          const record: SweepRunRecord = { index: msg.index, ...point, config: msg.config, outcome: msg.outcome, summary: msg.summary, ...(msg.epochs ? { epochs: msg.epochs } : {}), ...(msg.error ? { error: msg.error } : {}) };
          return patch({ runs: [...sweep.runs.filter((r) => r.index !== msg.index), record].sort((a, b) => a.index - b.index) });
        }
        if (msg.type === 'done' && 'sweep' in msg) {
          const ended = sweep.status === 'running' ? { endedAt: Date.now() } : {};
          if (msg.sweep.cancelled) return patch({ status: 'cancelled', message: sweep.message ?? `Cancelled after ${msg.sweep.ran} of ${msg.sweep.total} runs; finished runs are kept.`, settled: true, ...ended });
          return patch({ status: 'done', settled: true, ...ended });
        }
        if (msg.type === 'error') return patch({ status: 'failed', message: msg.message, settled: true, endedAt: Date.now() });
      },
    };
  };
}
