// Hand-computed cases, exact enumeration, seeded Monte Carlo and known limits for the consumption model.
import { describe, expect, it } from 'vitest';
import { Rng } from '../random/rng';
import {
  consumptionUtility,
  expectedTopSum,
  fitShareExponent,
  marginalGain,
  optimalAllocation,
  probabilityAtLeastOne,
  type ValueModel,
} from './consumption';
import { hitAtK, precisionAtK } from './ranking';

const MODELS: ValueModel[] = [
  { kind: 'bernoulli', q: 0.3 },
  { kind: 'uniform' },
  { kind: 'exponential' },
  { kind: 'pareto', alpha: 2.5 },
];

describe('consumptionUtility', () => {
  // ranked 10 20 30 40 50 with relevant {20, 50, 99}: hits@5 = 2.
  const ranked = [10, 20, 30, 40, 50];
  const relevant = new Set([20, 50, 99]);

  it('is min(c, hits@K) / c', () => {
    expect(consumptionUtility(ranked, relevant, 5, 1)).toBe(1);
    expect(consumptionUtility(ranked, relevant, 5, 2)).toBe(1);
    expect(consumptionUtility(ranked, relevant, 5, 3)).toBe(2 / 3);
    expect(consumptionUtility(ranked, relevant, 5, 5)).toBe(2 / 5);
    // K = 1: the top item is a miss.
    expect(consumptionUtility(ranked, relevant, 1, 1)).toBe(0);
  });

  it('is HR@K when the user consumes one item and Precision@K when they consume all K', () => {
    const rng = new Rng(21);
    for (let trial = 0; trial < 30; trial++) {
      const list = rng.shuffle(Array.from({ length: 12 }, (_, i) => i));
      const rel = new Set<number>();
      for (let i = 0; i < 14; i++) if (rng.float() < 0.25) rel.add(i);
      for (let K = 1; K <= 12; K++) {
        expect(consumptionUtility(list, rel, K, 1)).toBe(hitAtK(list, rel, K));
        expect(consumptionUtility(list, rel, K, K)).toBeCloseTo(precisionAtK(list, rel, K), 15);
      }
    }
  });

  it('never rises as the user consumes more, stays in [0, 1], and caps c at K', () => {
    let prev = Infinity;
    for (let c = 1; c <= 5; c++) {
      const u = consumptionUtility(ranked, relevant, 5, c);
      expect(u).toBeLessThanOrEqual(prev);
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThanOrEqual(1);
      prev = u;
    }
    expect(consumptionUtility(ranked, relevant, 5, 10)).toBe(2 / 5);
  });

  it('is 0 without relevant items and rejects c that is not a positive integer', () => {
    expect(consumptionUtility(ranked, new Set<number>(), 5, 1)).toBe(0);
    expect(() => consumptionUtility(ranked, relevant, 5, 0)).toThrow(RangeError);
    expect(() => consumptionUtility(ranked, relevant, 5, 1.5)).toThrow(RangeError);
  });
});

describe('probabilityAtLeastOne', () => {
  it('is 1 − Π (1 − q_r) over the top k', () => {
    // (0.5, 0.2): k=1 → 0.5; k=2 → 1 − 0.5 · 0.8 = 0.6.
    expect(probabilityAtLeastOne([0.5, 0.2], 1)).toBe(0.5);
    expect(probabilityAtLeastOne([0.5, 0.2], 2)).toBeCloseTo(0.6, 15);
    expect(probabilityAtLeastOne([0.5, 0.2], 0)).toBe(0);
  });

  it('is HR@k when every q_r is 0 or 1', () => {
    const ranked = [4, 8, 15, 16, 23];
    const rel = new Set([15, 42]);
    const q = ranked.map((i) => (rel.has(i) ? 1 : 0));
    for (let k = 1; k <= 5; k++) expect(probabilityAtLeastOne(q, k)).toBe(hitAtK(ranked, rel, k));
  });

  it('is the Bernoulli value V_1(k) = 1 − (1 − q)^k when every q_r = q', () => {
    for (let k = 1; k <= 8; k++) {
      const v = probabilityAtLeastOne(new Array(k).fill(0.3), k);
      expect(v).toBeCloseTo(1 - Math.pow(0.7, k), 14);
      expect(v).toBeCloseTo(expectedTopSum({ kind: 'bernoulli', q: 0.3 }, k, 1), 14);
    }
  });

  it('rejects probabilities outside [0, 1]', () => {
    expect(() => probabilityAtLeastOne([0.5, 1.2], 2)).toThrow(RangeError);
  });
});

describe('expectedTopSum', () => {
  it('matches hand-computed order statistics', () => {
    // Uniform: E[max of 2] = 2/3; top 2 of 3 = 3/4 + 2/4 = 5/4.
    expect(expectedTopSum({ kind: 'uniform' }, 2, 1)).toBeCloseTo(2 / 3, 15);
    expect(expectedTopSum({ kind: 'uniform' }, 3, 2)).toBeCloseTo(5 / 4, 15);
    // Exponential: E[max of 2] = H_2 = 3/2; top 2 of 3 = H_3 + (H_3 − 1) = 11/6 + 5/6 = 8/3.
    expect(expectedTopSum({ kind: 'exponential' }, 2, 1)).toBeCloseTo(3 / 2, 15);
    expect(expectedTopSum({ kind: 'exponential' }, 3, 2)).toBeCloseTo(8 / 3, 15);
    // Pareto(2): E[max of 2] = 1 + ∫_1^∞ (1 − (1 − x⁻²)²) dx = 1 + 2 − 1/3 = 8/3.
    expect(expectedTopSum({ kind: 'pareto', alpha: 2 }, 2, 1)).toBeCloseTo(8 / 3, 14);
    // Bernoulli(½): P(at least one of 2) = 3/4.
    expect(expectedTopSum({ kind: 'bernoulli', q: 0.5 }, 2, 1)).toBeCloseTo(3 / 4, 15);
  });

  it('is a · mean when everything is consumed (k ≥ a or k = ∞), and 0 for an empty slate', () => {
    const means = [0.3, 0.5, 1, 2.5 / 1.5];
    MODELS.forEach((value, m) => {
      for (const a of [1, 4, 9]) {
        expect(expectedTopSum(value, a, a)).toBeCloseTo(a * means[m], 12);
        expect(expectedTopSum(value, a, Infinity)).toBeCloseTo(a * means[m], 12);
      }
      expect(expectedTopSum(value, 0, 3)).toBe(0);
    });
  });

  it('equals exact enumeration of all 2^a outcomes for Bernoulli', () => {
    const q = 0.3;
    for (let a = 1; a <= 6; a++) {
      for (let k = 1; k <= a; k++) {
        let want = 0;
        for (let mask = 0; mask < 1 << a; mask++) {
          let ones = 0;
          for (let j = 0; j < a; j++) if (mask & (1 << j)) ones++;
          want += Math.pow(q, ones) * Math.pow(1 - q, a - ones) * Math.min(k, ones);
        }
        expect(expectedTopSum({ kind: 'bernoulli', q }, a, k)).toBeCloseTo(want, 14);
      }
    }
  });

  it('agrees with seeded Monte Carlo for Uniform, Exponential and Pareto within 4 standard errors', () => {
    const rng = new Rng(2024);
    const draw: Record<string, () => number> = {
      uniform: () => rng.float(),
      exponential: () => -Math.log(1 - rng.float()),
      pareto: () => Math.pow(1 - rng.float(), -1 / 3), // α = 3: finite variance
    };
    const models: ValueModel[] = [{ kind: 'uniform' }, { kind: 'exponential' }, { kind: 'pareto', alpha: 3 }];
    const reps = 40000;
    for (const value of models) {
      for (const a of [1, 3, 6]) {
        for (const k of [1, 2, a]) {
          let sum = 0;
          let sumSq = 0;
          const xs = new Float64Array(a);
          for (let r = 0; r < reps; r++) {
            for (let j = 0; j < a; j++) xs[j] = draw[value.kind]();
            xs.sort();
            let top = 0;
            for (let j = 0; j < Math.min(k, a); j++) top += xs[a - 1 - j];
            sum += top;
            sumSq += top * top;
          }
          const mean = sum / reps;
          const se = Math.sqrt((sumSq / reps - mean * mean) / reps);
          expect(Math.abs(expectedTopSum(value, a, k) - mean), `${value.kind} a=${a} k=${k}`).toBeLessThan(4 * se);
        }
      }
    }
  });

  it('explains that Pareto with α ≤ 1 has an infinite mean', () => {
    expect(() => expectedTopSum({ kind: 'pareto', alpha: 1 }, 3, 1)).toThrow(/infinite/);
    expect(() => expectedTopSum({ kind: 'pareto', alpha: 0.5 }, 3, 1)).toThrow(RangeError);
  });

  it('rejects bad counts and parameters', () => {
    expect(() => expectedTopSum({ kind: 'uniform' }, -1, 1)).toThrow(RangeError);
    expect(() => expectedTopSum({ kind: 'uniform' }, 2.5, 1)).toThrow(RangeError);
    expect(() => expectedTopSum({ kind: 'uniform' }, 2, 0)).toThrow(RangeError);
    expect(() => expectedTopSum({ kind: 'bernoulli', q: 1.1 }, 2, 1)).toThrow(RangeError);
  });
});

describe('marginalGain', () => {
  it('equals V(a + 1) − V(a) and never rises with a (V is concave)', () => {
    for (const value of MODELS) {
      for (const k of [1, 3, Infinity]) {
        let prev = Infinity;
        for (let a = 0; a <= 30; a++) {
          const g = marginalGain(value, a, k);
          const diff = expectedTopSum(value, a + 1, k) - expectedTopSum(value, a, k);
          expect(Math.abs(g - diff), `${value.kind} k=${k} a=${a}`).toBeLessThan(1e-12);
          expect(g).toBeLessThanOrEqual(prev * (1 + 1e-12));
          prev = g;
        }
      }
    }
  });
});

/** Every (a_0, …, a_{T−1}) with a_t ≥ 0 and Σ a_t = n. */
function compositions(T: number, n: number): number[][] {
  if (T === 1) return [[n]];
  const out: number[][] = [];
  for (let a = 0; a <= n; a++) for (const rest of compositions(T - 1, n - a)) out.push([a, ...rest]);
  return out;
}

describe('optimalAllocation', () => {
  const p = [0.5, 0.3, 0.2];

  it('reaches the best utility found by enumerating every allocation, for every value model', () => {
    const mixed: ValueModel[] = [{ kind: 'bernoulli', q: 0.4 }, { kind: 'exponential' }, { kind: 'pareto', alpha: 1.5 }];
    for (const value of [...MODELS, mixed]) {
      for (const k of [1, 2, 3, Infinity]) {
        for (let n = 0; n <= 6; n++) {
          const models = Array.isArray(value) ? value : [value, value, value];
          let best = -Infinity;
          for (const a of compositions(3, n)) {
            let u = 0;
            for (let t = 0; t < 3; t++) u += p[t] * expectedTopSum(models[t], a[t], k);
            best = Math.max(best, u);
          }
          const got = optimalAllocation({ p, n, k, value });
          expect(got.counts.reduce((s, c) => s + c, 0)).toBe(n);
          expect(Math.abs(got.utility - best), `k=${k} n=${n}`).toBeLessThan(1e-12);
        }
      }
    }
  });

  it('reports the utility Σ p_t V(a_t) of the counts it returns', () => {
    const { counts, utility } = optimalAllocation({ p, n: 10, k: 2, value: { kind: 'uniform' } });
    let u = 0;
    for (let t = 0; t < 3; t++) u += p[t] * expectedTopSum({ kind: 'uniform' }, counts[t], 2);
    expect(utility).toBeCloseTo(u, 14);
  });

  it('puts every item on the most likely type when k ≥ n (a homogeneous slate)', () => {
    const q = [0.2, 0.5, 0.3];
    for (const value of MODELS) {
      expect(Array.from(optimalAllocation({ p: q, n: 7, k: 7, value }).counts)).toEqual([0, 7, 0]);
      expect(Array.from(optimalAllocation({ p: q, n: 7, k: Infinity, value }).counts)).toEqual([0, 7, 0]);
    }
  });

  it('with one model per type puts everything on argmax p_t μ_t when k ≥ n', () => {
    // μ = 0.2 and 1: p μ = 0.12 vs 0.4 ⇒ type 1 although type 0 is more likely.
    const value: ValueModel[] = [{ kind: 'bernoulli', q: 0.2 }, { kind: 'exponential' }];
    expect(Array.from(optimalAllocation({ p: [0.6, 0.4], n: 5, k: 5, value }).counts)).toEqual([0, 5]);
  });

  it('moves from one type to all types as k slides from n down to 1 (Exponential, p = (0.5, 0.3, 0.2), n = 10)', () => {
    // Gains: μ = 1 while a_t < k, then k/(a_t + 1); a slot goes to the largest p_t · gain.
    // k = 10: every gain is p_t ⇒ (10, 0, 0).
    // k = 3: the ten largest of {0.5 ×3, 0.375, 0.3, 0.25, 0.214…} ∪ {0.3 ×3, 0.225, …} ∪ {0.2 ×3, …} ⇒ (6, 4, 0).
    // k = 1: gains p_t/(a_t + 1) ≥ 0.1 for a_t ≤ 4, 2, 1 ⇒ (5, 3, 2): shares equal p (calibrated).
    const want: [number, number[]][] = [
      [10, [10, 0, 0]],
      [5, [8, 2, 0]],
      [3, [6, 4, 0]],
      [2, [5, 3, 2]],
      [1, [5, 3, 2]],
    ];
    for (const [k, counts] of want) {
      expect(Array.from(optimalAllocation({ p, n: 10, k, value: { kind: 'exponential' } }).counts), `k=${k}`).toEqual(counts);
    }
  });

  it('breaks ties by the lower type index', () => {
    expect(Array.from(optimalAllocation({ p: [0.5, 0.5], n: 3, k: Infinity, value: { kind: 'uniform' } }).counts)).toEqual([3, 0]);
    expect(Array.from(optimalAllocation({ p: [0.5, 0.5], n: 1, k: 1, value: { kind: 'exponential' } }).counts)).toEqual([1, 0]);
  });

  describe('shares approach p_t^γ when few items are consumed (k = 1 and 3, n = 2000; fitted γ within 0.1)', () => {
    const q = [0.4, 0.3, 0.2, 0.1];
    const cases: [string, ValueModel, number][] = [
      ['Bernoulli: γ = 0 (uniform shares)', { kind: 'bernoulli', q: 0.5 }, 0],
      ['Uniform: γ = ½', { kind: 'uniform' }, 0.5],
      ['Exponential: γ = 1 (calibrated)', { kind: 'exponential' }, 1],
      ['Pareto(3): γ = α/(α − 1) = 3/2', { kind: 'pareto', alpha: 3 }, 1.5],
    ];
    for (const [name, value, gamma] of cases) {
      it(name, () => {
        for (const k of [1, 3]) {
          const { counts } = optimalAllocation({ p: q, n: 2000, k, value });
          expect(Math.abs(fitShareExponent(q, counts) - gamma), `k=${k}`).toBeLessThan(0.1);
        }
      });
    }
  });

  it('keeps Bernoulli shares balanced even when each gain q(1 − q)^a is far below double precision of V', () => {
    // Past a ≈ 53, 1 − (1 − ½)^a rounds to 1, so differencing V would tie every type and dump the rest on type 0.
    const counts = Array.from(optimalAllocation({ p: [0.4, 0.3, 0.2, 0.1], n: 2000, k: 1, value: { kind: 'bernoulli', q: 0.5 } }).counts);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(3);
  });

  it('rejects beliefs that are negative or do not sum to 1, and bad n, k or value models', () => {
    const value: ValueModel = { kind: 'uniform' };
    expect(() => optimalAllocation({ p: [0.5, 0.4], n: 3, k: 1, value })).toThrow(/sums to/);
    expect(() => optimalAllocation({ p: [1.5, -0.5], n: 3, k: 1, value })).toThrow(/p\[1\]/);
    expect(() => optimalAllocation({ p: [], n: 3, k: 1, value })).toThrow(RangeError);
    expect(() => optimalAllocation({ p: [1], n: -1, k: 1, value })).toThrow(/n = -1/);
    expect(() => optimalAllocation({ p: [1], n: 2.5, k: 1, value })).toThrow(RangeError);
    expect(() => optimalAllocation({ p: [1], n: 3, k: 0, value })).toThrow(/k = 0/);
    expect(() => optimalAllocation({ p: [1], n: 3, k: 1, value: { kind: 'pareto', alpha: 1 } })).toThrow(/infinite/);
    expect(() => optimalAllocation({ p: [0.5, 0.5], n: 3, k: 1, value: [value] })).toThrow(/2 types/);
  });

  it('accepts p that sums to 1 within 1e-9', () => {
    expect(() => optimalAllocation({ p: [0.1, 0.2, 0.7 + 5e-10], n: 3, k: 1, value: { kind: 'uniform' } })).not.toThrow();
  });
});

describe('fitShareExponent', () => {
  it('recovers γ exactly from counts that follow a power of p', () => {
    const p = [0.4, 0.2, 0.1];
    expect(fitShareExponent(p, [4, 2, 1])).toBeCloseTo(1, 14); // ∝ p
    expect(fitShareExponent(p, [16, 4, 1])).toBeCloseTo(2, 14); // ∝ p²
    expect(fitShareExponent(p, [5, 5, 5])).toBeCloseTo(0, 14); // uniform
  });

  it('leaves out types given no items and is NaN with fewer than two usable types', () => {
    expect(fitShareExponent([0.4, 0.2, 0.1], [16, 4, 0])).toBeCloseTo(2, 14);
    expect(Number.isNaN(fitShareExponent([0.5, 0.5], [3, 0]))).toBe(true);
    expect(Number.isNaN(fitShareExponent([0.5, 0.5], [2, 1]))).toBe(true); // all p equal: no slope
  });
});
