// The per-slate rewards, each against a hand computation, and the objectives table the lab reads them through.
import { describe, expect, it } from 'vitest';
import { genreCosineDistance } from '../../metrics';
import {
  calibrationReward,
  consumptionReward,
  diversityReward,
  genreSpanReward,
  noveltyReward,
  precisionReward,
} from './rewards';
import { baseWeights, OBJECTIVES, type RewardSettings } from './objectives';
import { fromUserLists, userItems } from '../../data/dataset';
import { Rng } from '../../random/rng';
import { rewardTargets } from './slateBatch';

// 5 items × 3 genres: 0 = {A}, 1 = {B}, 2 = {A, B}, 3 = {A}, 4 = {C}.
const numGenres = 3;
const itemGenres = Uint8Array.from([1, 0, 0, 0, 1, 0, 1, 1, 0, 1, 0, 0, 0, 0, 1]);

describe('relevance rewards', () => {
  const targets = new Set([2, 4, 9]);

  it('precision-style: the share of the slate that hits (2 of 4 = 0.5)', () => {
    expect(precisionReward([1, 2, 3, 4], targets)).toBe(0.5);
    expect(precisionReward([1, 3], targets)).toBe(0);
    expect(precisionReward([2, 4], targets)).toBe(1);
    expect(precisionReward([2, 4], new Set())).toBe(0);
  });

  it('consumption-style: 1 as soon as c items hit, whatever the rest of the slate', () => {
    expect(consumptionReward([1, 2, 3, 4], targets)).toBe(1);
    expect(consumptionReward([1, 2, 3, 5], targets)).toBe(1); // one hit is enough for c = 1
    expect(consumptionReward([1, 2, 3, 4], targets, 2)).toBe(1);
    expect(consumptionReward([1, 2, 3, 4], targets, 3)).toBe(0);
    expect(consumptionReward([1, 3], targets)).toBe(0);
    expect(() => consumptionReward([1], targets, 0)).toThrow(/c = 0/);
  });
});

describe('diversityReward', () => {
  const d = genreCosineDistance(itemGenres, numGenres);

  it('is the mean pairwise genre distance: {A}, {B}, {A,B} → (1 + 2(1 − 1/√2)) / 3', () => {
    expect(diversityReward([0, 1, 2], d)).toBeCloseTo((3 - Math.SQRT2) / 3, 12);
    expect(diversityReward([0, 1, 2], d)).toBeCloseTo(0.528595, 6);
  });

  it('is 0 for same-genre slates and for a single item, 1 for genre-disjoint ones', () => {
    expect(diversityReward([0, 3], d)).toBe(0);
    expect(diversityReward([2], d)).toBe(0);
    expect(diversityReward([0, 1, 4], d)).toBe(1);
  });
});

describe('noveltyReward', () => {
  // 8 users; item popularity 8, 4, 1, 0, 16 → self-information / log2 8 = 0, 1/3, 1, 1 (unseen counts as 1), −1/3 → 0.
  const counts = [8, 4, 1, 0, 16];

  it('averages the normalised self-information −log2(pop/|U|)/log2|U| over the slate', () => {
    expect(noveltyReward([0, 1, 2], counts, 8)).toBeCloseTo((0 + 1 / 3 + 1) / 3, 12);
    expect(noveltyReward([2], counts, 8)).toBe(1);
    expect(noveltyReward([0], counts, 8)).toBe(0);
  });

  it('treats an unseen item as seen once and clamps counts above |U| to 0', () => {
    expect(noveltyReward([3, 4], counts, 8)).toBe(0.5);
  });

  it('is 0 for an empty slate and rejects too few users or unknown items', () => {
    expect(noveltyReward([], counts, 8)).toBe(0);
    expect(() => noveltyReward([0], counts, 1)).toThrow(/numUsers = 1/);
    expect(() => noveltyReward([7], counts, 8)).toThrow(/item id 7/);
  });
});

describe('calibrationReward', () => {
  it('is 1 − JS(history, slate): history {A},{A},{A,B} = (5/6, 1/6, 0) against slate {B} = (0, 1, 0)', () => {
    // m = (5/12, 7/12, 0); KL(p‖m) = 5/6·log2 2 + 1/6·log2(2/7); KL(q‖m) = log2(12/7).
    const js = 0.5 * (5 / 6 + (1 / 6) * Math.log2(2 / 7)) + 0.5 * Math.log2(12 / 7);
    expect(calibrationReward([1], [0, 0, 2], itemGenres, numGenres)).toBeCloseTo(1 - js, 12);
    expect(calibrationReward([1], [0, 0, 2], itemGenres, numGenres)).toBeCloseTo(0.345142, 6);
  });

  it('is 1 when the slate has the history’s genre mix and 0 when they share no genre', () => {
    expect(calibrationReward([0, 3], [0], itemGenres, numGenres)).toBe(1);
    expect(calibrationReward([4], [0, 1, 2], itemGenres, numGenres)).toBe(0);
  });
});

describe('the objectives table', () => {
  it('lists relevance, diversity and novelty in reward order, each higher-is-better, with a slider, a paper, a reward and a surrogate', () => {
    expect(OBJECTIVES.map((o) => o.id)).toEqual(['relevance', 'diversity', 'novelty']);
    expect(OBJECTIVES.map((o) => o.weightKey)).toEqual(['wRelevance', 'wDiversity', 'wNovelty']);
    for (const o of OBJECTIVES) {
      expect(o.better).toBe('higher');
      expect(o.sliderLabel.length).toBeGreaterThan(0);
      expect(o.paper).toMatch(/\d{4}/);
      expect(o.rewardText.length).toBeGreaterThan(20);
      expect(o.surrogateText.length).toBeGreaterThan(20);
    }
    expect(new Set(OBJECTIVES.map((o) => o.color)).size).toBe(3);
  });

  it("computes each slate's rewards with the functions above", () => {
    // Slate [0, 4, 2] with hidden {2, 9}: precision 1/3; consumption (c = 1) 1; diversity from the settings' function.
    const s: RewardSettings = { relevance: 'precision', consumeC: 1, diversity: () => 0.25, itemCounts: Int32Array.from([4, 1, 2, 1, 1]), numUsers: 4, noisy: -1, noiseLevel: 0 };
    const slate = Int32Array.from([0, 4, 2]);
    const hidden = new Set([2, 9]);
    const [rel, div, nov] = OBJECTIVES.map((o) => o.reward(slate, hidden, s));
    expect(rel).toBeCloseTo(1 / 3, 12);
    expect(OBJECTIVES[0].reward(slate, hidden, { ...s, relevance: 'consumption' })).toBe(1);
    expect(div).toBe(0.25);
    expect(nov).toBe(noveltyReward(slate, s.itemCounts, s.numUsers));
  });

  it('normalises the base weights to shares in table order, and refuses all zeros', () => {
    baseWeights({ wRelevance: 0.6, wDiversity: 0.3, wNovelty: 0.1 }).forEach((w, k) => expect(w).toBeCloseTo([0.6, 0.3, 0.1][k], 12));
    expect(baseWeights({ wRelevance: 2, wDiversity: 1, wNovelty: 1 })).toEqual([0.5, 0.25, 0.25]);
    expect(() => baseWeights({ wRelevance: 0, wDiversity: 0, wNovelty: 0 })).toThrow(/^OL101: every objective weight is 0: give at least one objective a weight/);
  });
});

describe('genreSpanReward', () => {
  it('is 1 when the slate spans at least two genres, else 0', () => {
    // items 0,1: genre A; item 2: genre B (2 genres)
    const genres = Uint8Array.from([1, 0, 1, 0, 0, 1]);
    const span = genreSpanReward(genres, 2);
    expect(span(Int32Array.from([0, 1]))).toBe(0);
    expect(span(Int32Array.from([0, 2]))).toBe(1);
  });
});

describe('the reward targets', () => {
  it('hide a fixed 20% of each user’s training items (at least one), the same for the same seed, and keep the rest visible', () => {
    // User 0: 10 items → 2 hidden; user 1: 2 items → 1 hidden; user 2: 1 item → none (not a learner).
    const train = fromUserLists([[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [3, 4], [5]], 10);
    const a = rewardTargets(train, new Rng(3));
    const b = rewardTargets(train, new Rng(3));
    expect(a.hidden.map((h) => [...h])).toEqual(b.hidden.map((h) => [...h]));
    expect(a.hidden.map((h) => h.size)).toEqual([2, 1, 0]);
    for (let u = 0; u < 3; u++) {
      const all = [...a.visible[u], ...a.hidden[u]].sort((x, y) => x - y);
      expect(all).toEqual(Array.from(userItems(train, u)));
      for (const i of a.visible[u]) expect(a.hidden[u].has(i)).toBe(false);
    }
  });
});
