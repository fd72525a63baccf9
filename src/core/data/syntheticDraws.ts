// The random draws a synthetic world is built from (Gamma, Beta, Dirichlet, Zipf, weighted sampling), all from our Rng.
import type { Rng } from '../random/rng';

/**
 * One Gamma(shape, 1) draw by Marsaglia & Tsang (ACM TOMS 2000): for shape ≥ 1, d = shape − ⅓,
 * c = 1/√(9d), accept d·v with v = (1 + c·z)³ when log u < z²/2 + d − d·v + d·log v. For shape < 1,
 * Gamma(shape) = Gamma(shape + 1) · u^(1/shape).
 */
export function gammaDraw(rng: Rng, shape: number): number {
  if (shape < 1) return gammaDraw(rng, shape + 1) * Math.pow(1 - rng.float(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = rng.normal();
    const t = 1 + c * z;
    if (t <= 0) continue;
    const v = t * t * t;
    const u = 1 - rng.float(); // (0, 1]: keeps log finite
    if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** One Beta(a, b) draw in (0, 1): X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b). Mean a / (a + b). */
export function betaDraw(rng: Rng, a: number, b: number): number {
  const x = gammaDraw(rng, a);
  return x / (x + gammaDraw(rng, b));
}

/** k weights from a symmetric Dirichlet(α, …, α): normalised Gamma(α) draws (they sum to 1). */
export function dirichletDraw(rng: Rng, k: number, alpha: number): Float64Array {
  const w = Float64Array.from({ length: k }, () => gammaDraw(rng, alpha));
  const total = w.reduce((s, x) => s + x, 0);
  return w.map((x) => x / total);
}

/**
 * Zipf weights over a seeded random order: the item at rank r (1-based) in a shuffled order gets
 * r^(−skew), normalised so the weights sum to 1. skew 0 = uniform; larger = a few items dominate.
 */
export function zipfWeights(rng: Rng, n: number, skew: number): Float64Array {
  const order = rng.shuffle(Int32Array.from({ length: n }, (_, i) => i));
  const w = new Float64Array(n);
  let total = 0;
  for (let r = 0; r < n; r++) total += w[order[r]] = Math.pow(r + 1, -skew);
  for (let i = 0; i < n; i++) w[i] /= total;
  return w;
}

/** An integer drawn log-uniformly from [lo, hi]: floor(lo · ((hi + 1) / lo)^u), u ~ U[0, 1) — many light users, a few heavy. */
export function logUniformInt(rng: Rng, lo: number, hi: number): number {
  return Math.min(hi, Math.floor(lo * Math.pow((hi + 1) / lo, rng.float())));
}

/**
 * n distinct indices drawn by successive sampling without replacement with probability ∝ `weights`
 * (each draw picks index i with probability w_i / Σ of the weights not yet drawn), in draw order.
 * Efraimidis & Spirakis (IPL 2006): keep the n largest keys log(u_i) / w_i — one uniform per index, so the
 * cost is O(N log N) whatever n is. Zero weights are never drawn; n is capped at the number of positive weights.
 */
export function weightedSampleWithoutReplacement(rng: Rng, weights: Float64Array, n: number): Int32Array {
  const keys = new Float64Array(weights.length);
  const candidates: number[] = [];
  for (let i = 0; i < weights.length; i++) {
    const u = 1 - rng.float(); // (0, 1]: every index consumes exactly one draw, so draws stay aligned
    if (weights[i] > 0) {
      keys[i] = Math.log(u) / weights[i];
      candidates.push(i);
    }
  }
  const take = Math.min(n, candidates.length);
  if (take === 0) return new Int32Array(0);
  // The n-th largest key by a native numeric sort (fast), then only the winners sorted by key; larger key
  // first, ties (probability ~0) broken by index so the order is total and deterministic.
  const sorted = Float64Array.from(candidates, (i) => keys[i]).sort();
  const threshold = sorted[sorted.length - take];
  const winners = candidates.filter((i) => keys[i] >= threshold);
  winners.sort((a, b) => keys[b] - keys[a] || a - b);
  return Int32Array.from(winners.slice(0, take));
}
