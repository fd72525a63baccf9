// Plackett–Luce slates: Gumbel top-k sampling, and log-probabilities checked by enumeration and on wasm.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../random/rng';
import { useWasm } from '../../testing/tfSetup';
import { plLogProb, plLogProbTensor, plReinforceGradient, sampleSlates } from './plackettLuce';

beforeAll(useWasm);

const softmax = (l: number[]) => {
  const m = Math.max(...l);
  const e = l.map((x) => Math.exp(x - m));
  const z = e.reduce((s, x) => s + x, 0);
  return e.map((x) => x / z);
};

/** Every ordered slate of `n` distinct items drawn from `items`. */
const orderedSlates = (items: number[], n: number): number[][] =>
  n === 0 ? [[]] : items.flatMap((i) => orderedSlates(items.filter((j) => j !== i), n - 1).map((rest) => [i, ...rest]));

/** d log p / d l_i = Σ_j [1(i = pick_j) − softmax_{remaining at j}(i)] — the PL score function. */
const plGradient = (logits: number[], slate: number[], exclude: number[]): number[] => {
  const remaining = logits.map((_, i) => !exclude.includes(i));
  const g = new Array<number>(logits.length).fill(0);
  for (const pick of slate) {
    const z = logits.reduce((s, l, i) => (remaining[i] ? s + Math.exp(l) : s), 0);
    logits.forEach((l, i) => {
      if (remaining[i]) g[i] -= Math.exp(l) / z;
    });
    g[pick] += 1;
    remaining[pick] = false;
  }
  return g;
};

describe('sampleSlates (Gumbel top-k)', () => {
  const logits = Float32Array.from({ length: 30 }, (_, i) => Math.sin(i) * 2);

  it('never returns an excluded or a repeated item', () => {
    const exclude = [0, 3, 7, 11, 29];
    const slates = sampleSlates(logits, exclude, 200, 10, new Rng(1));
    expect(slates).toHaveLength(200);
    for (const s of slates) {
      expect(s).toHaveLength(10);
      expect(new Set(s).size).toBe(10);
      for (const i of s) {
        expect(exclude).not.toContain(i);
        expect(i >= 0 && i < 30).toBe(true);
      }
    }
  });

  it('is reproducible for a seed and differs across seeds', () => {
    const a = sampleSlates(logits, [1], 8, 5, new Rng(42));
    expect(sampleSlates(logits, [1], 8, 5, new Rng(42))).toEqual(a);
    expect(sampleSlates(logits, [1], 8, 5, new Rng(43))).not.toEqual(a);
  });

  it('gives the same slates as the literal Gumbel keys l_i − log(−log U_i) on the same draws', () => {
    const exclude = new Set([2, 9]);
    const rng = new Rng(11);
    const literal = Array.from({ length: 20 }, () => {
      const keys: [number, number][] = [];
      for (let i = 0; i < logits.length; i++) {
        if (!exclude.has(i)) keys.push([logits[i] - Math.log(-Math.log(rng.float() + 2 ** -33)), i]);
      }
      return Int32Array.from(keys.sort((a, b) => b[0] - a[0]).slice(0, 6), ([, i]) => i);
    });
    expect(sampleSlates(logits, [...exclude], 20, 6, new Rng(11))).toEqual(literal);
  });

  it('picks first with the softmax probabilities of the allowed items', () => {
    const l = [1.5, 0, -1, 0.7, 2];
    const slates = sampleSlates(Float32Array.from(l), [4], 40_000, 2, new Rng(5));
    const counts = [0, 0, 0, 0, 0];
    for (const s of slates) counts[s[0]]++;
    const p = softmax(l.slice(0, 4));
    expect(counts[4]).toBe(0);
    p.forEach((pi, i) => expect(Math.abs(counts[i] / 40_000 - pi)).toBeLessThan(0.01));
  });

  it('draws whole ordered slates with their Plackett–Luce probabilities', () => {
    const l = [0.5, -0.5, 1, 0];
    const slates = sampleSlates(Float32Array.from(l), [], 40_000, 2, new Rng(9));
    const freq = new Map<string, number>();
    for (const s of slates) freq.set(`${s[0]},${s[1]}`, (freq.get(`${s[0]},${s[1]}`) ?? 0) + 1);
    for (const s of orderedSlates([0, 1, 2, 3], 2)) {
      expect(Math.abs((freq.get(s.join(',')) ?? 0) / 40_000 - Math.exp(plLogProb(l, s, [])))).toBeLessThan(0.01);
    }
  });

  it('can fill a slate with exactly the allowed items, and says why when there are too few', () => {
    const [s] = sampleSlates(Float32Array.of(0, 1, 2, 3), [0], 1, 3, new Rng(2));
    expect([...s].sort()).toEqual([1, 2, 3]);
    expect(() => sampleSlates(Float32Array.of(0, 1, 2, 3), [0, 2], 1, 3, new Rng(2))).toThrow(
      'cannot sample 3 distinct items: only 2 of 4 items are allowed (2 excluded)',
    );
    expect(() => sampleSlates(Float32Array.of(0, NaN), [], 1, 1, new Rng(2))).toThrow(/logit NaN of item 1/);
    expect(() => sampleSlates(Float32Array.of(0, 1), [5], 1, 1, new Rng(2))).toThrow(/excluded item id 5/);
  });
});

describe('plLogProb (float64 reference)', () => {
  const l = [0.3, -1.2, 2, 0.5];

  it('sums to 1 over every ordered slate of size 2 on a 4-item catalogue', () => {
    const total = orderedSlates([0, 1, 2, 3], 2).reduce((s, slate) => s + Math.exp(plLogProb(l, slate, [])), 0);
    expect(total).toBeCloseTo(1, 12);
  });

  it('sums to 1 over the allowed items when some are excluded', () => {
    const total = orderedSlates([0, 2, 3], 2).reduce((s, slate) => s + Math.exp(plLogProb(l, slate, [1])), 0);
    expect(total).toBeCloseTo(1, 12);
  });

  it('matches a hand computation: p(2, 0) = softmax(l)_2 · e^{0.3} / (e^{0.3} + e^{−1.2} + e^{0.5})', () => {
    const e = l.map(Math.exp);
    const expected = (e[2] / (e[0] + e[1] + e[2] + e[3])) * (e[0] / (e[0] + e[1] + e[3]));
    expect(Math.exp(plLogProb(l, [2, 0], []))).toBeCloseTo(expected, 14);
  });

  it('gives probability 0 to a slate that repeats an item or holds an excluded one', () => {
    expect(plLogProb(l, [2, 2], [])).toBe(-Infinity);
    expect(plLogProb(l, [1, 2], [1])).toBe(-Infinity);
  });
});

describe('plLogProbTensor (on wasm)', () => {
  const l = [0.3, -1.2, 2, 0.5];

  /** Evaluates the tensor version on the given slates, every row sharing `logits` and `exclude`. */
  const tensorLogProbs = async (logits: number[], slates: number[][], exclude: number[]) => {
    const rows = slates.length;
    const mask = logits.map((_, i) => (exclude.includes(i) ? -Infinity : 0));
    const out = tf.tidy(() =>
      plLogProbTensor(
        tf.tensor2d(slates.flatMap(() => logits), [rows, logits.length]),
        tf.tensor2d(slates.flat(), [rows, slates[0].length], 'int32'),
        tf.tensor2d(slates.flatMap(() => mask), [rows, logits.length]),
      ),
    );
    const values = Array.from(await out.data());
    out.dispose();
    return values;
  };

  it('matches the reference to 1e-5 on every ordered slate of size 2, and the probabilities sum to 1', async () => {
    const slates = orderedSlates([0, 1, 2, 3], 2);
    const lp = await tensorLogProbs(l, slates, []);
    slates.forEach((s, r) => expect(Math.abs(lp[r] - plLogProb(l, s, []))).toBeLessThan(1e-5));
    expect(lp.reduce((s, x) => s + Math.exp(x), 0)).toBeCloseTo(1, 5);
  });

  it('respects the mask: slates of the 3 allowed items sum to 1 and match the reference', async () => {
    const slates = orderedSlates([0, 2, 3], 2);
    const lp = await tensorLogProbs(l, slates, [1]);
    slates.forEach((s, r) => expect(Math.abs(lp[r] - plLogProb(l, s, [1]))).toBeLessThan(1e-5));
    expect(lp.reduce((s, x) => s + Math.exp(x), 0)).toBeCloseTo(1, 5);
  });

  it('matches the reference on longer slates with large logits (stability of the shift by the max)', async () => {
    const big = Array.from({ length: 50 }, (_, i) => 40 * Math.cos(i));
    const slates = sampleSlates(Float32Array.from(big), [0, 5], 6, 10, new Rng(3)).map((s) => Array.from(s));
    const lp = await tensorLogProbs(big, slates, [0, 5]);
    slates.forEach((s, r) => expect(Math.abs(lp[r] - plLogProb(Float32Array.from(big), s, [0, 5]))).toBeLessThan(1e-4));
    lp.forEach((x) => expect(Number.isFinite(x) && x <= 0).toBe(true));
  });

  it('has a finite gradient equal to the Plackett–Luce score function, excluded items getting 0', async () => {
    const slates = [
      [2, 0, 3],
      [3, 0, 2],
    ];
    const exclude = [1];
    const g = tf.tidy(() => {
      const mask = tf.tensor2d(
        slates.flatMap(() => l.map((_, i) => (exclude.includes(i) ? -Infinity : 0))),
        [2, 4],
      );
      const picks = tf.tensor2d(slates.flat(), [2, 3], 'int32');
      return tf.grad((x: tf.Tensor) => plLogProbTensor(x as tf.Tensor2D, picks, mask).sum())(tf.tensor2d([...l, ...l], [2, 4]));
    });
    const grad = Array.from(await g.data());
    g.dispose();
    expect(grad.every(Number.isFinite)).toBe(true);
    const expected = slates.flatMap((s) => plGradient(l, s, exclude));
    grad.forEach((x, i) => expect(x).toBeCloseTo(expected[i], 5));
    expect(grad[1]).toBe(0);
    expect(grad[5]).toBe(0);
  });

  it('stays exact when the first picks hold nearly all of the mass (where Z − Σ_{t<j} e_t would round to 0)', async () => {
    // After picking 0 and 1 the remaining mass is e^{−60} + e^{−61} of Z ≈ 1.37: gone in a float32 subtraction.
    const peaked = [30, 29, -30, -31];
    const slates = [
      [0, 1, 2],
      [0, 1, 3],
    ];
    const lp = await tensorLogProbs(peaked, slates, []);
    slates.forEach((s, r) => expect(Math.abs(lp[r] - plLogProb(peaked, s, []))).toBeLessThan(1e-5));
    // The last pick's own term: log(e^{−30} / (e^{−30} + e^{−31})) = −log(1 + e^{−1}).
    expect(lp[0] - plLogProb(peaked, [0, 1], [])).toBeCloseTo(-Math.log(1 + Math.exp(-1)), 5);
  });

  it('leaves the tensor count flat over repeated forward and backward passes', () => {
    const logits = tf.tensor2d([...l, ...l], [2, 4]);
    const picks = tf.tensor2d([2, 0, 3, 1], [2, 2], 'int32');
    const mask = tf.zeros([2, 4]) as tf.Tensor2D;
    const pass = () =>
      tf.tidy(() => [
        plLogProbTensor(logits, picks, mask),
        tf.grad((x: tf.Tensor) => plLogProbTensor(x as tf.Tensor2D, picks, mask).sum())(logits),
      ]);
    tf.dispose(pass()); // warm-up
    const before = tf.memory().numTensors;
    for (let n = 0; n < 10; n++) tf.dispose(pass());
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([logits, picks, mask]);
  });
});

describe('plReinforceGradient', () => {
  it('returns L = −mean A·log p and a gradient that matches finite differences', () => {
    // 2 users × 5 items; user 1 may not see item 0.
    const I = 5;
    const logits = Float32Array.from([0.3, -1.2, 2.0, 0.5, -0.4, 1.1, 0.2, -0.7, 0.9, 0.0]);
    const allowed = Uint8Array.from([1, 1, 1, 1, 1, 0, 1, 1, 1, 1]);
    const slates = [[Int32Array.from([2, 0]), Int32Array.from([3, 1])], [Int32Array.from([3, 1])]];
    const advantages = [[0.7, -0.4], [1.3]];
    const loss = (l: Float32Array) => {
      const rows = [0, 1].map((b) => l.subarray(b * I, (b + 1) * I));
      const excl = [[], [0]];
      let sum = 0;
      slates.forEach((ss, b) => ss.forEach((sl, g) => (sum += advantages[b][g] * plLogProb(rows[b], sl, excl[b]))));
      return -sum / 3;
    };
    const grad = new Float32Array(2 * I);
    const L = plReinforceGradient(logits, I, allowed, slates, advantages, grad);
    expect(L).toBeCloseTo(loss(logits), 5);
    const h = 1e-3;
    for (let i = 0; i < 2 * I; i++) {
      if (!allowed[i]) {
        expect(grad[i]).toBe(0);
        continue;
      }
      const up = Float32Array.from(logits);
      const down = Float32Array.from(logits);
      up[i] += h;
      down[i] -= h;
      expect(grad[i]).toBeCloseTo((loss(up) - loss(down)) / (2 * h), 3);
    }
  });
});
