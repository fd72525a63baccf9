import { describe, expect, it } from 'vitest';
import { Rng } from '../random/rng';
import {
  candidatesFromScores,
  catalogueTastes,
  consumptionRerank,
  expectedConsumption,
  genreLists,
  historyTastes,
  liftTastes,
  modelTastes,
  type Candidates,
} from './consumptionRerank';

const g = (...lists: number[][]) => lists.map((l) => Int32Array.from(l));
const cands = (items: number[], relevance: number[]): Candidates => ({ items: Int32Array.from(items), relevance: Float64Array.from(relevance) });

describe('consumption-aware re-ranking, by hand', () => {
  // Items 0 and 1 are genre 0, item 2 genre 1; p = (½, ½); r = (0.3, 0.3, 0.25) → q = (0.6, 0.6, 0.5).
  const genres = g([0], [0], [1]);
  const c3 = cands([0, 1, 2], [0.3, 0.3, 0.25]);
  const p = [0.5, 0.5];

  it('c = 1: the second slot goes to the other taste (gain 0.25 beats 0.5·0.6·0.4 = 0.12)', () => {
    const r = consumptionRerank(c3, p, genres, 2, 1);
    expect(Array.from(r.list)).toEqual([0, 2]);
    expect(r.utility).toBeCloseTo(0.3 + 0.25, 12);
    // Top 2 = both genre-0 items: ½ · (1 − 0.4²) = 0.42.
    expect(r.topNUtility).toBeCloseTo(0.42, 12);
    expect(r.keptTopN).toBe(false);
  });

  it('c = 2 ≥ N: nothing saturates and the list is the top N (U = Σ r / c = 0.6 / 2)', () => {
    const r = consumptionRerank(c3, p, genres, 2, 2);
    expect(Array.from(r.list)).toEqual([0, 1]);
    expect(r.utility).toBeCloseTo(0.3, 12);
    expect(r.topNUtility).toBeCloseTo(0.3, 12);
  });

  it('expected U_c matches enumeration over which items are good', () => {
    // Type 0 gets items 0, 1 (q = 0.6 each); c = 1: P(at least one) = 0.84; c = 2: E[min(2, H)]/2 = 1.2/2.
    expect(expectedConsumption(c3, [0, 1], p, genres, 1)).toBeCloseTo(0.5 * 0.84, 12);
    expect(expectedConsumption(c3, [0, 1], p, genres, 2)).toBeCloseTo((0.5 * 1.2) / 2, 12);
    // Three items, c = 2, type 0: H ~ Bin(2, 0.6): E[min(2,H)] = 1.2; type 1: E = 0.5.
    expect(expectedConsumption(c3, [0, 1, 2], p, genres, 2)).toBeCloseTo((0.5 * 1.2 + 0.5 * 0.5) / 2, 12);
  });

  it('an item without genres is good for every type with q = r', () => {
    const r = consumptionRerank(cands([0, 1], [0.2, 0.1]), [0.9, 0.1], g([], [1]), 1, 1);
    // Gains: item 0 → 0.9·0.2 + 0.1·0.2 = 0.2; item 1 → 0.1 · min(1, 0.1/0.1) = 0.1.
    expect(Array.from(r.list)).toEqual([0]);
    expect(r.utility).toBeCloseTo(0.2, 12);
  });

  it('refuses c < 1', () => {
    expect(() => consumptionRerank(c3, p, genres, 2, 0)).toThrow(/c = 0/);
  });
});

/** Every subset of size n of 0..m−1. */
function subsets(m: number, n: number): number[][] {
  if (n === 0) return [[]];
  const out: number[][] = [];
  for (let first = 0; first <= m - n; first++) for (const rest of subsets(m - first - 1, n - 1)) out.push([first, ...rest.map((x) => x + first + 1)]);
  return out;
}

describe('consumption-aware re-ranking, properties', () => {
  const rng = new Rng(7);
  const cases = Array.from({ length: 150 }, () => {
    const T = 2 + rng.int(3);
    const m = 3 + rng.int(5);
    const genres = g(...Array.from({ length: m }, () => (rng.float() < 0.1 ? [] : rng.float() < 0.3 ? [rng.int(T), rng.int(T)].filter((x, i, a) => a.indexOf(x) === i) : [rng.int(T)])));
    const relevance = Array.from({ length: m }, () => rng.float() * 0.5).sort((a, b) => b - a);
    const raw = Array.from({ length: T }, () => rng.float() + 0.01);
    const s = raw.reduce((a, b) => a + b, 0);
    return { T, m, genres, c: cands(Array.from({ length: m }, (_, i) => i), relevance), p: raw.map((x) => x / s), n: 1 + rng.int(m), cc: 1 + rng.int(3) };
  });

  it('never lowers the utility it maximises compared with the top N', () => {
    for (const k of cases) {
      const r = consumptionRerank(k.c, k.p, k.genres, k.n, k.cc);
      expect(r.utility).toBeGreaterThanOrEqual(r.topNUtility - 1e-12);
      expect(r.list.length).toBe(k.n);
      expect(new Set(r.list).size).toBe(k.n);
    }
  });

  it('reports the utility of the list it returns, and reaches at least (1 − 1/e) of the best list', () => {
    for (const k of cases) {
      const r = consumptionRerank(k.c, k.p, k.genres, k.n, k.cc);
      const idx = Array.from(r.list, (item) => Array.from(k.c.items).indexOf(item));
      expect(expectedConsumption(k.c, idx, k.p, k.genres, k.cc)).toBeCloseTo(r.utility, 10);
      const best = Math.max(...subsets(k.m, k.n).map((s) => expectedConsumption(k.c, s, k.p, k.genres, k.cc)));
      expect(r.utility).toBeLessThanOrEqual(best + 1e-12);
      expect(r.utility).toBeGreaterThanOrEqual((1 - 1 / Math.E) * best - 1e-12);
    }
  });

  it('with c ≥ N and no capped probability, it returns the top N by score', () => {
    for (const k of cases) {
      // r ≤ 0.5 but q = r / mass can reach 1 only if mass ≤ r; scale r down so nothing is capped.
      const small = cands(Array.from(k.c.items), Array.from(k.c.relevance, (x) => x * 0.01));
      const r = consumptionRerank(small, k.p, k.genres, k.n, Math.max(k.n, 1));
      expect(Array.from(r.list).sort((a, b) => a - b)).toEqual(Array.from({ length: k.n }, (_, i) => i));
    }
  });
});

describe('tastes and candidates', () => {
  const genres = g([0], [0, 1], [1], []);

  it('history tastes share each item among its genres, smoothed towards the prior', () => {
    // History {0, 1}: genre 0 gets 1 + ½, genre 1 gets ½; n = 2, s = 1, prior (0.5, 0.5).
    const p = historyTastes([0, 1], genres, 2, [0.5, 0.5], 1);
    expect(Array.from(p)).toEqual([(1.5 + 0.5) / 3, (0.5 + 0.5) / 3]);
    // An empty or genre-less history is the prior.
    expect(Array.from(historyTastes([3], genres, 2, [0.2, 0.8]))).toEqual([0.2, 0.8]);
  });

  it('model tastes are the genre mix of the softmax', () => {
    const p = modelTastes([0, 0, Math.log(2), 5], genres, 2);
    // π ∝ (1, 1, 2, e⁵); item 3 has no genre: mass (1 + ½, ½ + 2) renormalised.
    expect(p[0]).toBeCloseTo(1.5 / 4, 12);
    expect(p[1]).toBeCloseTo(2.5 / 4, 12);
  });

  it('catalogue tastes pool every row', () => {
    expect(Array.from(catalogueTastes([[0], [2], [1]], genres, 2))).toEqual([0.5, 0.5]);
  });

  it('candidates skip seen items, are best first, with r = min(1, h·π) over the unseen', () => {
    const c = candidatesFromScores([1, 3, 2, 0], [1], 1.5, 2);
    expect(Array.from(c.items)).toEqual([2, 0]);
    const z = Math.exp(1) + Math.exp(2) + 1;
    expect(c.relevance[0]).toBeCloseTo(Math.min(1, (1.5 * Math.exp(2)) / z), 12);
    expect(c.relevance[1]).toBeCloseTo((1.5 * Math.exp(1)) / z, 12);
    expect(() => candidatesFromScores([1], [], -1)).toThrow(/expected hits/);
  });

  it('genre lists come from the multi-hot matrix', () => {
    expect(genreLists(Uint8Array.from([1, 0, 1, 1, 0, 0]), 2).map((x) => Array.from(x))).toEqual([[0], [0, 1], []]);
  });
});

describe('taste above the base rate', () => {
  it('keeps the excess over the base rate, with a floor of 1% of the base', () => {
    // h = (0.6, 0.3, 0.1), base = (0.4, 0.4, 0.2): excess (0.2, 0, 0) + 0.01·base.
    const p = liftTastes([0.6, 0.3, 0.1], [0.4, 0.4, 0.2]);
    const raw = [0.2 + 0.004, 0.004, 0.002];
    const s = raw.reduce((a, b) => a + b, 0);
    raw.forEach((x, t) => expect(p[t]).toBeCloseTo(x / s, 12));
  });

  it('is the history mix itself for a user exactly at the base rate', () => {
    expect(Array.from(liftTastes([0.5, 0.5], [0.5, 0.5]))).toEqual([0.5, 0.5]);
  });
});
