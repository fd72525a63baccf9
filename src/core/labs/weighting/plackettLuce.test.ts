// Plackett–Luce slates: Gumbel top-k sampling, log-probabilities by enumeration, the REINFORCE gradient.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../random/rng';
import { plLogProb, plReinforceGradient, sampleSlates } from './plackettLuce';

const softmax = (l: number[]) => {
  const m = Math.max(...l);
  const e = l.map((x) => Math.exp(x - m));
  const z = e.reduce((s, x) => s + x, 0);
  return e.map((x) => x / z);
};

/** Every ordered slate of `n` distinct items drawn from `items`. */
const orderedSlates = (items: number[], n: number): number[][] =>
  n === 0 ? [[]] : items.flatMap((i) => orderedSlates(items.filter((j) => j !== i), n - 1).map((rest) => [i, ...rest]));


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
