// Everything measured, by runId: the events each run emitted, its backend and how it ended; and each lab's last run.
import type { StateCreator } from 'zustand';
import type { ProgressEvent, RunOutcome } from '../core/experiment/types';
import type { BackendReport } from '../core/tf/backends';
import type { LabState } from './store';
import { appendThinned } from './thinSteps';

export type StepEvent = Extract<ProgressEvent, { kind: 'step' }>;
export type EpochEvent = Extract<ProgressEvent, { kind: 'epoch' }>;

/**
 * At most this many step events are kept per run; past it they are thinned evenly (the latest is always kept).
 * Charts draw at most a few hundred points anyway; epochs are few and never thinned.
 */
export const MAX_STEPS_KEPT = 10_000;

/** How a run ended: its own outcome, or 'failed' when it threw or its worker died (`message` says why). */
export type RecordOutcome = RunOutcome | { status: 'failed'; message: string };

export interface RunRecord {
  runId: string;
  labId: string;
  config: Record<string, unknown>;
  backend?: BackendReport;
  totalSteps: number;
  stepsPerEpoch: number;
  info: Record<string, string | number>;
  /** The step events kept: every `stepStride`-th of the `stepsSeen` that arrived, and the latest. */
  steps: StepEvent[];
  stepStride: number;
  stepsSeen: number;
  epochs: EpochEvent[];
  /** The latest artifact of each name (views a lab's panel draws). */
  artifacts: Record<string, unknown>;
  /** Absent while the run goes on (or winds down after being replaced); every run gets one. */
  outcome?: RecordOutcome;
  error?: string;
}

export interface ResultsSlice {
  runs: Record<string, RunRecord>;
  /** The run each lab shows: its last one (none before its first run, nor after Reset). */
  runIdByLab: Record<string, string>;
  /** Records a new run as its lab's last one, dropping the lab's older records that have ended. */
  addRun(runId: string, labId: string, config: Record<string, unknown>): void;
  /** The lab shows no run (Reset); the record stays until the lab's next run, so a late ending still lands. */
  clearLabRun(labId: string): void;
  setRunBackend(runId: string, report: BackendReport): void;
  /** Appends a batch of events (the bridge batches them so charts re-render a few times a second, not per step). */
  appendEvents(runId: string, events: ProgressEvent[]): void;
  /** Records how a run ended: its outcome, or (none) failed with `error`. */
  finishRun(runId: string, outcome: RunOutcome | undefined, error?: string): void;
}

function update(s: LabState, runId: string, f: (r: RunRecord) => Partial<RunRecord>): Partial<LabState> {
  const r = s.runs[runId];
  return r ? { runs: { ...s.runs, [runId]: { ...r, ...f(r) } } } : {};
}

export const createResultsSlice: StateCreator<LabState, [], [], ResultsSlice> = (set) => ({
  runs: {},
  runIdByLab: {},
  addRun: (runId, labId, config) =>
    set((s) => {
      // Memory stays bounded: a lab keeps only its last run (the active run is the last of its lab), and the runs
      // it replaced until their ending lands (it comes within a step, or the client ends them when the worker
      // dies). Run history will keep more, summarised, in a later issue.
      const others = Object.fromEntries(Object.entries(s.runs).filter(([, r]) => r.labId !== labId || !r.outcome));
      const record: RunRecord = { runId, labId, config, totalSteps: 0, stepsPerEpoch: 0, info: {}, steps: [], stepStride: 1, stepsSeen: 0, epochs: [], artifacts: {} };
      return { runs: { ...others, [runId]: record }, runIdByLab: { ...s.runIdByLab, [labId]: runId } };
    }),
  clearLabRun: (labId) =>
    set((s) => {
      if (!(labId in s.runIdByLab)) return {};
      const runIdByLab = { ...s.runIdByLab };
      delete runIdByLab[labId];
      return { runIdByLab };
    }),
  setRunBackend: (runId, report) => set((s) => update(s, runId, () => ({ backend: report }))),
  appendEvents: (runId, events) =>
    set((s) =>
      update(s, runId, (r) => {
        const started = events.find((e) => e.kind === 'started');
        const steps = appendThinned({ items: r.steps, stride: r.stepStride, seen: r.stepsSeen }, events.filter((e): e is StepEvent => e.kind === 'step'), MAX_STEPS_KEPT);
        return {
          ...(started?.kind === 'started' ? { totalSteps: started.totalSteps, stepsPerEpoch: started.stepsPerEpoch, info: started.info } : {}),
          steps: steps.items,
          stepStride: steps.stride,
          stepsSeen: steps.seen,
          epochs: r.epochs.concat(events.filter((e): e is EpochEvent => e.kind === 'epoch')),
          ...(events.some((e) => e.kind === 'artifact')
            ? { artifacts: { ...r.artifacts, ...Object.fromEntries(events.flatMap((e) => (e.kind === 'artifact' ? [[e.name, e.data]] : []))) } }
            : {}),
        };
      }),
    ),
  finishRun: (runId, outcome, error) =>
    set((s) => update(s, runId, () => (outcome ? { outcome, error } : { outcome: { status: 'failed', message: error ?? 'unknown error' }, error: error ?? 'unknown error' }))),
});

/** The runs that ended between two states (an outcome now, none before): what the run history keeps and a lesson step waits for. */
export function newlyEnded(runs: Record<string, RunRecord>, before: Record<string, RunRecord>): RunRecord[] {
  if (runs === before) return [];
  return Object.entries(runs).flatMap(([id, r]) => (r.outcome && !before[id]?.outcome ? [r] : []));
}
