// The end-of-run views on hand-made scores: activity groups keep ties together, the β peak skips epoch 0.
import { describe, expect, it } from 'vitest';
import { fromUserLists } from '../../data/dataset';
import { accuracyDiversity, activityBuckets, betaPeak } from './artifacts';
import type { UserScores } from './scoring';

/** Users 0–7 fed in 1, 1, 2, 3, 3, 3, 5 and 8 items. */
const COUNTS = [1, 1, 2, 3, 3, 3, 5, 8];
const foldIn = fromUserLists(
  COUNTS.map((n) => Array.from({ length: n }, (_, i) => i)),
  10,
);
const scores = (ndcg: number[], lists: number[][] = ndcg.map(() => [0, 1])): UserScores => ({
  users: Int32Array.from(COUNTS, (_, u) => u),
  lists: lists.map((l) => Int32Array.from(l)),
  ndcg100: Float64Array.from(ndcg),
  recall20: new Float64Array(ndcg.length),
  recall50: new Float64Array(ndcg.length),
});

describe('activityBuckets', () => {
  it('cuts users into quartiles by clicks fed in, never splitting equal counts, with each method’s mean NDCG@100', () => {
    const b = activityBuckets(foldIn, { a: scores([0.1, 0.3, 0.2, 0.4, 0.6, 0.8, 0.5, 0.7]), popularity: scores([0, 0, 0, 0, 0, 0, 0, 1]) });
    // Quartile cuts fall after 2, 4 and 6 users; the cut after 4 would split the three users with 3 items, so it
    // moves to 6 and the third quartile is empty.
    expect(b.map((x) => [x.label, x.users])).toEqual([
      ['1 item', 2],
      ['2–3 items', 4],
      ['5–8 items', 2],
    ]);
    expect(b[0].ndcg100.a).toBeCloseTo(0.2, 12);
    expect(b[1].ndcg100.a).toBeCloseTo(0.5, 12);
    expect(b[2].ndcg100).toEqual({ a: 0.6, popularity: 0.5 });
  });
});

describe('accuracyDiversity', () => {
  it('gives each method its NDCG@100, the genre ILD and the catalogue coverage of its top 10', () => {
    const ndcg = [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5];
    const same = scores(ndcg, ndcg.map(() => [0, 1]));
    const spread = scores(ndcg, ndcg.map((_, u) => [u, u + 1]));
    // Items 0–9: even ids have genre 0, odd ids genre 1, so every list of one even and one odd item has ILD 1.
    const distance = (a: number, b: number) => (a % 2 === b % 2 ? 0 : 1);
    const [a, b] = accuracyDiversity({ same, spread }, { same: 'Same list' }, 10, distance);
    expect(a).toEqual({ id: 'same', label: 'Same list', ndcg100: 0.5, ild10: 1, coverage10: 0.2 });
    expect(b).toEqual({ id: 'spread', label: 'spread', ndcg100: 0.5, ild10: 1, coverage10: 0.9 });
    expect(accuracyDiversity({ same }, {}, 10, null)[0].ild10).toBeNull();
  });
});

describe('betaPeak', () => {
  it('is the first epoch ≥ 1 with the best NDCG@100, with the β then in use', () => {
    const h = [
      { epoch: 0, beta: 0, ndcg100: 0.9 },
      { epoch: 1, beta: 0.1, ndcg100: 0.3 },
      { epoch: 2, beta: 0.2, ndcg100: 0.5 },
      { epoch: 3, beta: 0.3, ndcg100: 0.5 },
      { epoch: 4, beta: 0.4, ndcg100: NaN },
    ];
    expect(betaPeak('vae-multinomial', h)).toEqual({ id: 'vae-multinomial', epoch: 2, beta: 0.2, ndcg100: 0.5 });
    expect(betaPeak('v', [{ epoch: 0, beta: 0, ndcg100: 1 }])).toBeNull();
  });
});
