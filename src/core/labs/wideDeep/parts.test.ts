// The Wide & Deep lab's pieces on small hand-made data: feature columns, crosses and their G, the click task, the blend.
import { describe, expect, it } from 'vitest';
import { fromUserLists, type Dataset } from '../../data/dataset';
import { builtinDataset } from '../../data/synthetic';
import { ErrorCode } from '../../errors';
import { Rng } from '../../random/rng';
import { buildClickTask, interceptFor, syntheticClickScores, TEST, TRAIN, type ClickTask } from './clickTask';
import { chooseCrosses, crossKey, crossStats, expectedClicks, gStatistic, plantedCrosses } from './crosses';
import { blendLogits, fitBlend } from './ensemble';
import { buildFeatureSpace } from './features';

/** 3 users (features age:young/old, one each) × 3 items with genres and a creator relation; ratings for imports. */
function handData(): Dataset {
  return {
    name: 'hand',
    source: { kind: 'import', format: 'generic', files: ['x'] },
    userIds: ['a', 'b', 'c'],
    itemIds: ['p', 'q', 'r'],
    interactions: fromUserLists([[0, 1], [1, 2], [0]], 3),
    ratings: Float32Array.from([5, 2, 4, 1, 3]),
    genreNames: ['Drama', 'Comedy'],
    itemGenres: Uint8Array.from([1, 0, 1, 1, 0, 1]),
    attributes: { relationNames: ['creator'], entityNames: ['Ann', 'Bo'], item: Int32Array.from([0, 1, 2]), relation: Int32Array.from([0, 0, 0]), entity: Int32Array.from([0, 1, 1]) },
    userFeatures: { names: ['age:young', 'age:old'], values: Uint8Array.from([1, 0, 0, 1, 1, 0]) },
  };
}

describe('feature space', () => {
  const space = buildFeatureSpace(handData());

  it('numbers user id, age, item id, genre and creator columns one after another', () => {
    expect(space.fields.map((f) => [f.name, f.side, f.values.length, f.offset, f.width])).toEqual([
      ['user', 'user', 3, 0, 1],
      ['age', 'user', 2, 3, 1],
      ['item', 'item', 3, 5, 1],
      ['genre', 'item', 2, 8, 2],
      ['creator', 'item', 2, 10, 1],
    ]);
    expect(space.size).toBe(12);
    expect(space.names.slice(3, 5)).toEqual(['age=young', 'age=old']);
  });

  it('lays each item out in slots, mean-pooling its genres (item q has two: weight ½ each)', () => {
    // Item slots: item id, genre, genre, creator. Item q (1): id 6, Drama 8, Comedy 9, creator Bo 11.
    expect(Array.from(space.itemSlots.subarray(4, 8))).toEqual([6, 8, 9, 11]);
    expect(Array.from(space.itemSlotWeight.subarray(4, 8))).toEqual([1, 0.5, 0.5, 1]);
    // Item p has one genre: the second genre slot is empty (index = size, weight 0).
    expect(Array.from(space.itemSlots.subarray(0, 4))).toEqual([5, 8, 12, 10]);
    expect(space.itemSlotWeight[2]).toBe(0);
    expect(Array.from(space.slotField)).toEqual([0, 1, 2, 3, 3, 4]);
  });

  it('keeps ids out of the attributes that crosses pair up', () => {
    expect(space.userAttrs.map((a) => Array.from(a))).toEqual([[3], [4], [3]]);
    expect(space.itemAttrs.map((a) => Array.from(a))).toEqual([[8, 10], [8, 9, 11], [9, 11]]);
    expect(space.relationFeature(0, 1)).toBe(11);
    expect(space.userFeatureIndex[1]).toBe(4);
  });
});

describe('crosses', () => {
  it('expects a cell’s clicks from its two attributes’ odds, never more than its impressions', () => {
    // odds 1 (rate ½) × odds 1 / odds 1 → odds 1 → half the impressions.
    expect(expectedClicks(10, 0.5, 0.5, 0.5)).toBeCloseTo(5, 12);
    // High click rates: a product of rates would exceed n (0.9 · 0.9 / 0.5 = 1.62 per impression); odds stay below n.
    const e = expectedClicks(10, 0.9, 0.9, 0.5);
    expect(e).toBeCloseTo((10 * 81) / 82, 9);
    expect(e).toBeLessThan(10);
  });

  it('G = 2[c ln(c/e) + (n − c) ln((n − c)/(n − e))], 0 when the cell clicks as its parts predict', () => {
    expect(gStatistic(10, 5, 2)).toBeCloseTo(2 * (5 * Math.log(5 / 2) + 5 * Math.log(5 / 8)), 10);
    expect(gStatistic(10, 3, 3)).toBeCloseTo(0, 12);
  });

  it('counts each training impression in every user-attribute × item-attribute cell it belongs to', () => {
    const data = handData();
    const space = buildFeatureSpace(data);
    // Impressions: (a,p) click, (a,q) no, (b,q) click, (c,p) no — all in training.
    const task: ClickTask = { user: Int32Array.from([0, 0, 1, 2]), item: Int32Array.from([0, 1, 1, 0]), label: Uint8Array.from([1, 0, 1, 0]), part: new Uint8Array(4).fill(TRAIN), source: 'hand' };
    const stats = crossStats(space, task);
    const cell = (f: number, a: number) => stats.find((s) => s.key === crossKey(space, f, a))!;
    // age=young (3) × Drama (8): (a,p), (a,q), (c,p) → 3 impressions, 1 click.
    expect([cell(3, 8).impressions, cell(3, 8).clicks]).toEqual([3, 1]);
    // Odds: young ½ (rate 1/3), Drama 1 (rate ½), all 1 (rate ½) → ½ → expected 3 · (½ / 1½) = 1: as predicted.
    expect(cell(3, 8).expected).toBeCloseTo(1, 12);
    expect(cell(3, 8).g).toBeCloseTo(0, 12);
    // age=old (4) × Comedy (9): only (b,q), clicked.
    expect([cell(4, 9).impressions, cell(4, 9).clicks]).toEqual([1, 1]);
    expect(stats.map((s) => s.g)).toEqual([...stats.map((s) => s.g)].sort((x, y) => y - x));
    expect(chooseCrosses('top', 2, stats, space, data)).toEqual(stats.slice(0, 2).map((s) => s.key));
    expect(chooseCrosses('all', 0, stats, space, data)).toHaveLength(stats.length);
    expect(chooseCrosses('none', 5, stats, space, data)).toEqual([]);
  });

  it('maps the planted exceptions of a synthetic world to crosses, and refuses "planted" on data without any', () => {
    const w = builtinDataset('tiny');
    const space = buildFeatureSpace(w);
    const keys = plantedCrosses(space, w);
    expect(keys).toHaveLength(w.groundTruth.exceptions.length);
    const e = w.groundTruth.exceptions[0];
    expect(space.names[Math.floor(keys[0] / space.size)]).toBe(w.userFeatures.names[e.userFeature].replace(':', '='));
    expect(() => plantedCrosses(buildFeatureSpace(handData()), handData())).toThrow(expect.objectContaining({ code: ErrorCode.InvalidConfigValue }));
  });
});

describe('click task', () => {
  it('sets the intercept so the mean click probability is the rate asked for', () => {
    const s = Float64Array.from([-3, -1, 0, 2]);
    const a = interceptFor(s, 0.25);
    const mean = s.reduce((t, x) => t + 1 / (1 + Math.exp(-(a + x))), 0) / s.length;
    expect(mean).toBeCloseTo(0.25, 9);
  });

  it('on a synthetic world: the true probability follows taste × quality × the exception boost', () => {
    const w = builtinDataset('tiny');
    const task = buildClickTask(w, { perUser: 30, clickRate: 0.1, threshold: 4 }, new Rng(5));
    expect(task.user.length).toBe(100 * 30);
    const mean = task.truth!.reduce((t, p) => t + p, 0) / task.truth!.length;
    expect(mean).toBeCloseTo(0.1, 6);
    const clicks = task.label.reduce((t, y) => t + y, 0) / task.label.length;
    expect(Math.abs(clicks - 0.1)).toBeLessThan(0.03);
    // An exception multiplies the odds by B = 30: the same user and item scored with and without it differ by ln 30.
    const k = task.exception!.findIndex((x) => x === 1);
    expect(k).toBeGreaterThanOrEqual(0);
    const { score } = syntheticClickScores(w, task.user.subarray(k, k + 1), task.item.subarray(k, k + 1));
    const noEx = { ...w, groundTruth: { ...w.groundTruth, exceptions: [] } };
    const { score: plain } = syntheticClickScores(noEx, task.user.subarray(k, k + 1), task.item.subarray(k, k + 1));
    expect(score[0] - plain[0]).toBeCloseTo(Math.log(30), 9);
    // Roughly 70 / 10 / 20, and the same seed draws the same task.
    const test = task.part.filter((p) => p === TEST).length / task.part.length;
    expect(Math.abs(test - 0.2)).toBeLessThan(0.03);
    expect(buildClickTask(w, { perUser: 30, clickRate: 0.1, threshold: 4 }, new Rng(5)).label).toEqual(task.label);
  });

  it('on imported data: every rating is an impression and a rating ≥ the threshold a click', () => {
    const task = buildClickTask(handData(), { perUser: 0, clickRate: 0, threshold: 4 }, new Rng(1));
    expect(Array.from(task.user)).toEqual([0, 0, 1, 1, 2]);
    expect(Array.from(task.item)).toEqual([0, 1, 1, 2, 0]);
    expect(Array.from(task.label)).toEqual([1, 0, 1, 0, 0]);
    expect(task.truth).toBeUndefined();
  });

  it('refuses imported data without ratings, or where every rating is a click, saying what to do', () => {
    const noRatings = { ...handData(), ratings: undefined };
    expect(() => buildClickTask(noRatings, { perUser: 0, clickRate: 0, threshold: 4 }, new Rng(1))).toThrow(/rating column/);
    expect(() => buildClickTask(handData(), { perUser: 0, clickRate: 0, threshold: 1 }, new Rng(1))).toThrow(/rating threshold 1/);
    expect(() => buildClickTask(handData(), { perUser: 0, clickRate: 0, threshold: 6 }, new Rng(1))).toThrow(/lower the click threshold/);
  });
});

describe('ensemble blend', () => {
  it('recovers the blend that generated the labels (a logistic regression on the two logits)', () => {
    const rng = new Rng(9);
    const n = 20000;
    const wide = Float64Array.from({ length: n }, () => rng.normal());
    const deep = Float64Array.from({ length: n }, () => rng.normal());
    const labels = Uint8Array.from({ length: n }, (_, k) => (rng.float() < 1 / (1 + Math.exp(-(0.8 * wide[k] + 1.5 * deep[k] - 1))) ? 1 : 0));
    const b = fitBlend(wide, deep, labels);
    expect(b.a).toBeCloseTo(0.8, 1);
    expect(b.b).toBeCloseTo(1.5, 1);
    expect(b.c).toBeCloseTo(-1, 1);
    expect(Array.from(blendLogits({ a: 2, b: 3, c: 1 }, [1], [1]))).toEqual([6]);
  });

  it('does not run off when the logits are badly scaled: wide three times as confident as deep', () => {
    const rng = new Rng(4);
    const n = 5000;
    const deep = Float64Array.from({ length: n }, () => 2 * rng.normal());
    const wide = Float64Array.from(deep, (d) => 3 * d + rng.normal());
    const labels = Uint8Array.from(deep, (d) => (rng.float() < 1 / (1 + Math.exp(-d)) ? 1 : 0));
    const b = fitBlend(wide, deep, labels);
    expect(Math.abs(b.a)).toBeLessThan(5);
    expect(Math.abs(b.b)).toBeLessThan(5);
    // One class only: the best constant, no fit.
    expect(fitBlend([1, 2], [3, 4], [0, 0])).toEqual({ a: 0, b: 0, c: -Infinity });
  });
});
