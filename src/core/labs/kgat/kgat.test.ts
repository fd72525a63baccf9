import { describe, expect, it } from 'vitest';
import { fromUserLists } from '../../data/dataset';
import { buildGraph } from '../../models/kgat/graph';
import { handGraphData } from '../../testing/handGraph';
import { explainPaths } from './explain';
import { activityBuckets, kgatCodeNdcgAtK, popularityBuckets, scoreLists, unionOf } from './scoring';
import { ndcgAtK } from '../../metrics/ranking';

describe('NDCG as KGAT’s official code computes it', () => {
  it('builds the ideal DCG from the retrieved hits only, and so scores above the standard NDCG', () => {
    // Hits at ranks 2 and 4 of 4; three relevant items.
    const ranked = [5, 1, 9, 2];
    const relevant = new Set([1, 2, 7]);
    const dcg = 1 / Math.log2(3) + 1 / Math.log2(5);
    expect(kgatCodeNdcgAtK(ranked, relevant, 4)).toBeCloseTo(dcg / (1 + 1 / Math.log2(3)), 10);
    expect(ndcgAtK(ranked, relevant, 4)).toBeCloseTo(dcg / (1 + 1 / Math.log2(3) + 1 / Math.log2(4)), 10);
    expect(kgatCodeNdcgAtK([1, 5], new Set([1, 2, 3]), 2)).toBe(1);
    expect(kgatCodeNdcgAtK([5, 6], relevant, 2)).toBe(0);
  });
});

describe('buckets', () => {
  // Training counts: item 0 ×3, item 1 ×2, item 2 ×1, item 3 ×0. Held out: items 3, 2, 1, 0 once each.
  const train = fromUserLists([[0, 1, 2], [0, 1], [0]], 4);
  const held = fromUserLists([[3], [2], [1, 0]], 4);

  it('cuts items, from the least to the most trained, into groups holding equal shares of the held-out interactions', () => {
    const { of, buckets } = popularityBuckets(train, held, 2);
    expect(Array.from(of)).toEqual([1, 1, 0, 0]);
    expect(buckets.map((b) => [b.id, b.min, b.max, b.members, b.heldOut])).toEqual([['pop1', 0, 1, 2, 2], ['pop2', 2, 3, 2, 2]]);
    expect(buckets[0].label).toBe('items with 0–1 training interactions');
  });

  it('cuts users by training activity into equal-sized groups', () => {
    const { of, buckets } = activityBuckets(train, held, 3);
    expect(Array.from(of)).toEqual([2, 1, 0]);
    expect(buckets.map((b) => b.label)).toEqual(['users with 1 training interactions', 'users with 2 training interactions', 'users with 3 training interactions']);
  });

  it('scores each bucket against the user’s held-out items in it only', () => {
    const pop = popularityBuckets(train, held, 2);
    const act = activityBuckets(train, held, 3);
    // User 2 held out items 1 (warm) and 0 (warm) and gets [1, 3]: recall 1/2 overall and in the warm bucket.
    const s = scoreLists([Int32Array.of(3), Int32Array.of(0), Int32Array.of(1, 3)], held, 2, { of: pop.of, n: 2 }, { of: act.of, n: 3 });
    expect(s.all.recall).toBeCloseTo((1 + 0 + 0.5) / 3, 10);
    expect(s.byPopularity[0]).toEqual({ recall: 0.5, ndcg: 0.5, users: 2 });
    expect(s.byPopularity[1].recall).toBe(0.5);
    expect(s.byActivity[0].recall).toBe(0.5);
  });

  it('joins training and validation rows for test ranking', () => {
    expect(Array.from(unionOf(train, held).indices)).toEqual([0, 1, 2, 3, 0, 1, 2, 0, 1]);
  });
});

describe('explanations', () => {
  const d = handGraphData();
  const g = buildGraph(d, d.interactions, { knowledge: true, userAttributes: false });

  it('lists the paths user → item → entity → item, then those through another user, by product of weights', () => {
    // Initial weights: u0 → each of its 2 items ½; item 0 → c0 1, item 1 → Y ½ and → u1 ½; c0 → item 2 ½, Y → item 2 ½, u1 → item 2 ½.
    const paths = explainPaths(g, g.initialWeights, 0, 2, 5);
    expect(paths.map((p) => [p.via, p.nodes.map((n) => n.name).join(' > '), p.score])).toEqual([
      ['entity', 'user a > item 0 > creator: c0 > item 2', 0.25],
      ['entity', 'user a > item 1 > genre: Y > item 2', 0.125],
      ['user', 'user a > item 1 > user b > item 2', 0.125],
    ]);
    expect(paths[1].relations).toEqual(['interact', 'genre', 'genre⁻¹']);
    expect(paths[2].weights).toEqual([0.5, 0.5, 0.5]);
  });

  it('keeps the best `top` of each kind', () => {
    expect(explainPaths(g, g.initialWeights, 0, 2, 1).map((p) => p.score)).toEqual([0.25, 0.125]);
  });
});
