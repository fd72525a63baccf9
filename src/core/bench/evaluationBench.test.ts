import { describe, expect, it } from 'vitest';
import { benchFullEvaluation } from './evaluationBench';

describe('benchFullEvaluation', () => {
  it('evaluates every workshop user and reports finite timings (no time asserted)', () => {
    const r = benchFullEvaluation(1);
    expect(r.users).toBe(1000);
    expect(r.items).toBe(1700);
    expect(Number.isFinite(r.totalMs)).toBe(true);
    expect(r.totalMs).toBeGreaterThanOrEqual(r.topKMs);
  });
});
