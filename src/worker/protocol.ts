// The typed messages between the page and the training worker. Every message carries the runId it is about.
import type { ProgressEvent, RunOutcome, RunResult } from '../core/experiment/types';
import type { BackendChoice, BackendReport } from '../core/tf/backendNames';
import type { ErrorCode } from '../core/errors';
import type { Dataset } from '../core/data/dataset';
import type { MeasuredFinding } from '../core/experiment/findings';

/** Page → worker. */
export type ToWorker =
  | {
      type: 'start';
      runId: string;
      labId: string;
      config: Record<string, unknown>;
      backend: BackendChoice;
      mode: 'running' | 'paused';
      /** The data to train on (structured-cloned: typed arrays copy fast). Absent: the run generates its preset. */
      dataset?: Dataset;
    }
  /** Runs `labId` once per grid entry (`base` overridden by the entry), one after another, as one run id. */
  | {
      type: 'sweep';
      runId: string;
      labId: string;
      base: Record<string, unknown>;
      grid: Record<string, unknown>[];
      backend: BackendChoice;
      dataset?: Dataset;
    }
  /**
   * Re-measures one of `labId`'s declared findings (`findingId`), as `npm run findings` does: every arm once per
   * seed, with its full settings or, `quick`, its fast variant. Like a sweep, it replaces any earlier run.
   */
  | { type: 'finding'; runId: string; labId: string; findingId: string; quick: boolean; backend: BackendChoice }
  | { type: 'pause'; runId: string }
  | { type: 'resume'; runId: string }
  | { type: 'step'; runId: string }
  /** Stops a run; for a sweep, stops its current run (kept, outcome 'stopped') and starts no more. */
  | { type: 'stop'; runId: string }
  /** Settings changed mid-run (a lab's `liveKeys`): the run applies them from its next step. */
  | { type: 'update'; runId: string; patch: Record<string, unknown> }
  /** Are you there? Answered with 'pong' as soon as the worker's event loop is free (between steps); long work also sends unasked pongs. */
  | { type: 'ping' };

/** How one run of a sweep ended: the run's own outcome, or 'failed' when it threw (its message says why). */
export type SweepRunOutcome = RunOutcome | { status: 'failed'; message: string };

/** The end of a sweep: how many runs it had, how many ran, and whether it was cancelled. */
export interface SweepEnd {
  total: number;
  ran: number;
  cancelled: boolean;
}

/** The end of a finding's re-run: the measurement (null when it was cancelled), and how many runs it took. */
export interface FindingEnd {
  measured: MeasuredFinding | null;
  ran: number;
  total: number;
  cancelled: boolean;
}

/**
 * Worker → page. `ready` is sent once when the worker has loaded; `pong` answers each `ping`, and is also sent unasked
 * (at most every ~500 ms) from inside long work that cannot answer pings: the worker's heartbeat.
 */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'pong' }
  | { type: 'backend'; runId: string; report: BackendReport }
  | { type: 'progress'; runId: string; event: ProgressEvent }
  /** A sweep's current run (0-based `index` of `total`): its 'started' and 'epoch' events and every 10th step. */
  | { type: 'sweepProgress'; runId: string; index: number; total: number; event: ProgressEvent }
  /** One run of a sweep ended (any outcome); a diverged or failed run is reported and the sweep goes on. */
  | {
      type: 'sweepRun';
      runId: string;
      index: number;
      config: Record<string, unknown>;
      outcome: SweepRunOutcome;
      summary: Record<string, number>;
      /** Every evaluation's values, epoch 0 first (the run's path; drawn against the sweep's other runs). */
      epochs?: Record<string, number>[];
      error?: string;
    }
  /** A finding's re-run is about to start run `index` (0-based) of `total`: that arm with that seed. */
  | { type: 'findingProgress'; runId: string; index: number; total: number; arm: string; seed: number }
  | { type: 'done'; runId: string; result: RunResult<Record<string, unknown>> }
  /** A finding's re-run ended (measured, or cancelled); a run that failed ends it with an 'error' instead. */
  | { type: 'done'; runId: string; finding: FindingEnd }
  /** A sweep ended: every run it started has been reported by a 'sweepRun' before this. */
  | { type: 'done'; runId: string; sweep: SweepEnd }
  | { type: 'error'; runId: string; code: ErrorCode; message: string };

/** Messages about a run or sweep (all but the worker's own `ready` and `pong`): each carries its runId. */
export type RunReport = Exclude<FromWorker, { type: 'ready' | 'pong' }>;

/** Messages about a sweep (its 'done' carries `sweep`, a single run's carries `result`). */
export type SweepMessage = Extract<FromWorker, { type: 'sweepProgress' | 'sweepRun' }> | Extract<FromWorker, { sweep: SweepEnd }>;

/** Messages about a finding's re-run. */
export type FindingMessage = Extract<FromWorker, { type: 'findingProgress' }> | Extract<FromWorker, { finding: FindingEnd }>;

/** Sweep progress is forwarded for 'started' and 'epoch' events and every this-many steps. */
export const SWEEP_STEP_EVERY = 10;

/** Whether a sweep run's event is worth posting to the page (the page shows run, epoch and a coarse step). */
export function forwardSweepEvent(event: ProgressEvent): boolean {
  return event.kind !== 'step' || event.step % SWEEP_STEP_EVERY === 0;
}
