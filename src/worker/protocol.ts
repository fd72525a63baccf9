// The typed messages between the page and the training worker. Every message carries the runId it is about.
import type { ProgressEvent, RunResult } from '../core/experiment/types';
import type { BackendChoice, BackendReport } from '../core/tf/backendNames';
import type { ErrorCode } from '../core/errors';
import type { Dataset } from '../core/data/dataset';

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
  | { type: 'pause'; runId: string }
  | { type: 'resume'; runId: string }
  | { type: 'step'; runId: string }
  | { type: 'stop'; runId: string }
  /** Settings changed mid-run (a lab's `liveKeys`): the run applies them from its next step. */
  | { type: 'update'; runId: string; patch: Record<string, unknown> };

/** Worker → page. `ready` is sent once when the worker has loaded. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'backend'; runId: string; report: BackendReport }
  | { type: 'progress'; runId: string; event: ProgressEvent }
  | { type: 'done'; runId: string; result: RunResult<Record<string, unknown>> }
  | { type: 'error'; runId: string; code: ErrorCode; message: string };
