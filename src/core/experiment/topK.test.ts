import { describe, expect, it } from 'vitest';
import { fromUserLists } from '../data/dataset';
import { Rng } from '../random/rng';
import { topKFromScores } from './topK';

describe('topKFromScores', () => {
  it('returns each row’s k best unseen items, best first', () => {
    // user 0 scores: items 0..4 = [0.1, 0.9, 0.5, 0.7, 0.3], has seen item 1 → 3 (0.7), 2 (0.5)
    // user 1 scores: [5, 4, 3, 2, 1], has seen nothing → 0, 1
    const scores = Float32Array.from([0.1, 0.9, 0.5, 0.7, 0.3, 5, 4, 3, 2, 1]);
    const seen = fromUserLists([[1], []], 5);
    const lists = topKFromScores(scores, Int32Array.from([0, 1]), 5, seen, 2);
    expect(lists.map((l) => Array.from(l))).toEqual([
      [3, 2],
      [0, 1],
    ]);
  });

  it('breaks ties by the lower item id', () => {
    const scores = Float32Array.from([1, 2, 2, 2, 0]);
    const lists = topKFromScores(scores, Int32Array.from([0]), 5, fromUserLists([[]], 5), 2);
    expect(Array.from(lists[0])).toEqual([1, 2]);
  });

  it('returns fewer than k when fewer items are unseen', () => {
    const lists = topKFromScores(Float32Array.from([1, 2, 3]), Int32Array.from([0]), 3, fromUserLists([[0, 2]], 3), 2);
    expect(Array.from(lists[0])).toEqual([1]);
  });

  it('agrees with a full sort on random scores', () => {
    const rng = new Rng(3);
    const users = 20;
    const items = 300;
    const scores = Float32Array.from({ length: users * items }, () => rng.float());
    const seen = fromUserLists(Array.from({ length: users }, () => Array.from({ length: 30 }, () => rng.int(items))), items);
    const lists = topKFromScores(scores, Int32Array.from({ length: users }, (_, u) => u), items, seen, 10);
    for (let u = 0; u < users; u++) {
      const excluded = new Set(seen.indices.subarray(seen.indptr[u], seen.indptr[u + 1]));
      const expected = Array.from({ length: items }, (_, i) => i)
        .filter((i) => !excluded.has(i))
        .sort((a, b) => scores[u * items + b] - scores[u * items + a] || a - b)
        .slice(0, 10);
      expect(Array.from(lists[u])).toEqual(expected);
    }
  });
});
