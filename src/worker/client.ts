// The page's side of training: owns the worker, drops stale runs, and falls back to the main thread.
import { ErrorCode } from '../core/errors';
import type { Dataset } from '../core/data/dataset';
import type { BackendChoice } from '../core/tf/backendNames';
import type { FromWorker, RunReport, ToWorker } from './protocol';

export type ExecutionMode = 'worker' | 'main-thread';

export interface ClientHandlers {
  /** A message about the current run (stale runs are already filtered out). */
  onMessage(msg: RunReport): void;
  /** Where runs execute, and why when it is the main thread. */
  onMode(mode: ExecutionMode, reason?: string): void;
}

/** Makes a worker, or throws / returns null where workers are unavailable. */
export type WorkerFactory = () => Worker | null;
/** Builds the in-thread executor that posts to `post` (loaded lazily: tfjs stays out of the main bundle otherwise). */
export type FallbackFactory = (post: (msg: FromWorker) => void) => Promise<(msg: ToWorker) => void>;

/** How long the client waits on a worker; tests inject short ones. */
export interface ClientTimings {
  /** How long a new worker may take to load tfjs and say `ready` before we give up on workers. */
  readyTimeoutMs: number;
  /** How often a worker with a run open is pinged (it answers between steps; inside long work it sends heartbeats instead). */
  pingEveryMs: number;
  /**
   * A worker that has sent nothing at all (no progress, no pong, no heartbeat) for this long while pinged is taken
   * for dead. Long work posts heartbeats (core/experiment/heartbeat.ts) at most ~500 ms apart, so what must fit in
   * this limit is only the longest stretch between two heartbeat sites — a single tf call such as one training step;
   * 30 s leaves room for a machine many times slower than ours. Silence is counted in ping intervals, not by the
   * clock, so a laptop waking from sleep or a throttled background tab (its timers fire late) is not mistaken for
   * a dead worker.
   */
  silentLimitMs: number;
}

export const DEFAULT_TIMINGS: ClientTimings = { readyTimeoutMs: 30_000, pingEveryMs: 1_000, silentLimitMs: 30_000 };

/** Timings read from an untrusted object (e2e tests put one on the page before it loads): positive numbers only. */
export function timingsFrom(value: unknown): Partial<ClientTimings> {
  const out: Partial<ClientTimings> = {};
  if (typeof value !== 'object' || value === null) return out;
  for (const key of Object.keys(DEFAULT_TIMINGS) as (keyof ClientTimings)[]) {
    const v: unknown = Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<string, unknown>)[key] : undefined;
    if (typeof v === 'number' && Number.isFinite(v) && v > 0) out[key] = v;
  }
  return out;
}

type Ending = Extract<FromWorker, { type: 'error' }>;

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
  /**
   * Runs and sweeps sent and not yet ended, with where each last reported to be ("step 12", "run 2, step 30"):
   * every one gets exactly one ending (`done` or `error`) passed on, from the worker or, if the worker dies first,
   * from here. A replaced run stays open until its ending arrives, so its record gets an outcome too.
   */
  private open = new Map<string, { what: 'run' | 'sweep' | 'finding'; at: string }>();
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  /** Whether the worker said anything since the last ping tick, and for how many ticks in a row it said nothing. */
  private heard = false;
  private silentTicks = 0;
  private readonly timings: ClientTimings;
  /** Messages held back, in order, behind a start whose dataset is still loading (null: none held). */
  private held: (ToWorker | Promise<ToWorker>)[] | null = null;

  constructor(
    private readonly handlers: ClientHandlers,
    private readonly makeWorker: WorkerFactory = defaultWorkerFactory,
    private readonly makeFallback: FallbackFactory = defaultFallbackFactory,
    timings: Partial<ClientTimings> = {},
  ) {
    this.timings = { ...DEFAULT_TIMINGS, ...timings };
  }

  /** Starts a run and returns its id; any earlier run is stopped and its late messages ignored. */
  start(labId: string, config: Record<string, unknown>, backend: BackendChoice, mode: 'running' | 'paused' = 'running', dataset?: Dataset | Promise<Dataset | undefined>): string {
    const runId = this.newRunId('run');
    const start = (d?: Dataset): ToWorker => ({ type: 'start', runId, labId, config, backend, mode, dataset: d });
    if (dataset instanceof Promise) this.sendWhen(dataset.then(start, () => start()));
    else this.send(start(dataset));
    this.watch();
    return runId;
  }

  /**
   * Starts a sweep (`labId` once per grid entry over `base`, one run after another in the worker) and returns
   * its id; like `start`, it replaces any earlier run, and `stop(id)` cancels it keeping the finished runs.
   */
  sweep(labId: string, base: Record<string, unknown>, grid: Record<string, unknown>[], backend: BackendChoice, dataset?: Dataset): string {
    const runId = this.newRunId('sweep');
    this.send({ type: 'sweep', runId, labId, base, grid, backend, dataset });
    this.watch();
    return runId;
  }

  /**
   * Re-measures one of a lab's findings in the worker (its full settings, or `quick` its fast variant) and
   * returns its id; like a sweep, it replaces any earlier run, and `stop(id)` cancels it.
   */
  finding(labId: string, findingId: string, quick: boolean, backend: BackendChoice): string {
    const runId = this.newRunId('finding');
    this.send({ type: 'finding', runId, labId, findingId, quick, backend });
    this.watch();
    return runId;
  }

  /** Stops the current run (its late messages are then dropped) and makes the next id current. */
  private newRunId(what: 'run' | 'sweep' | 'finding'): string {
    if (this.currentRunId) this.send({ type: 'stop', runId: this.currentRunId });
    const runId = `run-${Date.now().toString(36)}-${++this.counter}`;
    this.currentRunId = runId;
    this.open.set(runId, { what, at: 'step 0' });
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

  /**
   * Sends `msg` once it resolves, and every later message after it. The worker is started now, so that loading
   * tfjs overlaps with whatever `msg` waits for.
   */
  private sendWhen(msg: Promise<ToWorker>) {
    if (!this.worker && !this.fallback && !this.fallbackLoading) this.spawn();
    (this.held ??= []).push(msg);
    if (this.held.length === 1) void this.release();
  }

  private async release() {
    while (this.held?.length) {
      const msg = await this.held[0];
      this.held.shift();
      this.deliver(msg);
    }
    this.held = null;
  }

  private send(msg: ToWorker) {
    if (this.held) return void this.held.push(msg);
    this.deliver(msg);
  }

  private deliver(msg: ToWorker) {
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
    // A worker already replaced is not heard any more (terminate() should silence it; this makes sure).
    w.onmessage = (e: MessageEvent<FromWorker>) => this.worker === w && this.receive(e.data);
    w.onerror = (e: ErrorEvent) => {
      e.preventDefault?.();
      if (this.worker === w) this.onWorkerFailure('crashed', e.message || 'unknown error');
    };
    w.onmessageerror = () => this.worker === w && this.onWorkerFailure('crashed', 'a message could not be read');
    this.readyTimer = setTimeout(() => this.onWorkerFailure('crashed', 'it did not start in time'), this.timings.readyTimeoutMs);
    return true;
  }

  /** Pings the worker while it has runs open, and takes it for dead after `silentLimitMs` of silence. */
  private watch() {
    const wanted = this.worker !== null && this.ready && this.open.size > 0;
    if (wanted && !this.pingTimer) {
      this.heard = true;
      this.silentTicks = 0;
      this.pingTimer = setInterval(() => this.tick(), this.timings.pingEveryMs);
    } else if (!wanted && this.pingTimer) {
      clearInterval(this.pingTimer);
      this.pingTimer = null;
    }
  }

  private tick() {
    this.silentTicks = this.heard ? 0 : this.silentTicks + 1;
    this.heard = false;
    if (this.silentTicks * this.timings.pingEveryMs >= this.timings.silentLimitMs) {
      this.onWorkerFailure('stopped responding', `nothing from it for ${Math.round(this.timings.silentLimitMs / 1000)} s`);
    } else this.worker?.postMessage({ type: 'ping' } satisfies ToWorker);
  }

  private receive(msg: FromWorker) {
    this.heard = true;
    if (msg.type === 'ready') {
      if (this.readyTimer) clearTimeout(this.readyTimer);
      this.ready = true;
      this.handlers.onMode('worker');
      const q = this.queue;
      this.queue = [];
      q.forEach((m) => this.worker!.postMessage(m));
      this.watch();
      return;
    }
    if (msg.type === 'pong') return;
    if (msg.type === 'done' || msg.type === 'error') {
      // Every run's ending is passed on once: a replaced run's too (its record needs its outcome), but not
      // after this client has already ended it (the worker died first).
      if (!this.open.delete(msg.runId)) return;
      if (msg.runId === this.currentRunId) this.currentRunId = null;
      this.watch();
      return this.handlers.onMessage(msg);
    }
    // Progress of a run the user already replaced is dropped; a replaced sweep's report of a run it ended is not
    // (like an ending, it is how that run ended).
    if (msg.runId !== this.currentRunId && !(msg.type === 'sweepRun' && this.open.has(msg.runId))) return;
    const open = this.open.get(msg.runId);
    if (open && msg.type === 'progress' && msg.event.kind === 'step') open.at = `step ${msg.event.step}`;
    if (open && msg.type === 'sweepProgress' && 'step' in msg.event) open.at = `run ${msg.index + 1} of ${msg.total}, step ${msg.event.step}`;
    if (open && msg.type === 'findingProgress') open.at = `run ${msg.index + 1} of ${msg.total}`;
    this.handlers.onMessage(msg);
  }

  /** The worker crashed (an error event) or stopped responding (silent while pinged); `detail` says more. */
  private onWorkerFailure(how: 'crashed' | 'stopped responding', detail: string) {
    if (this.readyTimer) clearTimeout(this.readyTimer);
    const wasReady = this.ready;
    this.worker?.terminate();
    this.worker = null;
    this.ready = false;
    this.watch();
    if (!wasReady) {
      // It never loaded: workers are unusable here, so run the queued work on the main thread instead.
      this.useFallback(`the training worker failed to load (${detail})`);
      return;
    }
    // It died mid-run: every open run ends as failed (what it computed is kept by the store). After a crash the
    // next start makes a fresh worker; a silent one is replaced now, as the person has already waited for it.
    this.queue = [];
    const what = `${how} (${detail})`;
    this.endOpenRuns(how === 'crashed' ? ErrorCode.WorkerCrashed : ErrorCode.WorkerUnresponsive, (run, current) =>
      current
        ? `the training worker ${what}; the ${run.what} was stopped at ${run.at}. Press ▶ Train to start again.`
        : `the training worker ${what} while this ${run.what} was stopping (at ${run.at}).`,
    );
    if (how === 'stopped responding') this.spawn();
  }

  /** Ends every open run with an error (they will hear nothing more from the worker they were sent to). */
  private endOpenRuns(code: Ending['code'], message: (run: { what: 'run' | 'sweep' | 'finding'; at: string }, current: boolean) => string) {
    const current = this.currentRunId;
    // The current run last, so the store's last word is about the run on screen.
    const open = [...this.open].sort(([a], [b]) => Number(a === current) - Number(b === current));
    this.open.clear();
    this.currentRunId = null;
    for (const [runId, run] of open) this.handlers.onMessage({ type: 'error', runId, code, message: `${code}: ${message(run, runId === current)}` });
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
        this.endOpenRuns(ErrorCode.WorkerUnavailable, () => `training cannot start: no worker and the in-page runner failed to load (${String(e)})`);
      },
    );
  }
}
