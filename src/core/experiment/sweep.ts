// Runs one lab over a grid of settings, one run after another, keeping every run's outcome.
import type { Dataset } from '../data/dataset';
import { ErrorCode, errorMessage, LabError } from '../errors';
import { parseFieldText, resolveConfig } from './config';
import { heartbeat } from '../heartbeat';
import { showText } from '../showText';
import { RunCache } from './runCache';
import type { Lab, ProgressEvent, RunResult, StepControl } from './types';

/** One run of a sweep: its full config and either its result (any outcome) or the error it threw. */
export interface SweepRun {
  config: Record<string, unknown>;
  result?: RunResult<unknown>;
  error?: string;
}

export interface SweepResult {
  /** The runs that started, in grid order: after a cancel, fewer than the grid holds. */
  runs: SweepRun[];
  cancelled: boolean;
}

export interface SweepContext {
  onRunStart?(index: number, config: Record<string, unknown>): void;
  onProgress?(index: number, event: ProgressEvent): void;
  /** Called after every run that started, finished, diverged, stopped or threw. */
  onRunDone?(index: number, run: SweepRun): void;
  /** Aborting stops the current run at its next step (kept, outcome 'stopped') and starts no more. */
  signal?: AbortSignal;
  /** Pause / single-step, passed to every run. */
  control?: StepControl;
  dataset?: Dataset;
  /** What runs may reuse (warm starts); absent, the sweep keeps its own, so its runs share one warm start. */
  cache?: RunCache;
}

/** Every evaluation's values of a run, in order (epoch 0, before training, first): the run's path in metric space. */
export function runEvaluations(result: RunResult<unknown> | undefined): Record<string, number>[] {
  return (result?.events ?? []).flatMap((e) => (e.kind === 'epoch' ? [e.values] : []));
}

/**
 * Resolves every config of the grid (`base` overridden by each grid entry) against the lab's schema.
 * All configs are checked before the first run, so a typo fails at once rather than after an hour;
 * the error names the run and the bad key.
 */
export function resolveGrid(lab: Lab, base: Record<string, unknown>, grid: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  return grid.map((over, i) => {
    try {
      return resolveConfig(lab, { ...base, ...over }) as Record<string, unknown>;
    } catch (e) {
      if (e instanceof LabError) throw new LabError(e.code, `sweep run ${i + 1} (${describeOverride(over)}): ${e.message.replace(/^OL\d+: /, '')}`);
      throw e;
    }
  });
}

/** "epochs=2 learningRate=0.1", for messages and tables. */
export function describeOverride(over: Record<string, unknown>): string {
  const parts = Object.entries(over).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
  return parts.length ? parts.join(' ') : '(base config)';
}

/**
 * Runs `lab` once per grid entry, in order, on the same dataset and control. A run that diverges is kept
 * with its outcome and a run that throws is kept with its message; either way the sweep goes on. Throws
 * (before running anything) only if a config is invalid.
 */
export async function runSweep(
  lab: Lab,
  base: Record<string, unknown>,
  grid: readonly Record<string, unknown>[],
  ctx: SweepContext = {},
): Promise<SweepResult> {
  const configs = resolveGrid(lab, base, grid);
  const cache = ctx.cache ?? new RunCache();
  const runs: SweepRun[] = [];
  for (let i = 0; i < configs.length; i++) {
    if (ctx.signal?.aborted) return { runs, cancelled: true };
    const config = configs[i];
    heartbeat();
    ctx.onRunStart?.(i, config);
    let run: SweepRun;
    try {
      const result = await lab.run(config as typeof lab.defaults, {
        onProgress: ctx.onProgress && ((e) => ctx.onProgress!(i, e)),
        signal: ctx.signal,
        control: ctx.control,
        dataset: ctx.dataset,
        cache,
      });
      run = { config, result };
    } catch (e) {
      run = { config, error: errorMessage(e) };
    }
    runs.push(run);
    ctx.onRunDone?.(i, run);
  }
  return { runs, cancelled: ctx.signal?.aborted ?? false };
}

/**
 * The cartesian product of `vary` as grid entries: `[['epochs', ['1','2']], ['seed', ['1','2']]]` gives
 * epochs=1 seed=1, epochs=1 seed=2, epochs=2 seed=1, epochs=2 seed=2 (the first key varies slowest).
 * Each text value is read as a `--set` value is (JSON if it parses, else text) and checked against the
 * lab's schema; a bad key or value throws a LabError naming both. A key may appear only once.
 */
export function gridFromVary(lab: Lab, vary: readonly (readonly [string, readonly string[]])[]): Record<string, unknown>[] {
  const seen = new Set<string>();
  const axes = vary.map(([key, raws]) => {
    if (seen.has(key)) throw new LabError(ErrorCode.InvalidConfigValue, `vary ${key}: the key is given twice; list all its values once (${key}=a,b,c)`);
    seen.add(key);
    if (raws.length === 0) throw new LabError(ErrorCode.InvalidConfigValue, `vary ${key}: no values given`);
    return raws.map((raw) => [key, parseVaried(lab, key, raw)] as const);
  });
  let grid: Record<string, unknown>[] = [{}];
  for (const axis of axes) grid = grid.flatMap((g) => axis.map(([k, v]) => ({ ...g, [k]: v })));
  return grid;
}

function parseVaried(lab: Lab, key: string, raw: string): unknown {
  const r = parseFieldText(lab, key, raw);
  if (r.ok) return r.value;
  throw new LabError(r.issue.code, `vary ${showText(key)}, value '${showText(raw)}': ${r.issue.message}`);
}
