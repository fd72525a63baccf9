import { describe, expect, it } from 'vitest';
import { fromUserLists } from '../data/dataset';
import { buildLists, listContext, userTastes } from './listBuilder';

// Four items: 0, 1 genre 0; 2, 3 genre 1. User 0 has seen item 0; user 1 item 2.
const genres = Uint8Array.from([1, 0, 1, 0, 0, 1, 0, 1]);
const history = fromUserLists([[0], [2]], 4);
const truth = Float64Array.from([1, 0, 0.5, 0.5]);

describe('lists from scores', () => {
  const ctx = listContext(history, genres, 2, { truth });

  it('top-n mode is the top k of the unseen items', () => {
    const scores = Float32Array.from([9, 3, 2, 1, 9, 3, 2, 1]);
    const r = buildLists(scores, Int32Array.from([0, 1]), 4, ctx, 2, { mode: 'top-n', c: 1, tastes: 'history' });
    expect(r.lists.map((l) => Array.from(l))).toEqual([[1, 2], [0, 1]]);
  });

  it('consumption mode hedges over the two genres when the user is unsure, and says what it expects', () => {
    // User 1 (truth ½, ½): items 0 and 1 (genre 0) score highest; with c = 1 the second slot goes to genre 1.
    const scores = Float32Array.from([0, 0, 0, 0, 3, 2.9, 0, 2]);
    const r = buildLists(scores, Int32Array.from([1]), 4, ctx, 2, { mode: 'consumption', c: 1, tastes: 'truth' });
    expect(Array.from(r.lists[0])).toEqual([0, 3]);
    expect(r.expectedHits).toBeGreaterThan(0);
    expect(r.keptTopN).toBe(0);
  });

  it('reads tastes from each source; truth without a synthetic world is an error', () => {
    expect(Array.from(userTastes(ctx, 0, [0, 0, 0, 0], 'truth'))[0]).toBeCloseTo(0.99 + 0.01 * ctx.prior[0], 12);
    expect(userTastes(ctx, 0, [0, 0, 0, 0], 'history')[0]).toBeGreaterThan(0.5);
    expect(userTastes(ctx, 0, [0, 0, 0, 0], 'history-lift')[0]).toBeGreaterThan(userTastes(ctx, 0, [0, 0, 0, 0], 'history')[0]);
    expect(userTastes(ctx, 0, [5, 5, 0, 0], 'model')[0]).toBeGreaterThan(0.9);
    expect(() => userTastes(listContext(history, genres, 2), 0, [0, 0, 0, 0], 'truth')).toThrow(/synthetic dataset/);
  });

  it('turns the split into the expected share of unseen items the user likes', () => {
    expect(ctx.heldOutRatio).toBeCloseTo(0.25, 12);
    expect(listContext(history, genres, 2, { testFraction: 0.5 }).heldOutRatio).toBeCloseTo(1, 12);
  });
});
