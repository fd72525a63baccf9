// The β schedule of the Mult-VAE lab: linear annealing from 0 to a cap, or fixed.
import { describe, expect, it } from 'vitest';
import { betaAt, updatesToCap } from './beta';

describe('the β schedule', () => {
  const linear = { anneal: 'linear' as const, cap: 0.2, annealSteps: 1000 };

  it('starts at 0 and grows by 1/annealSteps per update', () => {
    expect(betaAt(0, linear)).toBe(0);
    expect(betaAt(1, linear)).toBeCloseTo(0.001, 12);
    expect(betaAt(150, linear)).toBeCloseTo(0.15, 12);
  });

  it('stops at the cap, reached after cap · annealSteps updates', () => {
    expect(updatesToCap(linear)).toBe(200);
    expect(betaAt(200, linear)).toBeCloseTo(0.2, 12);
    expect(betaAt(201, linear)).toBe(0.2);
    expect(betaAt(1e6, linear)).toBe(0.2);
  });

  it('anneals all the way to 1 with cap 1 (the paper’s way to find the best β)', () => {
    const full = { ...linear, cap: 1 };
    expect(betaAt(500, full)).toBeCloseTo(0.5, 12);
    expect(betaAt(1000, full)).toBe(1);
    expect(betaAt(5000, full)).toBe(1);
  });

  it('is the cap from the first update when fixed, and 0 throughout with cap 0', () => {
    const fixed = { ...linear, anneal: 'fixed' as const };
    expect(betaAt(0, fixed)).toBe(0.2);
    expect(betaAt(999, fixed)).toBe(0.2);
    expect(updatesToCap(fixed)).toBe(0);
    expect(betaAt(500, { ...linear, cap: 0 })).toBe(0);
  });
});
