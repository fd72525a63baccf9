// An honest estimate of a run's time left: from measured step times after a warm-up, never from the start-up.

/** A step count seen at a moment of the run's own clock (milliseconds of running, pauses excluded). */
export interface PaceSample {
  step: number;
  ms: number;
}

/**
 * Steps left out of the pace: the first steps carry loading tfjs, starting the backend, compiling kernels and
 * reading the data, and timed from the start they made a 20 s run read "5 min 20 s left".
 */
export const WARMUP_STEPS = 3;
/** Steps that must be measured after the warm-up before anything is said. */
export const MIN_MEASURED_STEPS = 3;
/** And running time measured after it: steps reach the page in bursts, and two bursts close together say nothing. */
export const MIN_MEASURED_MS = 1000;

/**
 * Milliseconds left, or null while estimating (warm-up not over, or too little measured since).
 * pace = (now − ms_base) / (step_last − step_base): the average time per step since the warm-up, up to now, where
 * base is the first sample at or past WARMUP_STEPS; left = pace · (total − step_last). Counting up to now (not to
 * the last sample) keeps a burst of steps arriving at once from reading as "almost done", and lets a stall (an
 * evaluation between epochs) lengthen the estimate while it lasts. Samples must be in order of time.
 */
export function estimateMsLeft(samples: readonly PaceSample[], total: number, nowMs: number): number | null {
  const base = samples.find((s) => s.step >= WARMUP_STEPS);
  const last = samples.at(-1);
  if (!base || !last || total <= 0) return null;
  const steps = last.step - base.step;
  const elapsed = nowMs - base.ms;
  if (steps < MIN_MEASURED_STEPS || elapsed < MIN_MEASURED_MS) return null;
  return (elapsed / steps) * Math.max(0, total - last.step);
}

/** Adds a sample when the step count moved (the first time each count is seen); returns the same array otherwise. */
export function addSample(samples: readonly PaceSample[], step: number, ms: number): readonly PaceSample[] {
  const last = samples.at(-1);
  if (last && step <= last.step) return step < last.step ? [{ step, ms }] : samples;
  return [...samples, { step, ms }];
}

/** "12 s", "3 min 5 s". */
export function formatMs(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** The words the progress line shows: "estimating…" until the pace is measured, then "about 12 s left". */
export function etaText(msLeft: number | null): string {
  if (msLeft === null) return 'estimating time left…';
  return msLeft < 1000 ? 'almost done' : `about ${formatMs(msLeft)} left`;
}
