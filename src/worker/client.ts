// The page's side of training: owns the worker, drops stale runs, and falls back to the main thread.
import { ErrorCode } from '../core/errors';
import type { Dataset } from '../core/data/dataset';
import type { BackendChoice } from '../core/tf/backendNames';
import type { FromWorker, ToWorker } from './protocol';

export type ExecutionMode = 'worker' | 'main-thread';

export interface ClientHandlers {
  /** A message about the current run (stale runs are already filtered out). */
  onMessage(msg: Exclude<FromWorker, { type: 'ready' }>): void;
  /** Where runs execute, and why when it is the main thread. */
  onMode(mode: ExecutionMode, reason?: string): void;
}

/** Makes a worker, or throws / returns null where workers are unavailable. */
export type WorkerFactory = () => Worker | null;
/** Builds the in-thread executor that posts to `post` (loaded lazily: tfjs stays out of the main bundle otherwise). */
export type FallbackFactory = (post: (msg: FromWorker) => void) => Promise<(msg: ToWorker) => void>;

/** How long a new worker may take to load tfjs and say `ready` before we give up on workers. */
const READY_TIMEOUT_MS = 30_000;

export const defaultWorkerFactory: WorkerFactory = () =>
  typeof Worker === 'undefined' ? null : new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module' });

export const defaultFallbackFactory: FallbackFactory = async (post) => {
  const [{ createExecutor }, { browserBackendOptions }] = await Promise.all([import('./executor'), import('./browserBackends')]);
  return createExecutor({ post, backendOptions: browserBackendOptions, yieldEveryMs: 16 });
};

export class TrainingClient {
  private worker: Worker | null = null;
  private ready = false;
  private queue: ToWorker[] = [];
  private fallback: ((msg: ToWorker) => void) | null = null;
  private fallbackLoading: Promise<void> | null = null;
  private currentRunId: string | null = null;
  private readyTimer: ReturnType<typeof setTimeout> | null = null;
  private counter = 0;

  constructor(
    private readonly handlers: ClientHandlers,
    private readonly makeWorker: WorkerFactory = defaultWorkerFactory,
    private readonly makeFallback: FallbackFactory = defaultFallbackFactory,
  ) {}

  /** Starts a run and returns its id; any earlier run is stopped and its late messages ignored. */
  start(labId: string, config: Record<string, unknown>, backend: BackendChoice, mode: 'running' | 'paused' = 'running', dataset?: Dataset): string {
    const runId = this.newRunId();
    this.send({ type: 'start', runId, labId, config, backend, mode, dataset });
    return runId;
  }

  /**
   * Starts a sweep (`labId` once per grid entry over `base`, one run after another in the worker) and returns
   * its id; like `start`, it replaces any earlier run, and `stop(id)` cancels it keeping the finished runs.
   */
  sweep(labId: string, base: Record<string, unknown>, grid: Record<string, unknown>[], backend: BackendChoice, dataset?: Dataset): string {
    const runId = this.newRunId();
    this.send({ type: 'sweep', runId, labId, base, grid, backend, dataset });
    return runId;
  }

  /** Stops the current run (its late messages are then dropped) and makes the next id current. */
  private newRunId(): string {
    if (this.currentRunId) this.send({ type: 'stop', runId: this.currentRunId });
    const runId = `run-${Date.now().toString(36)}-${++this.counter}`;
    this.currentRunId = runId;
    return runId;
  }

  pause(runId: string) {
    this.send({ type: 'pause', runId });
  }
  resume(runId: string) {
    this.send({ type: 'resume', runId });
  }
  step(runId: string) {
    this.send({ type: 'step', runId });
  }
  /** Sends settings changed mid-run; the run applies those its lab allows from its next step. */
  update(runId: string, patch: Record<string, unknown>) {
    this.send({ type: 'update', runId, patch });
  }

  /** Asks the run to stop; its last messages (final losses, `done`) still come through. */
  stop(runId: string) {
    this.send({ type: 'stop', runId });
  }

  private send(msg: ToWorker) {
    if (this.fallback) return this.fallback(msg);
    if (this.fallbackLoading) return void this.queue.push(msg);
    if (!this.worker && !this.spawn()) return void this.queue.push(msg);
    if (this.ready) this.worker!.postMessage(msg);
    else this.queue.push(msg);
  }

  /** Creates the worker; on failure switches to the main thread. Returns whether a worker exists. */
  private spawn(): boolean {
    let w: Worker | null = null;
    try {
      w = this.makeWorker();
    } catch (e) {
      this.useFallback(`workers cannot start here (${e instanceof Error ? e.message : String(e)})`);
      return false;
    }
    if (!w) {
      this.useFallback('this browser has no Web Workers');
      return false;
    }
    this.worker = w;
    this.ready = false;
    w.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
    w.onerror = (e: ErrorEvent) => {
      e.preventDefault?.();
      this.onWorkerFailure(e.message || 'unknown error');
    };
    w.onmessageerror = () => this.onWorkerFailure('a message could not be read');
    this.readyTimer = setTimeout(() => this.onWorkerFailure('it did not start in time'), READY_TIMEOUT_MS);
    return true;
  }

  private receive(msg: FromWorker) {
    if (msg.type === 'ready') {
      if (this.readyTimer) clearTimeout(this.readyTimer);
      this.ready = true;
      this.handlers.onMode('worker');
      const q = this.queue;
      this.queue = [];
      q.forEach((m) => this.worker!.postMessage(m));
      return;
    }
    if (msg.runId !== this.currentRunId) return; // stale: a run the user already replaced or stopped
    if (msg.type === 'done' || msg.type === 'error') this.currentRunId = null;
    this.handlers.onMessage(msg);
  }

  private onWorkerFailure(detail: string) {
    if (this.readyTimer) clearTimeout(this.readyTimer);
    const wasReady = this.ready;
    this.worker?.terminate();
    this.worker = null;
    this.ready = false;
    if (!wasReady) {
      // It never loaded: workers are unusable here, so run the queued work on the main thread instead.
      this.useFallback(`the training worker failed to load (${detail})`);
      return;
    }
    // It crashed mid-run: report it for the current run; the next start makes a fresh worker.
    const runId = this.currentRunId;
    this.currentRunId = null;
    this.queue = [];
    if (runId) {
      this.handlers.onMessage({
        type: 'error',
        runId,
        code: ErrorCode.WorkerCrashed,
        message: `${ErrorCode.WorkerCrashed}: the training worker crashed (${detail}). Results so far are kept; press ▶ Train to start again.`,
      });
    }
  }

  private useFallback(reason: string) {
    this.handlers.onMode('main-thread', reason);
    this.fallbackLoading = this.makeFallback((m) => this.receive(m)).then(
      (fn) => {
        this.fallback = fn;
        this.fallbackLoading = null;
        const q = this.queue;
        this.queue = [];
        q.forEach((m) => fn(m));
      },
      (e) => {
        this.fallbackLoading = null;
        this.queue = [];
        const runId = this.currentRunId;
        if (runId)
          this.handlers.onMessage({
            type: 'error',
            runId,
            code: ErrorCode.WorkerUnavailable,
            message: `${ErrorCode.WorkerUnavailable}: training cannot start: no worker and the in-page runner failed to load (${String(e)})`,
          });
      },
    );
  }
}
