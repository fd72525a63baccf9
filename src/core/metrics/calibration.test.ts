// Hand-computed cases and invariants for genre distributions, Jensen–Shannon divergence and taste distance.
import { describe, expect, it } from 'vitest';
import { Rng } from '../random/rng';
import { genreDistribution, jensenShannon, tasteDistance } from './calibration';

// Four items × three genres: item 0 {g0}, item 1 {g0, g1}, item 2 {g2}, item 3 no genre.
const genres = Uint8Array.from([1, 0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0]);

describe('genreDistribution', () => {
  it("shares each item's unit mass equally among its genres and normalises", () => {
    // item 0 → g0: 1; item 1 → g0: ½, g1: ½ ⇒ (1.5, 0.5, 0) / 2 = (0.75, 0.25, 0).
    expect(Array.from(genreDistribution([0, 1], genres, 3))).toEqual([0.75, 0.25, 0]);
  });

  it('ignores items with no genre, and is all zeros when no item has one', () => {
    expect(Array.from(genreDistribution([0, 3], genres, 3))).toEqual([1, 0, 0]);
    expect(Array.from(genreDistribution([3], genres, 3))).toEqual([0, 0, 0]);
    expect(Array.from(genreDistribution([], genres, 3))).toEqual([0, 0, 0]);
  });

  it('rejects ids outside the table', () => {
    expect(() => genreDistribution([4], genres, 3)).toThrow(RangeError);
  });
});

describe('jensenShannon', () => {
  it('is ½ KL(p‖m) + ½ KL(q‖m) in bits on a small case', () => {
    // p = (1, 0), q = (½, ½), m = (¾, ¼).
    // KL(p‖m) = log2(4/3) ≈ 0.4150375; KL(q‖m) = ½ log2(2/3) + ½ log2 2 ≈ 0.2075187.
    // JS = ½ (0.4150375 + 0.2075187) ≈ 0.3112781244591328.
    const want = 0.5 * (Math.log2(4 / 3) + 0.5 * Math.log2(2 / 3) + 0.5);
    expect(jensenShannon([1, 0], [0.5, 0.5])).toBeCloseTo(want, 15);
    expect(jensenShannon([1, 0], [0.5, 0.5])).toBeCloseTo(0.3112781244591328, 15);
  });

  it('is 0 for equal distributions, 1 for disjoint ones, symmetric, and scale-free', () => {
    expect(jensenShannon([0.2, 0.8], [0.2, 0.8])).toBe(0);
    expect(jensenShannon([1, 0, 0], [0, 0.5, 0.5])).toBe(1);
    expect(jensenShannon([0.1, 0.9], [0.6, 0.4])).toBe(jensenShannon([0.6, 0.4], [0.1, 0.9]));
    // Counts (1, 9) and (6, 4) are the same distributions as above.
    expect(jensenShannon([1, 9], [6, 4])).toBeCloseTo(jensenShannon([0.1, 0.9], [0.6, 0.4]), 15);
  });

  it('treats an all-zero vector as 0 from another all-zero vector and 1 from anything else', () => {
    expect(jensenShannon([0, 0], [0, 0])).toBe(0);
    expect(jensenShannon([0, 0], [0.5, 0.5])).toBe(1);
  });

  it('rejects vectors of different lengths or with negative weights', () => {
    expect(() => jensenShannon([1], [0.5, 0.5])).toThrow(RangeError);
    expect(() => jensenShannon([1, -1], [0.5, 0.5])).toThrow(RangeError);
  });

  it('stays in [0, 1] on random distributions', () => {
    const rng = new Rng(3);
    for (let trial = 0; trial < 200; trial++) {
      const p = Array.from({ length: 6 }, () => (rng.float() < 0.3 ? 0 : rng.float()));
      const q = Array.from({ length: 6 }, () => (rng.float() < 0.3 ? 0 : rng.float()));
      const v = jensenShannon(p, q);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
  });
});

describe('tasteDistance', () => {
  const history = [0, 1]; // genre mix (0.75, 0.25, 0)

  it('compares the history genre mix with the top k of the list', () => {
    // k=1: list top [2] → (0, 0, 1), disjoint from the history ⇒ 1.
    expect(tasteDistance(history, [2, 0], genres, 3, 1)).toBe(1);
    // k=2: [2, 0] → (½, 0, ½); m = (0.625, 0.125, 0.25);
    //   KL(h‖m) = 0.75 log2(1.2) + 0.25 log2 2 ≈ 0.4472756; KL(l‖m) = ½ log2(0.8) + ½ log2 2 ≈ 0.3390360;
    //   JS ≈ 0.3931558784658321.
    expect(tasteDistance(history, [2, 0], genres, 3, 2)).toBeCloseTo(0.3931558784658321, 15);
  });

  it('is 0 when the list has the history genre mix (lower = better calibrated)', () => {
    expect(tasteDistance(history, [1, 0], genres, 3, 2)).toBe(0);
    expect(tasteDistance([0, 0, 1, 1], [1, 0, 3], genres, 3, 3)).toBe(0);
  });
});
