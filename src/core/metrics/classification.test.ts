// AUC and log-loss against hand-computed values.
import { describe, expect, it } from 'vitest';
import { auc, logLoss, PROB_FLOOR, sigmoid } from './classification';

describe('auc', () => {
  it('is the share of (clicked, not clicked) pairs ranked the right way: 3 of 4 pairs here', () => {
    // Positives score 0.9 and 0.4; negatives 0.5 and 0.1: pairs (0.9>0.5 ✓, 0.9>0.1 ✓, 0.4>0.5 ✗, 0.4>0.1 ✓).
    expect(auc([0.9, 0.5, 0.4, 0.1], [1, 0, 1, 0])).toBeCloseTo(0.75, 12);
  });

  it('counts a tie between a clicked and a non-clicked impression as half a pair', () => {
    // Pairs: (0.7 vs 0.7) = ½, (0.7 vs 0.2) = 1 → 1.5 / 2.
    expect(auc([0.7, 0.7, 0.2], [1, 0, 0])).toBeCloseTo(0.75, 12);
    expect(auc([0.3, 0.3, 0.3, 0.3], [1, 0, 1, 0])).toBeCloseTo(0.5, 12);
  });

  it('is 1 for a perfect ranking, 0 for a reversed one, NaN with one class only, and honours the selection', () => {
    expect(auc([3, 2, 1], [1, 1, 0])).toBe(1);
    expect(auc([1, 2, 3], [1, 1, 0])).toBe(0);
    expect(auc([1, 2], [1, 1])).toBeNaN();
    expect(auc([Number.NaN, 0.2, 0.3], [1, 0, 1])).toBeNaN();
    // Keeping impressions 0, 1, 3 only: positives {0.9}, negatives {0.5, 0.1} → 1.
    expect(auc([0.9, 0.5, 0.4, 0.1], [1, 0, 1, 0], (k) => k !== 2)).toBe(1);
  });
});

describe('logLoss', () => {
  it('is −mean[y ln p + (1 − y) ln(1 − p)] in nats', () => {
    const expected = -(Math.log(0.8) + Math.log(1 - 0.3)) / 2;
    expect(logLoss([0.8, 0.3], [1, 0])).toBeCloseTo(expected, 12);
    expect(logLoss([0.5], [1])).toBeCloseTo(Math.LN2, 12);
  });

  it('clips probabilities so a certain wrong answer costs −ln(1e-7), not infinity', () => {
    expect(logLoss([0], [1])).toBeCloseTo(-Math.log(PROB_FLOOR), 9);
    expect(logLoss([1, 0.5], [1, 1], (k) => k === 0)).toBeCloseTo(-Math.log(1 - PROB_FLOOR), 12);
    expect(logLoss([0.5], [1], () => false)).toBeNaN();
  });

  it('sigmoid is 1 / (1 + e^(−x))', () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(Math.log(3))).toBeCloseTo(0.75, 12);
  });
});
