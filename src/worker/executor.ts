// Runs labs on behalf of the page: the same code serves the worker and the in-thread fallback.
import { ErrorCode, errorMessage, LabError } from '../core/errors';
import { parseField, resolveConfig } from '../core/experiment/config';
import { StepGate } from '../core/experiment/stepGate';
import { getLab } from '../core/labs/registry';
import { selectBackend, type BackendChoice, type BackendReport, type SelectOptions } from '../core/tf/backends';
import type { FromWorker, ToWorker } from './protocol';

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

/** Handles ToWorker messages: one run at a time; a new start stops the previous run. */
export function createExecutor(opts: ExecutorOptions): (msg: ToWorker) => void {
  let active: ActiveRun | null = null;
  let backend: { choice: BackendChoice; report: BackendReport } | null = null;

  async function execute(msg: Extract<ToWorker, { type: 'start' }>, run: ActiveRun, previous: ActiveRun | null): Promise<void> {
    const { abort } = run;
    // Two runs never share tfjs: the previous one stops at its next step and frees its tensors first
    // (switching backends under live tensors would break it).
    previous?.abort.abort();
    await previous?.finished;
    try {
      const lab = getLab(msg.labId);
      const config = resolveConfig(lab, msg.config);
      if (!backend || backend.choice !== msg.backend) {
        backend = { choice: msg.backend, report: await selectBackend(msg.backend, opts.backendOptions) };
      }
      opts.post({ type: 'backend', runId: msg.runId, report: backend.report });
      const result = await lab.run(config, {
        dataset: msg.dataset,
        live: () => run.live,
        signal: abort.signal,
        control: run.gate,
        onProgress: (event) => opts.post({ type: 'progress', runId: msg.runId, event }),
      });
      opts.post({ type: 'done', runId: msg.runId, result: result as never });
    } catch (e) {
      const code = e instanceof LabError ? e.code : ErrorCode.RunFailed;
      opts.post({ type: 'error', runId: msg.runId, code, message: errorMessage(e) });
    } finally {
      if (active === run) active = null;
    }
  }

  return (msg) => {
    if (msg.type === 'start') {
      const abort = new AbortController();
      const gate = new StepGate(msg.mode, { signal: abort.signal, yieldEveryMs: opts.yieldEveryMs });
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
