// Times the weighting lab as it really runs: one policy step (sample slates, rewards, advantages, update) on the
// workshop dataset, the tensor count over many steps, and optionally an 11-point hand-weight sweep.
import * as tf from '@tensorflow/tfjs';
import { runSweep } from '../experiment/sweep';
import type { RunContext } from '../experiment/types';
import { weightingDefaults, type WeightingConfig } from '../labs/weighting/config';
import { weightingLab } from '../labs/weighting/index';
import { runWeighting } from '../labs/weighting/run';
import { median } from './timing';

export interface PolicyStepBenchOptions {
  /** Untimed steps first (after the warm start and the first evaluation). */
  warmup?: number;
  /** Steps to time and to count tensors over (fewer when `maxSeconds` runs out first). */
  steps?: number;
  /** Stop timing after this long; the result says how many steps fit. */
  maxSeconds?: number;
  /** Settings over the lab's defaults (tests shorten the warm start). */
  config?: Partial<WeightingConfig>;
  now?: () => number;
}

export interface PolicyStepBenchResult {
  label: string;
  method: string;
  backend: string;
  /** Median and 90th-percentile ms of one policy step, epoch evaluations left out. */
  medianMs: number;
  p90Ms: number;
  /** Steps timed (intervals without an evaluation in them). */
  timedSteps: number;
  /** Median ms of an end-of-epoch evaluation (top-10 for every held-out user and all metrics), when one ran. */
  evaluationMs: number | null;
  /** Live tensors before the first counted step and after the last, at the same point of the loop. */
  tensorsBefore: number;
  tensorsAfter: number;
  /** Steps between the two counts (the plan, or fewer when the time ran out: see `stoppedByTime`). */
  countedSteps: number;
  stoppedByTime: boolean;
  /** Live tensors before the run started and after it resolved (the run frees everything it made). */
  tensorsOutside: { before: number; after: number };
}

function percentile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

/**
 * One policy step of the weighting lab (default: DVAO, 64 users × 8 slates × 10 items on workshop, 1,700 items,
 * dim 32), timed inside a real run: the interval between two consecutive steps' start, leaving out the intervals
 * that hold an epoch's evaluation. The run is stopped (aborted) once `warmup + steps` steps have started or
 * `maxSeconds` have passed since the first counted step.
 */
export async function benchPolicyStep(opts: PolicyStepBenchOptions = {}): Promise<PolicyStepBenchResult> {
  const warmup = opts.warmup ?? 10;
  const steps = opts.steps ?? 1000;
  const maxMs = (opts.maxSeconds ?? 60) * 1000;
  const now = opts.now ?? (() => performance.now());
  // Enough epochs for the planned steps (about 16 steps per epoch on workshop); the run is aborted at the end.
  const base: WeightingConfig = { ...weightingDefaults, ...opts.config };
  const config: WeightingConfig = { ...base, epochs: Math.max(base.epochs, Math.min(100, Math.ceil((warmup + steps + 2) / 8))) };
  const controller = new AbortController();
  const intervals: number[] = [];
  const evaluations: number[] = [];
  let started = 0;
  let last = NaN;
  let evalInInterval = false;
  let lastStepEvent = NaN;
  let countStart = NaN;
  let tensorsBefore = 0;
  let tensorsAfter = 0;
  let counted = 0;
  let stoppedByTime = false;
  const ctx: RunContext = {
    signal: controller.signal,
    onProgress(e) {
      if (e.kind === 'step') lastStepEvent = now();
      if (e.kind === 'epoch') {
        evalInInterval = true;
        if (Number.isFinite(lastStepEvent)) evaluations.push(now() - lastStepEvent);
      }
    },
    control: {
      async beforeStep() {
        const t = now();
        started++;
        if (started > warmup + 1 && !evalInInterval) intervals.push(t - last);
        evalInInterval = false;
        if (started === warmup + 1) {
          tensorsBefore = tf.memory().numTensors;
          countStart = t;
        } else if (started > warmup + 1) {
          counted = started - warmup - 1;
          if (counted >= steps || t - countStart >= maxMs) {
            stoppedByTime = counted < steps;
            tensorsAfter = tf.memory().numTensors;
            controller.abort();
          }
        }
        last = now();
      },
    },
  };
  const outside = tf.memory().numTensors;
  const result = await runWeighting(config, ctx);
  if (!controller.signal.aborted) throw new Error(`the run ended (${result.outcome.status}) after ${started} steps, before the benchmark's ${warmup + steps}`);
  if (!intervals.length) throw new Error('no step was timed');
  return {
    label: `weighting policy step, ${config.dataset} (${config.usersPerStep} users × ${config.slatesPerUser} slates × ${config.slateSize} items, dim ${config.embeddingDim})`,
    method: config.method,
    backend: result.backend,
    medianMs: median(intervals),
    p90Ms: percentile(intervals, 0.9),
    timedSteps: intervals.length,
    evaluationMs: evaluations.length ? median(evaluations) : null,
    tensorsBefore,
    tensorsAfter,
    countedSteps: counted,
    stoppedByTime,
    tensorsOutside: { before: outside, after: tf.memory().numTensors },
  };
}

export interface WeightingSweepBenchResult {
  label: string;
  /** Wall-clock seconds of the whole sweep, and of each run (the first includes the shared warm start unless cached). */
  totalSeconds: number;
  runSeconds: number[];
  /** Runs that completed (the others diverged, stopped or threw). */
  completed: number;
  points: number;
  epochs: number;
}

/**
 * The hand-weight sweep of the issue: wRelevance = w, wDiversity = 1 − w, wNovelty = 0 for w = 0, 0.1, …, 1
 * (11 runs), every other setting the lab's default (method DVAO, default epochs), run one after another by
 * runSweep. Takes about a minute: opt-in in `npm run bench -- --sweep`.
 */
export async function benchWeightingSweep(opts: { points?: number; config?: Partial<WeightingConfig>; now?: () => number } = {}): Promise<WeightingSweepBenchResult> {
  const points = opts.points ?? 11;
  const now = opts.now ?? (() => performance.now());
  const grid = Array.from({ length: points }, (_, k) => {
    const w = points === 1 ? 1 : Math.round((k / (points - 1)) * 1e6) / 1e6;
    return { wRelevance: w, wDiversity: Math.round((1 - w) * 1e6) / 1e6, wNovelty: 0 };
  });
  const base = { ...opts.config } as Record<string, unknown>;
  const starts: number[] = [];
  const runSeconds: number[] = [];
  const t0 = now();
  const sweep = await runSweep(weightingLab, base, grid, {
    onRunStart: (i) => (starts[i] = now()),
    onRunDone: (i) => (runSeconds[i] = (now() - starts[i]) / 1000),
  });
  const totalSeconds = (now() - t0) / 1000;
  const epochs = (sweep.runs[0]?.config.epochs as number | undefined) ?? weightingDefaults.epochs;
  return {
    label: `weighting sweep, ${points} hand weights (relevance w, diversity 1 − w), ${epochs} epochs each`,
    totalSeconds,
    runSeconds,
    completed: sweep.runs.filter((r) => r.result?.outcome.status === 'completed').length,
    points,
    epochs,
  };
}
