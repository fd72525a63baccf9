import { describe, expect, it } from 'vitest';
import { fromUserLists } from '../data/dataset';
import { builtinDataset } from '../data/synthetic';
import { weakSplit } from '../data/split';
import { Rng } from '../random/rng';
import { evalContext, evaluateLists } from './evaluate';

describe('evaluateLists', () => {
  // 2 users, 4 items, genres: items 0,1 = genre A; items 2,3 = genre B.
  const dataset = { genreNames: ['A', 'B'], itemGenres: Uint8Array.from([1, 0, 1, 0, 0, 1, 0, 1]) };
  const train = fromUserLists([[0], [1]], 4);

  it('averages per-user metrics over users with held-out items, by hand', () => {
    // user 0 holds out {2}, list [2, 3]: P@2 = 1/2, R@2 = 1, NDCG = 1, HR = 1, ILD = d(2,3) = 0 (same genre)
    // user 1 holds out {0, 3}, list [2, 0]: P@2 = 1/2, R@2 = 1/2, HR = 1, NDCG = (1/log2 3) / (1 + 1/log2 3)
    // user 2 has nothing held out and is skipped.
    const heldOut = fromUserLists([[2], [0, 3], []], 4);
    const ctx = evalContext(fromUserLists([[0], [1], [1]], 4), dataset, 2);
    const m = evaluateLists(Int32Array.from([0, 1, 2]), [Int32Array.from([2, 3]), Int32Array.from([2, 0]), Int32Array.from([0, 1])], heldOut, ctx);
    const ndcg1 = 1 / Math.log2(3) / (1 + 1 / Math.log2(3));
    expect(m.users).toBe(2);
    expect(m.precision).toBeCloseTo(0.5, 12);
    expect(m.recall).toBeCloseTo(0.75, 12);
    expect(m.hit).toBe(1);
    expect(m.ndcg).toBeCloseTo((1 + ndcg1) / 2, 12);
    expect(m['consumption@1']).toBe(1); // c = 1 is HR
    expect(m['consumption@2']).toBeCloseTo(0.5, 12); // min(2, hits)/2: one hit each → 1/2
    expect(m.ild).toBeCloseTo(0.5, 12); // user 0: 0 (both B); user 1: 1 (B vs A)
    expect(m.coverage).toBeCloseTo(3 / 4, 12); // items 0, 2, 3 recommended to judged users
  });

  it('keeps every metric finite and in range on a real split', () => {
    const d = builtinDataset('tiny');
    const { train: tr, heldOut } = weakSplit(d.interactions, new Rng(1));
    const ctx = evalContext(tr, d, 10);
    const rng = new Rng(2);
    const users = Int32Array.from({ length: tr.numUsers }, (_, u) => u);
    const lists = Array.from(users, () => Int32Array.from({ length: 10 }, () => rng.int(tr.numItems)));
    const m = evaluateLists(users, lists, heldOut, ctx);
    for (const [name, v] of Object.entries(m)) {
      expect(Number.isFinite(v), name).toBe(true);
      if (!['averagePopularity', 'entropy', 'users'].includes(name)) {
        expect(v, name).toBeGreaterThanOrEqual(0);
        expect(v, name).toBeLessThanOrEqual(1 + 1e-12);
      }
    }
    expect(train.numUsers).toBe(2);
  });

  it('leaves genre metrics out for a dataset without genres, and scores the rest', () => {
    const heldOut = fromUserLists([[2]], 4);
    const ctx = evalContext(fromUserLists([[0]], 4), { genreNames: [], itemGenres: new Uint8Array(0) }, 2);
    const m = evaluateLists(Int32Array.from([0]), [Int32Array.from([2, 3])], heldOut, ctx);
    expect(m.ild).toBeUndefined();
    expect(m.tasteDistance).toBeUndefined();
    expect(m.hit).toBe(1);
  });

  it('measures against the fold-in history and counts only training users in novelty', () => {
    // Strong split: user 1 is held out (no training row); their fold-in is item 0.
    const train = fromUserLists([[0, 1], []], 4);
    const foldIn = fromUserLists([[], [0]], 4);
    const ctx = evalContext(train, dataset, 2, { history: foldIn });
    expect(ctx.numUsers).toBe(1);
    expect(ctx.history).toBe(foldIn);
  });
});
