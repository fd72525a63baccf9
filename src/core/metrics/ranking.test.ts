// Hand-computed cases and invariants for the per-user top-k accuracy metrics.
import { describe, expect, it } from 'vitest';
import {
  cappedRecallAtK,
  hitAtK,
  mapAtK,
  mrrAtK,
  ndcgAtK,
  precisionAtK,
  recallAtK,
} from './ranking';

const ALL = [hitAtK, precisionAtK, recallAtK, cappedRecallAtK, ndcgAtK, mrrAtK, mapAtK];

// Worked example used throughout:
//   rank:      1   2   3   4   5
//   ranked:   10  20  30  40  50
//   rel_r:     0   1   0   0   1        relevant = {20, 50, 99}; 99 is never ranked, so |relevant| = 3
const ranked = [10, 20, 30, 40, 50];
const relevant = new Set([20, 50, 99]);

describe('hitAtK', () => {
  it('is 1 once a relevant item is in the top k and 0 before', () => {
    // top 1 = {10}: no hit; top 2 = {10, 20}: hit.
    expect(hitAtK(ranked, relevant, 1)).toBe(0);
    expect(hitAtK(ranked, relevant, 2)).toBe(1);
    expect(hitAtK(ranked, relevant, 5)).toBe(1);
  });
});

describe('precisionAtK', () => {
  it('divides the hits in the top k by k', () => {
    // P@1 = 0/1, P@2 = 1/2, P@5 = 2/5.
    expect(precisionAtK(ranked, relevant, 1)).toBe(0);
    expect(precisionAtK(ranked, relevant, 2)).toBe(1 / 2);
    expect(precisionAtK(ranked, relevant, 5)).toBe(2 / 5);
  });
});

describe('recallAtK', () => {
  it('divides the hits in the top k by the number of relevant items', () => {
    // R@2 = 1/3, R@5 = 2/3 (99 can never be found, so recall stays below 1).
    expect(recallAtK(ranked, relevant, 1)).toBe(0);
    expect(recallAtK(ranked, relevant, 2)).toBe(1 / 3);
    expect(recallAtK(ranked, relevant, 5)).toBe(2 / 3);
  });
});

describe('cappedRecallAtK', () => {
  it('divides the hits in the top k by min(k, |relevant|)', () => {
    // k=2: 1 / min(2, 3) = 1/2; k=5: 2 / min(5, 3) = 2/3.
    expect(cappedRecallAtK(ranked, relevant, 2)).toBe(1 / 2);
    expect(cappedRecallAtK(ranked, relevant, 5)).toBe(2 / 3);
  });

  it('reaches 1 when the top k is all relevant even if more relevant items exist', () => {
    // ranked [1, 2], relevant {1, 2, 3, 4}: plain recall@2 = 2/4, capped = 2/min(2,4) = 1.
    expect(cappedRecallAtK([1, 2], new Set([1, 2, 3, 4]), 2)).toBe(1);
    expect(recallAtK([1, 2], new Set([1, 2, 3, 4]), 2)).toBe(1 / 2);
  });
});

describe('ndcgAtK', () => {
  it('discounts hits by 1/log2(rank+1) and normalises by the ideal DCG of min(k, |relevant|) hits', () => {
    // k=2: DCG = 1/log2(3); IDCG (2 hits) = 1/log2(2) + 1/log2(3) = 1 + 1/log2(3).
    //      NDCG@2 = 0.6309297535714575 / 1.6309297535714575 ≈ 0.386852807234464
    expect(ndcgAtK(ranked, relevant, 2)).toBeCloseTo(1 / Math.log2(3) / (1 + 1 / Math.log2(3)), 12);
    expect(ndcgAtK(ranked, relevant, 2)).toBeCloseTo(0.386852807234464, 12);
    // k=5: DCG = 1/log2(3) + 1/log2(6); IDCG (3 hits) = 1 + 1/log2(3) + 1/log2(4) = 1 + 1/log2(3) + 1/2.
    //      NDCG@5 = (0.63092975 + 0.38685281) / 2.13092975 ≈ 0.47762
    const dcg5 = 1 / Math.log2(3) + 1 / Math.log2(6);
    const idcg5 = 1 + 1 / Math.log2(3) + 1 / 2;
    expect(ndcgAtK(ranked, relevant, 5)).toBeCloseTo(dcg5 / idcg5, 12);
    expect(ndcgAtK(ranked, relevant, 5)).toBeCloseTo(0.47762, 5);
  });

  it('is 0 when nothing relevant is in the top k', () => {
    expect(ndcgAtK(ranked, relevant, 1)).toBe(0);
  });
});

describe('mrrAtK', () => {
  it('is 1 over the rank of the first hit within k, else 0', () => {
    // First hit at rank 2 ⇒ 1/2 for any k ≥ 2; none within k = 1 ⇒ 0.
    expect(mrrAtK(ranked, relevant, 1)).toBe(0);
    expect(mrrAtK(ranked, relevant, 2)).toBe(1 / 2);
    expect(mrrAtK(ranked, relevant, 5)).toBe(1 / 2);
  });
});

describe('mapAtK', () => {
  it('averages precision at each hit over min(k, |relevant|)', () => {
    // k=2: hits at rank 2 with P@2 = 1/2 ⇒ (1/2) / min(2, 3) = 1/4.
    // k=5: hits at ranks 2 and 5 with P@2 = 1/2, P@5 = 2/5 ⇒ (1/2 + 2/5) / min(5, 3) = 0.9 / 3 = 0.3.
    expect(mapAtK(ranked, relevant, 1)).toBe(0);
    expect(mapAtK(ranked, relevant, 2)).toBe(1 / 4);
    expect(mapAtK(ranked, relevant, 5)).toBeCloseTo(0.3, 15);
  });
});

describe('every top-k metric', () => {
  it('gives 0 to a user with no relevant items', () => {
    for (const f of ALL) {
      expect(f(ranked, new Set<number>(), 1)).toBe(0);
      expect(f(ranked, new Set<number>(), 5)).toBe(0);
    }
  });

  it('gives 0 when k is below 1', () => {
    for (const f of ALL) expect(f(ranked, relevant, 0)).toBe(0);
  });

  it('gives 0 when no ranked item is relevant', () => {
    for (const f of ALL) expect(f(ranked, new Set([1, 2, 3]), 5)).toBe(0);
  });

  it('gives 1 to a perfect ranker on hit, capped recall, NDCG, MRR and MAP at every k', () => {
    // Relevant items {7, 8, 9} ranked first, then irrelevant ones.
    const perfect = [7, 8, 9, 1, 2, 3];
    const rel = new Set([7, 8, 9]);
    for (let k = 1; k <= perfect.length; k++) {
      expect(hitAtK(perfect, rel, k)).toBe(1);
      expect(cappedRecallAtK(perfect, rel, k)).toBe(1);
      expect(ndcgAtK(perfect, rel, k)).toBeCloseTo(1, 12);
      expect(mrrAtK(perfect, rel, k)).toBe(1);
      expect(mapAtK(perfect, rel, k)).toBeCloseTo(1, 12);
    }
  });

  it('gives a perfect ranker precision 1 up to k = |relevant| and recall 1 from there on', () => {
    const perfect = [7, 8, 9, 1, 2, 3];
    const rel = new Set([7, 8, 9]);
    expect(precisionAtK(perfect, rel, 3)).toBe(1);
    expect(precisionAtK(perfect, rel, 6)).toBe(1 / 2);
    expect(recallAtK(perfect, rel, 2)).toBe(2 / 3);
    expect(recallAtK(perfect, rel, 3)).toBe(1);
  });

  it('accepts k equal to the list length and typed arrays as input', () => {
    const typed = Int32Array.from(ranked);
    for (const f of ALL) expect(f(typed, relevant, ranked.length)).toBe(f(ranked, relevant, ranked.length));
  });

  it('counts positions past the end of the list as misses when k exceeds its length', () => {
    // ranked [1, 2] all relevant, k = 4: P@4 = 2/4; capped recall = 2/min(4, 2) = 1; NDCG = 1.
    expect(precisionAtK([1, 2], new Set([1, 2]), 4)).toBe(1 / 2);
    expect(cappedRecallAtK([1, 2], new Set([1, 2]), 4)).toBe(1);
    expect(ndcgAtK([1, 2], new Set([1, 2]), 4)).toBeCloseTo(1, 12);
  });

  it('stays in [0, 1] and hit/recall/NDCG-numerator grow with k on a shuffled list', () => {
    const list = [5, 3, 8, 1, 9, 2, 7, 4, 6, 0];
    const rel = new Set([1, 2, 4, 11]);
    let prevHit = 0;
    let prevRecall = 0;
    for (let k = 1; k <= list.length; k++) {
      for (const f of ALL) {
        const v = f(list, rel, k);
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
      expect(hitAtK(list, rel, k)).toBeGreaterThanOrEqual(prevHit);
      expect(recallAtK(list, rel, k)).toBeGreaterThanOrEqual(prevRecall);
      prevHit = hitAtK(list, rel, k);
      prevRecall = recallAtK(list, rel, k);
    }
  });

  it('handles lists longer than the precomputed discount table', () => {
    // 5000 ranks, all relevant: NDCG must still be exactly the ideal, i.e. 1.
    const n = 5000;
    const list = Array.from({ length: n }, (_, i) => i);
    const rel = new Set(list);
    expect(ndcgAtK(list, rel, n)).toBeCloseTo(1, 12);
    // Single hit at the last rank: DCG = 1/log2(n+1), IDCG = 1 (one relevant item).
    expect(ndcgAtK(list, new Set([n - 1]), n)).toBeCloseTo(1 / Math.log2(n + 1), 12);
  });
});
