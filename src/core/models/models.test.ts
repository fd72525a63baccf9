// The two recommenders of the first lab: exact popularity lists on a hand-made world, and BPR-MF that learns.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromUserLists, nnz, userItems, type Interactions } from '../data/dataset';
import { weakSplit } from '../data/split';
import { builtinDataset } from '../data/synthetic';
import { Rng } from '../random/rng';
import { useWasm } from '../testing/tfSetup';
import { bprEpochTriples, createBprMf, type BprMfOptions } from './bprMf';
import { createPopularity } from './popularity';

beforeAll(useWasm);

const lists = async (p: Promise<Int32Array[]>) => (await p).map((l) => Array.from(l));

describe('popularity', () => {
  // 3 users × 5 items:   u0 = {0, 1, 3},  u1 = {1, 3},  u2 = {1, 2}
  // counts: item 0 → 1, item 1 → 3, item 2 → 1, item 3 → 2, item 4 → 0
  // ranking (count desc, ties by lower id): 1, 3, 0, 2, 4
  const train = fromUserLists([[0, 1, 3], [1, 3], [1, 2]], 5);
  const nobody = fromUserLists([[], [], []], 5);
  const pop = createPopularity(train);
  const users = Int32Array.from([0, 1, 2]);

  it('gives everyone the most popular items, ties broken by the lower item id', async () => {
    expect(await lists(pop.recommend(users, 5, nobody))).toEqual([
      [1, 3, 0, 2, 4],
      [1, 3, 0, 2, 4],
      [1, 3, 0, 2, 4],
    ]);
  });

  it("skips each user's seen items and fills up from further down the ranking", async () => {
    // u0 has seen 0, 1, 3 → 2, 4;  u1 has seen 1, 3 → 0, 2;  u2 has seen 1, 2 → 3, 0
    expect(await lists(pop.recommend(users, 2, train))).toEqual([
      [2, 4],
      [0, 2],
      [3, 0],
    ]);
  });

  it('returns fewer than k items when fewer than k are unseen', async () => {
    expect(await lists(pop.recommend(Int32Array.from([0]), 10, train))).toEqual([[2, 4]]);
  });

  it('answers for the users asked, in the order asked', async () => {
    expect(await lists(pop.recommend(Int32Array.from([2, 0]), 1, train))).toEqual([[3], [2]]);
  });
});

describe('bprEpochTriples', () => {
  const { train } = weakSplit(builtinDataset('tiny').interactions, new Rng(3).fork('split'));
  const pairKeys = (users: Int32Array, items: Int32Array) =>
    Array.from(users, (u, b) => u * train.numItems + items[b]).sort((a, b) => a - b);

  it('contains every training pair exactly once', () => {
    const t = bprEpochTriples(train, new Rng(1));
    expect(t.users.length).toBe(nnz(train));
    const expected: number[] = [];
    for (let u = 0; u < train.numUsers; u++) userItems(train, u).forEach((i) => expected.push(u * train.numItems + i));
    expect(pairKeys(t.users, t.pos)).toEqual(expected.sort((a, b) => a - b));
  });

  it("never draws a negative from the user's training items", () => {
    const t = bprEpochTriples(train, new Rng(1));
    for (let b = 0; b < t.users.length; b++) {
      expect(t.neg[b]).toBeGreaterThanOrEqual(0);
      expect(t.neg[b]).toBeLessThan(train.numItems);
      expect(userItems(train, t.users[b])).not.toContain(t.neg[b]);
    }
  });

  it('gives the same triples for the same seed, and another order for another seed', () => {
    const a = bprEpochTriples(train, new Rng(7));
    const b = bprEpochTriples(train, new Rng(7));
    const c = bprEpochTriples(train, new Rng(8));
    expect(b).toEqual(a);
    expect(c.users).not.toEqual(a.users);
  });

  it('finds the one unseen item of a user who has seen all but one', () => {
    const x: Interactions = fromUserLists([[0, 1, 3]], 4);
    const t = bprEpochTriples(x, new Rng(5));
    expect(Array.from(t.neg)).toEqual([2, 2, 2]);
  });
});

describe('BPR-MF', () => {
  const opts: BprMfOptions = { dim: 16, learningRate: 0.01, optimizer: 'adam', l2: 1e-4, initStd: 0.1 };
  const { train } = weakSplit(builtinDataset('tiny').interactions, new Rng(42).fork('split'));

  /** Trains `epochs` passes in batches of 256 and returns each step's loss. */
  async function trainFor(mf: ReturnType<typeof createBprMf>, epochs: number, rng: Rng): Promise<number[]> {
    const losses: tf.Scalar[] = [];
    for (let e = 0; e < epochs; e++) {
      const t = bprEpochTriples(train, rng);
      for (let a = 0; a < t.users.length; a += 256) {
        const b = Math.min(a + 256, t.users.length);
        losses.push(mf.trainStep(t.users.subarray(a, b), t.pos.subarray(a, b), t.neg.subarray(a, b)));
      }
    }
    const stacked = tf.stack(losses);
    const values = Array.from(await stacked.data());
    tf.dispose([stacked, ...losses]);
    return values;
  }

  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

  it('starts near ln 2 (untrained scores are near 0) and its loss falls over a few hundred steps', async () => {
    const rng = new Rng(42);
    const mf = createBprMf(train.numUsers, train.numItems, opts, rng.fork('init'));
    const losses = await trainFor(mf, 30, rng.fork('sampling')); // 30 epochs × 9 steps = 270 steps
    mf.dispose();
    expect(losses.length).toBe(270);
    expect(losses[0]).toBeCloseTo(Math.LN2, 2);
    expect(mean(losses.slice(-10))).toBeLessThan(0.6 * mean(losses.slice(0, 10)));
    expect(losses.every(Number.isFinite)).toBe(true);
  });

  it('recommends k distinct unseen items per user', async () => {
    const rng = new Rng(1);
    const mf = createBprMf(train.numUsers, train.numItems, opts, rng.fork('init'));
    await trainFor(mf, 3, rng.fork('sampling'));
    const users = Int32Array.from({ length: train.numUsers }, (_, u) => u);
    const recs = await mf.recommend(users, 10, train);
    mf.dispose();
    expect(recs).toHaveLength(train.numUsers);
    recs.forEach((list, u) => {
      expect(list.length).toBe(10);
      expect(new Set(list).size).toBe(10);
      const seen = new Set(userItems(train, u));
      for (const i of list) expect(seen.has(i)).toBe(false);
    });
  });

  it('never recommends a seen item, even when every score ties', async () => {
    // initStd 0 makes every vector 0, so every score is 0 and only the −∞ mask on seen items decides.
    const seen = fromUserLists([[0], [3]], 4);
    const mf = createBprMf(2, 4, { ...opts, initStd: 0 }, new Rng(0));
    const recs = await mf.recommend(Int32Array.from([0, 1]), 3, seen);
    mf.dispose();
    expect(Array.from(recs[0]).sort()).toEqual([1, 2, 3]);
    expect(Array.from(recs[1]).sort()).toEqual([0, 1, 2]);
  });

  it('copies its weights and restores them: the same lists after training on', async () => {
    const rng = new Rng(4);
    const mf = createBprMf(train.numUsers, train.numItems, opts, rng.fork('init'));
    await trainFor(mf, 1, rng.fork('sampling'));
    const users = Int32Array.from([0, 1, 2]);
    const before = await lists(mf.recommend(users, 5, train));
    const saved = await mf.snapshot();
    await trainFor(mf, 5, rng.fork('more'));
    mf.restore(saved);
    expect(await lists(mf.recommend(users, 5, train))).toEqual(before);
    expect(mf.variables().map((v) => v.shape)).toEqual([
      [train.numUsers, opts.dim],
      [train.numItems, opts.dim],
    ]);
    mf.dispose();
  });

  it('frees all its tensors on dispose', async () => {
    const before = tf.memory().numTensors;
    const rng = new Rng(2);
    const mf = createBprMf(train.numUsers, train.numItems, opts, rng.fork('init'));
    await trainFor(mf, 1, rng.fork('sampling'));
    await mf.recommend(Int32Array.from([0, 1, 2]), 5, train);
    mf.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('is reproducible: the same seed gives the same losses', async () => {
    const run = async () => {
      const rng = new Rng(9);
      const mf = createBprMf(train.numUsers, train.numItems, opts, rng.fork('init'));
      const losses = await trainFor(mf, 2, rng.fork('sampling'));
      mf.dispose();
      return losses;
    };
    expect(await run()).toEqual(await run());
  });
});
