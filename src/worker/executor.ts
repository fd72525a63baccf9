// Runs labs on behalf of the page: the same code serves the worker and the in-thread fallback.
import { ErrorCode, errorMessage, LabError } from '../core/errors';
import { parseField, resolveConfig } from '../core/experiment/config';
import { armsOf } from '../core/experiment/findings';
import { measureFindings } from '../core/experiment/findingsRunner';
import { RunCache } from '../core/experiment/runCache';
import { StepGate } from '../core/experiment/stepGate';
import { resolveGrid, runEvaluations, runSweep } from '../core/experiment/sweep';
import type { Lab } from '../core/experiment/types';
import { getLab } from '../core/labs/registry';
import { selectBackend, type BackendChoice, type BackendReport, type SelectOptions } from '../core/tf/backends';
import { forwardSweepEvent, type FromWorker, type SweepRunOutcome, type ToWorker } from './protocol';

interface ActiveRun {
  runId: string;
  labId: string;
  abort: AbortController;
  gate: StepGate;
  /** Settles when the run has freed its tensors. */
  finished: Promise<void>;
  /** Live settings received so far (validated), read by the run before each step. */
  live: Record<string, unknown> | undefined;
}

export interface ExecutorOptions {
  post: (msg: FromWorker) => void;
  backendOptions?: SelectOptions;
  /** Longest stretch of training between two yields to the event loop (short on the main thread, so it paints). */
  yieldEveryMs?: number;
}

/**
 * The worker's heartbeat (installed with `setHeartbeat`): an unasked 'pong' at most once per `everyMs`, so a worker
 * busy in a long setup or evaluation — whose pings wait in its queue — still tells the page it is alive (a message
 * posted from busy code reaches the page, whose thread is free). Called often, it is one clock read when quiet.
 */
export function throttledHeartbeat(post: (msg: FromWorker) => void, everyMs = 500, now: () => number = () => performance.now()): () => void {
  let last = -Infinity;
  return () => {
    const t = now();
    if (t - last < everyMs) return;
    last = t;
    post({ type: 'pong' });
  };
}

/** Handles ToWorker messages: one run (or sweep) at a time; a new start or sweep stops the previous one. */
export function createExecutor(opts: ExecutorOptions): (msg: ToWorker) => void {
  let active: ActiveRun | null = null;
  let backend: { choice: BackendChoice; report: BackendReport } | null = null;
  // Warm starts and the like, reused by later runs and sweeps in this worker (keys include the backend).
  const cache = new RunCache();

  type Launch = Extract<ToWorker, { type: 'start' | 'sweep' | 'finding' }>;

  async function execute(msg: Launch, run: ActiveRun, previous: ActiveRun | null): Promise<void> {
    // Two runs never share tfjs: the previous one stops at its next step and frees its tensors first
    // (switching backends under live tensors would break it).
    previous?.abort.abort();
    await previous?.finished;
    if (run.abort.signal.aborted) {
      // Replaced or stopped before it began (rapid Train / Reset): it ends now, at step 0, with nothing set up,
      // so the run that replaced it starts without waiting for a data split and an evaluation nobody sees.
      if (active === run) active = null;
      return opts.post(
        msg.type === 'start'
          ? { type: 'done', runId: msg.runId, result: { labId: msg.labId, config: msg.config, backend: backend?.report.active ?? 'none', outcome: { status: 'stopped', atStep: 0 }, events: [], summary: {} } }
          : msg.type === 'sweep'
            ? { type: 'done', runId: msg.runId, sweep: { total: msg.grid.length, ran: 0, cancelled: true } }
            : { type: 'done', runId: msg.runId, finding: { measured: null, ran: 0, total: 0, cancelled: true } },
      );
    }
    try {
      const lab = getLab(msg.labId);
      if (msg.type === 'start') {
        const config = resolveConfig(lab, msg.config);
        await useBackend(msg);
        await runOne(msg, run, lab, config);
      } else if (msg.type === 'sweep') {
        await runMany(msg, run, lab);
      } else {
        await runFinding(msg, run, lab);
      }
    } catch (e) {
      const code = e instanceof LabError ? e.code : ErrorCode.RunFailed;
      opts.post({ type: 'error', runId: msg.runId, code, message: errorMessage(e) });
    } finally {
      if (active === run) active = null;
    }
  }

  async function useBackend(msg: Launch): Promise<void> {
    if (!backend || backend.choice !== msg.backend) {
      backend = { choice: msg.backend, report: await selectBackend(msg.backend, opts.backendOptions) };
    }
    opts.post({ type: 'backend', runId: msg.runId, report: backend.report });
  }

  async function runOne(msg: Extract<ToWorker, { type: 'start' }>, run: ActiveRun, lab: Lab, config: Record<string, unknown>): Promise<void> {
    const result = await lab.run(config as typeof lab.defaults, {
      dataset: msg.dataset,
      cache,
      live: () => run.live,
      signal: run.abort.signal,
      control: run.gate,
      onProgress: (event) => opts.post({ type: 'progress', runId: msg.runId, event }),
    });
    opts.post({ type: 'done', runId: msg.runId, result: result as never });
  }

  /** A sweep: every config is checked before the backend is chosen, so a bad grid fails at once. */
  async function runMany(msg: Extract<ToWorker, { type: 'sweep' }>, run: ActiveRun, lab: Lab): Promise<void> {
    const { runId } = msg;
    const total = msg.grid.length;
    resolveGrid(lab, msg.base, msg.grid);
    await useBackend(msg);
    const result = await runSweep(lab, msg.base, msg.grid, {
      dataset: msg.dataset,
      cache,
      signal: run.abort.signal,
      control: run.gate,
      onProgress: (index, event) => {
        if (forwardSweepEvent(event)) opts.post({ type: 'sweepProgress', runId, index, total, event });
      },
      onRunDone: (index, r) => {
        const outcome: SweepRunOutcome = r.result ? r.result.outcome : { status: 'failed', message: r.error ?? 'unknown error' };
        opts.post({ type: 'sweepRun', runId, index, config: r.config, outcome, summary: r.result?.summary ?? {}, epochs: runEvaluations(r.result), ...(r.error ? { error: r.error } : {}) });
      },
    });
    opts.post({ type: 'done', runId, sweep: { total, ran: result.runs.length, cancelled: result.cancelled } });
  }

  /**
   * A finding's re-run: the same runner `npm run findings` uses (its arms, seeds and readings), on this worker's
   * backend; each run is announced before it starts. Stopped, it ends as cancelled and measures nothing.
   */
  async function runFinding(msg: Extract<ToWorker, { type: 'finding' }>, run: ActiveRun, lab: Lab): Promise<void> {
    const { runId } = msg;
    const finding = lab.findings?.find((f) => f.id === msg.findingId);
    if (!finding) throw new Error(`lab ${lab.id} declares no finding ${msg.findingId}`);
    if (msg.quick && !finding.quick) throw new Error(`finding ${finding.id} has no quick variant`);
    const seeds = msg.quick && finding.quick ? finding.quick.seeds : finding.seeds;
    const total = Object.keys(armsOf(finding, msg.quick)).length * seeds.length;
    await useBackend(msg);
    let started = 0;
    try {
      const [measured] = await measureFindings([finding], () => lab, {
        quick: msg.quick,
        backend: backend!.report.active,
        date: new Date().toISOString(),
        commit: 'this browser',
        signal: run.abort.signal,
        onRun: (_id, arm, seed) => opts.post({ type: 'findingProgress', runId, index: started++, total, arm, seed }),
      });
      opts.post({ type: 'done', runId, finding: { measured, ran: started, total, cancelled: false } });
    } catch (e) {
      if (!run.abort.signal.aborted) throw e;
      opts.post({ type: 'done', runId, finding: { measured: null, ran: Math.max(0, started - 1), total, cancelled: true } });
    }
  }

  return (msg) => {
    // Answered at once: the page takes a worker that answers nothing for long for dead.
    if (msg.type === 'ping') return opts.post({ type: 'pong' });
    if (msg.type === 'start' || msg.type === 'sweep' || msg.type === 'finding') {
      const abort = new AbortController();
      const gate = new StepGate(msg.type === 'start' ? msg.mode : 'running', { signal: abort.signal, yieldEveryMs: opts.yieldEveryMs });
      const run: ActiveRun = { runId: msg.runId, labId: msg.labId, abort, gate, finished: Promise.resolve(), live: undefined };
      const previous = active;
      active = run;
      run.finished = execute(msg, run, previous);
      return;
    }
    if (!active || active.runId !== msg.runId) return; // a stale control message: that run is gone
    if (msg.type === 'update') {
      const lab = getLab(active.labId);
      const patch: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(msg.patch)) {
        // Only keys the lab lets change mid-run, and only valid values (the UI validated them already).
        if (lab.liveKeys?.includes(key) && parseField(lab, key, value).ok) patch[key] = value;
      }
      active.live = { ...active.live, ...patch };
    } else if (msg.type === 'pause') active.gate.pause();
    else if (msg.type === 'resume') active.gate.resume();
    else if (msg.type === 'step') active.gate.step();
    else active.abort.abort();
  };
}
