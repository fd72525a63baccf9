// Honest step timing: warm-up steps first, then each timed step waits for its result to come back.
import type * as tf from '@tensorflow/tfjs';

/** How many untimed warm-up steps precede how many timed ones. */
export interface RepPlan {
  warmup: number;
  reps: number;
}

/** Median of a non-empty list (mean of the two middle values for an even count). */
export function median(xs: readonly number[]): number {
  if (!xs.length) throw new Error('median of an empty list');
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Runs `step` warmup + reps times and returns the wall-clock milliseconds of each timed step.
 * Each step's result is read back with `await data()` inside the timed region: tfjs queues work
 * asynchronously on GPU backends, so without the readback we would time only the dispatch.
 * `between` runs outside the timed region (a browser page yields there so it stays responsive).
 */
export async function timeSteps(
  step: () => tf.Tensor,
  plan: RepPlan,
  opts: { now?: () => number; between?: () => Promise<void> } = {},
): Promise<number[]> {
  const now = opts.now ?? (() => performance.now());
  const samples: number[] = [];
  for (let i = 0; i < plan.warmup + plan.reps; i++) {
    await opts.between?.();
    const t0 = now();
    const out = step();
    try {
      await out.data();
    } finally {
      out.dispose();
    }
    const ms = now() - t0;
    if (i >= plan.warmup) samples.push(ms);
  }
  return samples;
}
