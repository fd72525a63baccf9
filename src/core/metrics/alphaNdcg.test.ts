// Hand-computed cases and limits for α-nDCG.
import { describe, expect, it } from 'vitest';
import { Rng } from '../random/rng';
import { alphaNdcgAtK } from './alphaNdcg';
import { ndcgAtK } from './ranking';

const L2 = 1 / Math.log2(3); // discount of rank 2 ≈ 0.6309297535714575
const L4 = 1 / Math.log2(5); // discount of rank 4 ≈ 0.43067655807339306

// Aspects (genres) per item: items 1 and 2 share aspect 0, item 3 has aspect 1, item 9 has both.
const aspects: Record<number, number[]> = { 1: [0], 2: [0], 3: [1], 9: [0, 1] };
const aspectsOf = (i: number) => aspects[i] ?? [];
const relevant = new Set([1, 2, 3]);

describe('alphaNdcgAtK', () => {
  it('halves the gain of a second item on an already covered aspect when α = ½', () => {
    // ranked [1, 2, 3]: gains 1 (aspect 0 new), ½ (aspect 0 seen once), 1 (aspect 1 new).
    //   α-DCG = 1 + ½ · L2 + 1 · ½ ≈ 1.8154648767857287.
    // Greedy ideal: 1 (item 1; tie with 2 and 3 goes to the lower id), 1 (item 3), ½ (item 2).
    //   ideal = 1 + 1 · L2 + ½ · ½ ≈ 1.8809297535714575 ⇒ α-nDCG ≈ 0.9651955.
    const want = (1 + 0.5 * L2 + 0.5) / (1 + L2 + 0.25);
    expect(alphaNdcgAtK([1, 2, 3], relevant, 3, aspectsOf, 0.5)).toBeCloseTo(want, 15);
    expect(alphaNdcgAtK([1, 2, 3], relevant, 3, aspectsOf, 0.5)).toBeCloseTo(0.9651955, 6);
  });

  it('scores 1 for the diverse ordering and less for the redundant one', () => {
    expect(alphaNdcgAtK([1, 3, 2], relevant, 3, aspectsOf, 0.5)).toBeCloseTo(1, 15);
    expect(alphaNdcgAtK([1, 2, 3], relevant, 3, aspectsOf, 0.5)).toBeLessThan(1);
  });

  it('gives irrelevant items no gain and lets them cover nothing', () => {
    // ranked [9, 3]: item 9 is irrelevant, so item 3 still finds aspect 1 new: α-DCG = 0 + 1 · L2.
    // ideal over 2 positions = 1 + 1 · L2 (items 1 then 3).
    expect(alphaNdcgAtK([9, 3], relevant, 2, aspectsOf, 0.5)).toBeCloseTo(L2 / (1 + L2), 15);
  });

  it('with α = 1 counts only the first relevant item on each aspect', () => {
    // ranked [1, 2, 3]: gains 1, 0, 1 ⇒ 1 + ½; ideal: 1, 1 (item 3), 0 ⇒ 1 + L2.
    expect(alphaNdcgAtK([1, 2, 3], relevant, 3, aspectsOf, 1)).toBeCloseTo(1.5 / (1 + L2), 15);
  });

  it('with α = 0 equals binary NDCG when every relevant item has exactly one aspect', () => {
    const rng = new Rng(5);
    const oneAspect = (i: number) => [i % 3];
    for (let trial = 0; trial < 30; trial++) {
      const ranked = rng.shuffle(Array.from({ length: 10 }, (_, i) => i));
      const rel = new Set<number>();
      for (let i = 0; i < 12; i++) if (rng.float() < 0.4) rel.add(i); // 10, 11 are never ranked
      for (let k = 1; k <= 10; k++) {
        expect(alphaNdcgAtK(ranked, rel, k, oneAspect, 0)).toBeCloseTo(ndcgAtK(ranked, rel, k), 12);
      }
    }
  });

  it('with α = 0 is graded NDCG with gain = number of aspects, not binary NDCG', () => {
    // Item 1 has 2 aspects, item 2 has 1. ranked [2, 1]: DCG = 1 + 2 · L2; ideal = 2 + 1 · L2.
    const graded = (i: number) => (i === 1 ? [0, 1] : [0]);
    const rel = new Set([1, 2]);
    expect(alphaNdcgAtK([2, 1], rel, 2, graded, 0)).toBeCloseTo((1 + 2 * L2) / (2 + L2), 15);
    // Binary NDCG calls both orders perfect.
    expect(ndcgAtK([2, 1], rel, 2)).toBeCloseTo(1, 15);
  });

  it('can exceed 1 slightly, because the ideal ordering is built greedily', () => {
    // aspects: 0 → {0,1}, 1 → {0,3}, 2 → {1,3}, 3 → {0,2}; all relevant; α = ½, k = 4.
    // ranked [2, 3, 1, 0]: gains 2, 2, ½+½ = 1, ¼+½ = ¾ ⇒ DCG = 2 + 2·L2 + 1·½ + ¾·L4 ≈ 4.0848.
    // Greedy ideal takes item 0 first (tie at gain 2, lower id), then 1 (1.5), 3 (1.25), 2 (1):
    //   2 + 1.5·L2 + 1.25·½ + 1·L4 ≈ 4.0021 ⇒ α-nDCG ≈ 1.0207.
    const asp = [[0, 1], [0, 3], [1, 3], [0, 2]];
    const v = alphaNdcgAtK([2, 3, 1, 0], new Set([0, 1, 2, 3]), 4, (i) => asp[i], 0.5);
    expect(v).toBeCloseTo((2 + 2 * L2 + 0.5 + 0.75 * L4) / (2 + 1.5 * L2 + 0.625 + L4), 15);
    expect(v).toBeGreaterThan(1);
  });

  it('is 0 for no relevant items, k < 1 or relevant items without aspects, and rejects α outside [0, 1]', () => {
    expect(alphaNdcgAtK([1, 2], new Set<number>(), 2, aspectsOf, 0.5)).toBe(0);
    expect(alphaNdcgAtK([1, 2], relevant, 0, aspectsOf, 0.5)).toBe(0);
    expect(alphaNdcgAtK([5, 6], new Set([5, 6]), 2, () => [], 0.5)).toBe(0);
    expect(() => alphaNdcgAtK([1], relevant, 1, aspectsOf, 1.5)).toThrow(RangeError);
    expect(() => alphaNdcgAtK([1], relevant, 1, aspectsOf, -0.1)).toThrow(RangeError);
  });

  it('is never negative at any k on a random instance', () => {
    const rng = new Rng(9);
    const asp: number[][] = [];
    for (let i = 0; i < 12; i++) asp.push([0, 1, 2, 3].filter(() => rng.float() < 0.4));
    const rel = new Set([0, 2, 3, 5, 7, 8, 11]);
    const ranked = rng.shuffle(Array.from({ length: 12 }, (_, i) => i));
    for (let k = 1; k <= 12; k++) expect(alphaNdcgAtK(ranked, rel, k, (i) => asp[i], 0.5)).toBeGreaterThanOrEqual(0);
  });
});
