import { describe, expect, it } from 'vitest';
import { addSample, estimateMsLeft, etaText, formatMs, MIN_MEASURED_STEPS, WARMUP_STEPS, type PaceSample } from './eta';

/** A run whose first step took `startMs` (loading, compiling) and every later step `stepMs`. */
function run(steps: number, startMs: number, stepMs: number): PaceSample[] {
  return Array.from({ length: steps }, (_, j) => ({ step: j + 1, ms: startMs + j * stepMs }));
}

describe('estimateMsLeft', () => {
  it('says nothing before the warm-up steps and enough measured steps after them', () => {
    expect(estimateMsLeft([], 100, 0)).toBeNull();
    expect(estimateMsLeft(run(WARMUP_STEPS, 8000, 50), 100, 8100)).toBeNull();
    expect(estimateMsLeft(run(WARMUP_STEPS + MIN_MEASURED_STEPS - 1, 8000, 50), 100, 8200)).toBeNull();
    expect(estimateMsLeft(run(WARMUP_STEPS + MIN_MEASURED_STEPS, 8000, 50), 100, 8250)).not.toBeNull();
  });

  it('times the steps, not the start-up: 8 s to start and 50 ms a step leaves 94 steps × 50 ms after step 6', () => {
    const samples = run(6, 8000, 50); // step 6 seen at 8250 ms
    expect(estimateMsLeft(samples, 100, 8250)).toBeCloseTo(94 * 50, 6);
    // Timed from the start instead (the old estimate), the same run read 94 × 8250 / 6 ≈ 2 min 9 s.
    expect(estimateMsLeft(samples, 100, 8250)!).toBeLessThan(((94 * 8250) / 6) / 20);
  });

  it('counts down between samples and never goes below 0', () => {
    const samples = run(10, 1000, 100); // 90 left × 100 ms at 1900 ms
    expect(estimateMsLeft(samples, 100, 1900)).toBeCloseTo(9000, 6);
    expect(estimateMsLeft(samples, 100, 2900)).toBeCloseTo(8000, 6);
    expect(estimateMsLeft(samples, 100, 1e9)).toBe(0);
  });

  it('uses steps that arrive in batches (several steps per sample) at their average pace', () => {
    const samples: PaceSample[] = [{ step: 1, ms: 5000 }, { step: 4, ms: 5300 }, { step: 10, ms: 5900 }, { step: 16, ms: 6500 }];
    expect(estimateMsLeft(samples, 40, 6500)).toBeCloseTo(24 * 100, 6);
  });

  it('is 0 when every step is done, and null without a total', () => {
    expect(estimateMsLeft(run(20, 1000, 10), 20, 1190)).toBe(0);
    expect(estimateMsLeft(run(20, 1000, 10), 0, 1190)).toBeNull();
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
