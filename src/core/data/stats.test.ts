import { describe, expect, it } from 'vitest';
import { giniIndex } from '../metrics/beyondAccuracy';
import { fromUserLists, userItems, type Dataset } from './dataset';
import { datasetStats } from './stats';
import { builtinDataset } from './synthetic';

function handDataset(lists: number[][], numItems: number, itemGenres: number[], genreNames: string[]): Dataset {
  return {
    name: 'hand',
    source: { kind: 'synthetic', preset: 'hand', seed: 0 },
    userIds: lists.map((_, u) => String(u)),
    itemIds: Array.from({ length: numItems }, (_, i) => String(i)),
    interactions: fromUserLists(lists, numItems),
    genreNames,
    itemGenres: Uint8Array.from(itemGenres),
  };
}

describe('datasetStats', () => {
  // Users: {0,1,2}, {0,1}, {0}. Item counts 3, 2, 1, 0. Genres: A = items 0, 2, 3; B = items 1, 2.
  const d = handDataset([[0, 1, 2], [0, 1], [0]], 4, [1, 0, 0, 1, 1, 1, 1, 0], ['A', 'B']);
  const s = datasetStats(d);

  it('counts users, items, interactions, density and activity', () => {
    expect(s.users).toBe(3);
    expect(s.items).toBe(4);
    expect(s.interactions).toBe(6);
    expect(s.density).toBe(0.5);
    expect(s.meanPerUser).toBe(2);
    expect(s.medianPerUser).toBe(2);
    expect(s.meanPerItem).toBe(1.5);
    expect(s.coldItems).toBe(1);
    expect(s.coldUsers).toBe(0);
  });

  it('gives the popularity curve, the top-10% share and the Gini index by hand', () => {
    expect(s.popularityCurve).toEqual([
      { rank: 1, count: 3 },
      { rank: 2, count: 2 },
      { rank: 3, count: 1 },
      { rank: 4, count: 0 },
    ]);
    // ⌈4/10⌉ = 1 item holds 3 of 6 interactions.
    expect(s.top10PercentShare).toBe(0.5);
    // Ascending 0, 1, 2, 3: (−3·0 − 1·1 + 1·2 + 3·3) / (4 · 6) = 10/24.
    expect(s.giniOfPopularity).toBeCloseTo(10 / 24, 15);
  });

  it('counts items and interactions per genre, a multi-genre item counting for each', () => {
    expect(s.genreShares).toEqual([
      { genre: 'A', items: 3, interactions: 4, itemShare: 0.75, interactionShare: 4 / 6 },
      { genre: 'B', items: 2, interactions: 3, itemShare: 0.5, interactionShare: 0.5 },
    ]);
  });

  it('takes the mean of the two middle users for an even median, and counts cold users', () => {
    const e = datasetStats(handDataset([[0], [0, 1, 2], [], [1, 2]], 3, [1, 1, 1], ['A']));
    expect(e.medianPerUser).toBe(1.5);
    expect(e.coldUsers).toBe(1);
  });

  it('is all zeros, not NaN, for an empty dataset', () => {
    const e = datasetStats(handDataset([], 0, [], []));
    for (const v of [e.density, e.meanPerUser, e.medianPerUser, e.meanPerItem, e.top10PercentShare, e.giniOfPopularity]) expect(v).toBe(0);
    expect(e.popularityCurve).toEqual([]);
  });

  it('downsamples a long popularity curve to at most the requested points, keeping the head and the tail', () => {
    const lists = Array.from({ length: 50 }, (_, u) => Array.from({ length: 1000 }, (_, i) => i).filter((i) => (i * 7 + u) % 40 < 40 - i / 25));
    const big = datasetStats(handDataset(lists, 1000, new Array(1000).fill(1), ['A']), { maxCurvePoints: 200 });
    expect(big.popularityCurve.length).toBe(200);
    expect(big.popularityCurve[0].rank).toBe(1);
    expect(big.popularityCurve[199].rank).toBe(1000);
    for (let k = 1; k < 200; k++) {
      expect(big.popularityCurve[k].rank).toBeGreaterThan(big.popularityCurve[k - 1].rank);
      expect(big.popularityCurve[k].count).toBeLessThanOrEqual(big.popularityCurve[k - 1].count);
    }
  });

  it('agrees with the metrics module’s Gini index and shows the tiny dataset’s skew', () => {
    const t = builtinDataset('tiny');
    const st = datasetStats(t);
    const userLists = Array.from({ length: t.interactions.numUsers }, (_, u) => userItems(t.interactions, u));
    expect(st.giniOfPopularity).toBeCloseTo(giniIndex(userLists, t.interactions.numItems), 12);
    expect(st.top10PercentShare).toBeGreaterThan(0.1);
    expect(st.popularityCurve.length).toBe(Math.min(200, st.items));
    expect(st.genreShares.map((g) => g.genre)).toEqual(t.genreNames);
  });
});
