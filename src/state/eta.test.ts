import { describe, expect, it } from 'vitest';
import { addSample, estimateMsLeft, etaText, formatMs, MIN_MEASURED_MS, MIN_MEASURED_STEPS, WARMUP_STEPS, type PaceSample } from './eta';

/** A run whose first step took `startMs` (loading, compiling) and every later step `stepMs`, each step seen alone. */
function run(steps: number, startMs: number, stepMs: number): PaceSample[] {
  return Array.from({ length: steps }, (_, j) => ({ step: j + 1, ms: startMs + j * stepMs }));
}

describe('estimateMsLeft', () => {
  it('says nothing before the warm-up and before enough steps and time are measured after it', () => {
    expect(estimateMsLeft([], 100, 0)).toBeNull();
    expect(estimateMsLeft(run(WARMUP_STEPS, 8000, 500), 100, 9000)).toBeNull();
    expect(estimateMsLeft(run(WARMUP_STEPS + MIN_MEASURED_STEPS - 1, 8000, 500), 100, 10_000)).toBeNull();
    // Enough steps, too little time: 3 steps of 10 ms.
    expect(estimateMsLeft(run(WARMUP_STEPS + MIN_MEASURED_STEPS, 8000, 10), 100, 8050)).toBeNull();
    expect(estimateMsLeft(run(WARMUP_STEPS + MIN_MEASURED_STEPS, 8000, 500), 100, 8000 + (WARMUP_STEPS + MIN_MEASURED_STEPS - 1) * 500)).not.toBeNull();
    expect(MIN_MEASURED_MS).toBeGreaterThan(0);
  });

  it('times the steps, not the start-up: 8 s to start and 50 ms a step leaves 70 steps × 50 ms after step 30', () => {
    const samples = run(30, 8000, 50); // step 3 seen at 8100 ms, step 30 at 9450 ms
    expect(estimateMsLeft(samples, 100, 9450)).toBeCloseTo(70 * 50, 6);
    // Timed from the start instead (the old estimate), the same run read 70 × 9450 / 30 ≈ 22 s: six times too long.
    expect((70 * 9450) / 30 / estimateMsLeft(samples, 100, 9450)!).toBeGreaterThan(6);
  });

  it('reads steps that arrive in bursts at their average pace, and a burst right after the warm-up as nothing yet', () => {
    const batches: PaceSample[] = [{ step: 1, ms: 5000 }, { step: 4, ms: 5300 }, { step: 10, ms: 5900 }, { step: 16, ms: 6500 }];
    expect(estimateMsLeft(batches, 40, 6500)).toBeCloseTo(24 * 100, 6);
    // Step 3 and step 16 a few ms apart (two flushes back to back): not "almost done" with 48 steps to go.
    expect(estimateMsLeft([{ step: 3, ms: 4000 }, { step: 16, ms: 4010 }], 64, 4010)).toBeNull();
  });

  it('lets a stall lengthen the estimate while it lasts (an evaluation between epochs)', () => {
    const samples = run(30, 8000, 50);
    expect(estimateMsLeft(samples, 100, 9450 + 1350)!).toBeCloseTo(2 * 70 * 50, 6);
  });

  it('is 0 when every step is done, and null without a total', () => {
    expect(estimateMsLeft(run(200, 1000, 10), 200, 2990)).toBe(0);
    expect(estimateMsLeft(run(200, 1000, 10), 0, 2990)).toBeNull();
  });
});

describe('addSample', () => {
  it('keeps the first moment each step count was seen, and starts over when the count goes back (a new run)', () => {
    let s = addSample([], 1, 10);
    s = addSample(s, 1, 20);
    s = addSample(s, 3, 30);
    expect(s).toEqual([{ step: 1, ms: 10 }, { step: 3, ms: 30 }]);
    expect(addSample(s, 0, 40)).toEqual([{ step: 0, ms: 40 }]);
  });
});

describe('etaText', () => {
  it('says it is estimating until it knows, then the time left', () => {
    expect(etaText(null)).toBe('estimating time left…');
    expect(etaText(400)).toBe('almost done');
    expect(etaText(12_400)).toBe('about 12 s left');
    expect(formatMs(185_000)).toBe('3 min 5 s');
  });
});
