// The advantage estimators against hand-computed groups, their edge cases, and DVAO's bound as a property.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../random/rng';
import {
  acAdvantages,
  combineAdvantages,
  dvaoAdvantages,
  gdpoAdvantages,
  groupScale,
  meanSquared,
  meanStd,
  rcAdvantages,
  zWeights,
} from './advantages';

/** Row-major G×K from rows. */
const group = (rows: number[][]) => Float64Array.from(rows.flat());
const close = (actual: ArrayLike<number>, expected: number[], digits = 6) => {
  expect(actual.length).toBe(expected.length);
  expected.forEach((e, i) => expect(actual[i]).toBeCloseTo(e, digits));
};

// G = 3 slates, K = 2 objectives, b = (0.75, 0.25):
//   objective 0: 1, 0, 0.5 → μ0 = 0.5, deviations ( 0.5, −0.5, 0  ), σ0 = √(0.5/3) = √(1/6) ≈ 0.408248
//   objective 1: 0, 0, 0.6 → μ1 = 0.2, deviations (−0.2, −0.2, 0.4), σ1 = √(0.24/3) = √0.08 ≈ 0.282843
const R = group([
  [1, 0],
  [0, 0],
  [0.5, 0.6],
]);
const b = [0.75, 0.25];
const s0 = Math.sqrt(1 / 6);
const s1 = Math.sqrt(0.08);

describe('hand-computed group (G = 3, K = 2, b = (0.75, 0.25))', () => {
  it('RC whitens the weighted sum r = (0.75, 0, 0.525): mean 0.425, std √0.09875', () => {
    const std = Math.sqrt(0.09875);
    close(rcAdvantages(R, 3, 2, b), [0.325 / std, -0.425 / std, 0.1 / std]);
    close(rcAdvantages(R, 3, 2, b), [1.034224, -1.352447, 0.318223]);
  });

  it('AC weights each objective’s z-score: A = 0.75 z0 + 0.25 z1', () => {
    close(acAdvantages(R, 3, 2, b), [
      (0.75 * 0.5) / s0 + (0.25 * -0.2) / s1,
      (0.75 * -0.5) / s0 + (0.25 * -0.2) / s1,
      (0.25 * 0.4) / s1,
    ]);
    close(acAdvantages(R, 3, 2, b), [0.741782, -1.095335, 0.353553]);
  });

  it('DVAO divides the weighted deviations by Σ b σ and reports λ = b σ / Σ b σ', () => {
    const scale = 0.75 * s0 + 0.25 * s1;
    const { advantages, lambdas } = dvaoAdvantages(R, 3, 2, b);
    close(advantages, [0.325 / scale, -0.425 / scale, 0.1 / scale]);
    close(advantages, [0.862305, -1.127629, 0.265325]);
    close(lambdas, [(0.75 * s0) / scale, (0.25 * s1) / scale]);
    close(lambdas, [0.812387, 0.187613]);
    expect(meanSquared(advantages)).toBeCloseTo(0.695172, 6);
  });

  it('DVAO equals AC with the z-scores weighted by λ: Σ_k λ_k (r − μ_k)/σ_k', () => {
    const { advantages, lambdas } = dvaoAdvantages(R, 3, 2, b);
    const viaLambda = acAdvantages(R, 3, 2, lambdas, 0);
    close(advantages, Array.from(viaLambda), 12);
  });
});

describe('edge cases', () => {
  it('an objective every slate scores the same (σ_k = 0) switches itself off under DVAO: λ_k = 0', () => {
    const saturated = group([
      [1, 1],
      [0, 1],
      [0.5, 1],
    ]);
    const { advantages, lambdas } = dvaoAdvantages(saturated, 3, 2, [0.5, 0.5]);
    expect(Array.from(lambdas)).toEqual([1, 0]);
    // Only objective 0 is left, so A is its z-score: deviations (0.5, −0.5, 0) / √(1/6).
    close(advantages, [0.5 / s0, -0.5 / s0, 0]);
    // AC drops it too (its deviations are exactly 0), but keeps its slider weight 0.5 on objective 0.
    close(acAdvantages(saturated, 3, 2, [0.5, 0.5]), [0.25 / s0, -0.25 / s0, 0]);
  });

  it('when no objective varies every estimator gives A = 0, and DVAO applies no weight (λ = 0)', () => {
    const flat = group([
      [0.3, 1],
      [0.3, 1],
      [0.3, 1],
    ]);
    expect(Array.from(rcAdvantages(flat, 3, 2, b))).toEqual([0, 0, 0]);
    expect(Array.from(acAdvantages(flat, 3, 2, b))).toEqual([0, 0, 0]);
    expect(dvaoAdvantages(flat, 3, 2, b)).toEqual({ advantages: new Float64Array(3), lambdas: new Float64Array(2) });
    expect(Array.from(gdpoAdvantages([flat, flat], 3, 2)[1])).toEqual([0, 0, 0]);
  });

  it('DVAO gives A = 0 when only objectives with zero priority vary (Σ b σ = 0)', () => {
    const rewards = group([
      [0.2, 0],
      [0.2, 1],
    ]);
    expect(dvaoAdvantages(rewards, 2, 2, [1, 0]).advantages).toEqual(new Float64Array(2));
  });

  it('a group of one slate (G = 1) has nothing to compare with: A = 0', () => {
    const one = group([[0.9, 0.1]]);
    expect(Array.from(rcAdvantages(one, 1, 2, b))).toEqual([0]);
    expect(Array.from(acAdvantages(one, 1, 2, b))).toEqual([0]);
    expect(Array.from(dvaoAdvantages(one, 1, 2, b).advantages)).toEqual([0]);
    expect(Array.from(gdpoAdvantages([one], 1, 2)[0])).toEqual([0]);
  });

  it('tied slates get identical advantages under every estimator', () => {
    const ties = group([
      [1, 0],
      [1, 0],
      [0, 1],
    ]);
    for (const A of [
      rcAdvantages(ties, 3, 2, b),
      acAdvantages(ties, 3, 2, b),
      dvaoAdvantages(ties, 3, 2, b).advantages,
      gdpoAdvantages([ties], 3, 2)[0],
    ]) {
      expect(A[0]).toBe(A[1]);
      expect(A[2]).not.toBe(A[0]);
    }
  });

  it('constant values have σ = 0 exactly, not rounding noise', () => {
    expect(meanStd([0.1, 0.1, 0.1])).toEqual({ mean: 0.1, std: 0 });
  });

  it('rejects shapes and weights that do not fit, naming the bad value', () => {
    expect(() => rcAdvantages(new Float64Array(5), 3, 2, b)).toThrow(/5 values, expected G×K = 3×2 = 6/);
    expect(() => acAdvantages(R, 3, 2, [0.5, -0.5])).toThrow(/b\[1\] = -0.5/);
    expect(() => dvaoAdvantages(R, 3, 2, [1])).toThrow(/1 base weights given for K = 2/);
    expect(() => dvaoAdvantages(group([[NaN, 0]]), 1, 2, b)).toThrow(/reward NaN at index 0/);
  });
});

describe('GDPO', () => {
  it('takes AC with equal weights per group, then whitens over the whole batch', () => {
    // K = 1: group A (1, 0) → z = (1, −1) (up to ε); group B (0.5, 0.5) → (0, 0).
    // Batch (1, −1, 0, 0): mean 0, std √0.5 → (√2, −√2, 0, 0).
    const [a, c] = gdpoAdvantages([Float64Array.of(1, 0), Float64Array.of(0.5, 0.5)], 2, 1);
    close(a, [Math.SQRT2, -Math.SQRT2]);
    close(c, [0, 0]);
  });

  it('with K = 2 the equal weights are ½, and the batch ends with mean 0 and std 1', () => {
    const out = gdpoAdvantages([R, group([[0, 1], [1, 0], [1, 1]])], 3, 2);
    const all = Float64Array.from([...out[0], ...out[1]]);
    const { mean, std } = meanStd(all);
    expect(mean).toBeCloseTo(0, 12);
    expect(std).toBeCloseTo(1, 6);
    // Before whitening group R is AC with b = (½, ½); whitening is affine, so the order is kept.
    const raw = acAdvantages(R, 3, 2, [0.5, 0.5]);
    expect(Math.sign(out[0][0] - out[0][1])).toBe(Math.sign(raw[0] - raw[1]));
  });
});

describe('combineAdvantages', () => {
  const degenerate = group([
    [0.4, 0.4],
    [0.4, 0.4],
    [0.4, 0.4],
  ]);

  it('reports the z-weights: b σ / Σ b σ for RC and DVAO, b for AC, 1/K for GDPO', () => {
    close(combineAdvantages('rc', [R], 3, 2, b).zWeights, [0.812387, 0.187613]);
    close(combineAdvantages('dvao', [R], 3, 2, b).zWeights, [0.812387, 0.187613]);
    close(combineAdvantages('ac', [R], 3, 2, b).zWeights, [0.75, 0.25]);
    close(combineAdvantages('gdpo', [R], 3, 2, b).zWeights, [0.5, 0.5]);
  });

  it('averages the z-weights over the groups that carry signal, and the mean squared advantage over all groups', () => {
    const swapped = group([
      [0, 1],
      [0, 0],
      [0.6, 0.5],
    ]);
    const one = dvaoAdvantages(R, 3, 2, b);
    const two = dvaoAdvantages(swapped, 3, 2, b);
    for (const method of ['dvao', 'rc'] as const) {
      const out = combineAdvantages(method, [R, degenerate, swapped], 3, 2, b);
      close(out.zWeights, [(one.lambdas[0] + two.lambdas[0]) / 2, (one.lambdas[1] + two.lambdas[1]) / 2], 12);
      expect(out.zWeights[0] + out.zWeights[1]).toBeCloseTo(1, 12);
      expect(Array.from(out.advantages[1])).toEqual([0, 0, 0]);
    }
    const out = combineAdvantages('dvao', [R, degenerate, swapped], 3, 2, b);
    expect(out.meanSqAdvantage).toBeCloseTo((meanSquared(one.advantages) + 0 + meanSquared(two.advantages)) / 3, 12);
  });

  it('reports z-weights of 0 for every method when no group carries signal', () => {
    for (const m of ['rc', 'ac', 'gdpo', 'dvao'] as const) expect(combineAdvantages(m, [degenerate], 3, 2, b).zWeights, m).toEqual([0, 0]);
  });

  it('reports each group’s agreement and step scales, skipping a group where nothing varies', () => {
    const out = combineAdvantages('ac', [R, degenerate], 3, 2, b);
    expect(out.scales).toHaveLength(1);
    expect(out.scales[0]).toEqual(groupScale(R, 3, 2, b));
  });

  it('returns per-group advantages equal to the single-group estimators', () => {
    const out = combineAdvantages('rc', [R, degenerate], 3, 2, b);
    expect(out.advantages[0]).toEqual(rcAdvantages(R, 3, 2, b));
    expect(out.advantages).toHaveLength(2);
  });
});

describe('DVAO’s bound, over 500 random groups', () => {
  /** A random group: G in 2..8, K in 2..4, rewards in [0, 1] (half the groups on a coarse grid, for ties). */
  const randomGroup = (rng: Rng) => {
    const G = 2 + rng.int(7);
    const K = 2 + rng.int(3);
    const coarse = rng.float() < 0.5;
    const rewards = Float64Array.from({ length: G * K }, () => (coarse ? rng.int(3) / 2 : rng.float()));
    const raw = Array.from({ length: K }, () => (rng.float() < 0.2 ? 0 : rng.float()));
    raw[rng.int(K)] += 0.1; // never all zero
    const total = raw.reduce((s, x) => s + x, 0);
    return { G, K, rewards, b: raw.map((x) => x / total) };
  };

  it('λ sums to 1 and the group mean squared advantage is ≤ 1 (std of a sum ≤ sum of stds)', () => {
    const rng = new Rng(20260525);
    let active = 0;
    let largest = 0;
    for (let n = 0; n < 500; n++) {
      const { G, K, rewards, b: w } = randomGroup(rng);
      const { advantages, lambdas } = dvaoAdvantages(rewards, G, K, w);
      const sum = lambdas.reduce((s, x) => s + x, 0);
      if (sum === 0) {
        expect(Array.from(advantages).every((a) => a === 0)).toBe(true);
        continue;
      }
      active++;
      expect(sum).toBeCloseTo(1, 12);
      const ms = meanSquared(advantages);
      expect(ms).toBeLessThanOrEqual(1 + 1e-9);
      largest = Math.max(largest, ms);
    }
    expect(active).toBeGreaterThan(450);
    expect(largest).toBeGreaterThan(0.9); // the bound is nearly reached, not vacuous
  });

  it('is tight: perfectly correlated objectives give a mean squared advantage of exactly 1', () => {
    const corr = group([
      [1, 1],
      [0, 0],
    ]);
    expect(meanSquared(dvaoAdvantages(corr, 2, 2, [0.5, 0.5]).advantages)).toBeCloseTo(1, 12);
  });

  it('AC’s mean squared advantage grows to (Σ b)²: above 1 with the plain sum of z-scores (b = 1 each)', () => {
    // With sliders summing to 1 AC also stays ≤ 1 (its z-scores each have std ≤ 1); it exceeds 1 once the
    // weights are not normalised, e.g. the plain sum GDPO takes before whitening: here (Σ b)² = 4.
    const corr = group([
      [1, 1],
      [0, 0],
    ]);
    expect(meanSquared(acAdvantages(corr, 2, 2, [1, 1]))).toBeCloseTo(4, 6);
    expect(meanSquared(dvaoAdvantages(corr, 2, 2, [1, 1]).advantages)).toBeCloseTo(1, 12);
  });

  it('with normalised sliders AC stays ≤ 1 as well', () => {
    const rng = new Rng(7);
    for (let n = 0; n < 500; n++) {
      const { G, K, rewards, b: w } = randomGroup(rng);
      expect(meanSquared(acAdvantages(rewards, G, K, w))).toBeLessThanOrEqual(1 + 1e-9);
    }
  });
});

describe('the true contrasts (science.md §3, corrected)', () => {
  it('RC and DVAO point the same way: on the hand group RC = DVAO × Σ b σ / std(Σ b r) = DVAO × 1.199372', () => {
    const rc = rcAdvantages(R, 3, 2, b);
    const dvao = dvaoAdvantages(R, 3, 2, b).advantages;
    const ratio = (0.75 * s0 + 0.25 * s1) / Math.sqrt(0.09875);
    expect(ratio).toBeCloseTo(1.199372, 6);
    close(rc, Array.from(dvao, (a) => a * ratio), 7); // RC's ε (1e-8) in its denominator aside
  });

  it('RC and DVAO have cosine 1 in every one of 200 random groups', () => {
    const rng = new Rng(12);
    let compared = 0;
    for (let n = 0; n < 200; n++) {
      const G = 2 + rng.int(7);
      const K = 2 + rng.int(3);
      const rewards = Float64Array.from({ length: G * K }, () => rng.float());
      const raw = Array.from({ length: K }, () => 0.05 + rng.float());
      const w = raw.map((x) => x / raw.reduce((s, y) => s + y, 0));
      const rc = rcAdvantages(rewards, G, K, w);
      const dvao = dvaoAdvantages(rewards, G, K, w).advantages;
      let dot = 0;
      let nr = 0;
      let nd = 0;
      for (let i = 0; i < G; i++) (dot += rc[i] * dvao[i]), (nr += rc[i] * rc[i]), (nd += dvao[i] * dvao[i]);
      if (nr === 0) continue;
      compared++;
      expect(dot / Math.sqrt(nr * nd)).toBeCloseTo(1, 9);
    }
    expect(compared).toBe(200);
  });

  it('RC’s mean A² is exactly 1 (hand: ((0.325² + 0.425² + 0.1²)/3) / 0.09875 = 1), DVAO’s is ρ² and AC’s 0.625', () => {
    expect(meanSquared(rcAdvantages(R, 3, 2, b))).toBeCloseTo(1, 6);
    // The two objectives' deviations are uncorrelated here, so AC's variance is 0.75² + 0.25² = 0.625.
    expect(meanSquared(acAdvantages(R, 3, 2, b))).toBeCloseTo(0.625, 6);
    const rho = Math.sqrt(0.09875) / (0.75 * s0 + 0.25 * s1);
    expect(meanSquared(dvaoAdvantages(R, 3, 2, b).advantages)).toBeCloseTo(rho * rho, 9);
  });

  it('AC adds exactly nothing for an objective with σ = 0, whatever its weight, and reports 0 for it', () => {
    const saturated = group([
      [1, 1],
      [0, 1],
      [0.5, 1],
    ]);
    const withWeight = acAdvantages(saturated, 3, 2, [0.5, 0.9]);
    expect(Array.from(withWeight)).toEqual(Array.from(acAdvantages(saturated, 3, 2, [0.5, 0])));
    expect(Array.from(zWeights('ac', saturated, 3, 2, [0.5, 0.5]))).toEqual([0.5 * (s0 / (s0 + 1e-8)), 0]);
    // RC and DVAO pass the saturated objective's share on: objective 0 gets all of it.
    expect(Array.from(zWeights('rc', saturated, 3, 2, [0.5, 0.5]))).toEqual([1, 0]);
    expect(Array.from(zWeights('dvao', saturated, 3, 2, [0.5, 0.5]))).toEqual([1, 0]);
    close(zWeights('gdpo', saturated, 3, 2, b), [0.5, 0]);
  });

  it('the z-weights rebuild each estimator: A = s · Σ_k w_k z_k with s = 1/ρ for RC and 1 for DVAO and AC', () => {
    const z = (i: number) => [(R[i * 2] - 0.5) / s0, (R[i * 2 + 1] - 0.2) / s1];
    const rho = Math.sqrt(0.09875) / (0.75 * s0 + 0.25 * s1);
    const rebuild = (w: ArrayLike<number>, s: number) => [0, 1, 2].map((i) => s * (w[0] * z(i)[0] + w[1] * z(i)[1]));
    close(rcAdvantages(R, 3, 2, b), rebuild(zWeights('rc', R, 3, 2, b), 1 / rho));
    close(dvaoAdvantages(R, 3, 2, b).advantages, rebuild(zWeights('dvao', R, 3, 2, b), 1));
    close(acAdvantages(R, 3, 2, b), rebuild(zWeights('ac', R, 3, 2, b), 1));
  });

  it('a group whose objectives cancel: RC rescales it to unit step, DVAO gives it a third, AC nothing', () => {
    // b = (½, ½); objective 0: 1, 0 (μ ½, σ ½); objective 1: 0, ½ (μ ¼, σ ¼). Σ b σ = 0.375;
    // Σ b r = (0.5, 0.25): std 0.125, so ρ = 1/3. RC: (1, −1); DVAO: ±0.125/0.375 = ±1/3; AC: z0 = −z1, so 0.
    const cancel = group([
      [1, 0],
      [0, 0.5],
    ]);
    close(rcAdvantages(cancel, 2, 2, [0.5, 0.5]), [1, -1]);
    close(dvaoAdvantages(cancel, 2, 2, [0.5, 0.5]).advantages, [1 / 3, -1 / 3], 12);
    close(acAdvantages(cancel, 2, 2, [0.5, 0.5]), [0, 0]);
    const s = groupScale(cancel, 2, 2, [0.5, 0.5])!;
    expect(s.agreement).toBeCloseTo(1 / 3, 12);
    expect(s.rc).toBeCloseTo(1, 6);
    expect(s.dvao).toBeCloseTo(1 / 3, 12);
    expect(s.ac).toBeCloseTo(0, 6);
  });

  it('on the hand group: agreement 0.833769, step scale RC 1, DVAO 0.833769, AC √0.625', () => {
    const s = groupScale(R, 3, 2, b)!;
    expect(s.agreement).toBeCloseTo(0.833769, 6);
    expect(s.rc).toBeCloseTo(1, 6);
    expect(s.dvao).toBeCloseTo(0.833769, 6);
    expect(s.ac).toBeCloseTo(Math.sqrt(0.625), 6);
    expect(groupScale(group([[0.3, 1], [0.3, 1]]), 2, 2, b)).toBeNull();
  });

  it('GDPO keeps apart what RC collapses: two slates with the same sum but different rewards', () => {
    // Rows 0 and 1 both sum to ½ with b = (½, ½), so RC ties them. Objective 0: 1,0,0,0,1 (μ 0.4, σ √0.24);
    // objective 1: 0,1,0,0,0 (μ 0.2, σ 0.4). Per-reward z-scores: row 0 ½(0.6/√0.24 − 0.2/0.4) = 0.362372,
    // row 1 ½(−0.4/√0.24 + 0.8/0.4) = 0.591752 — the rarer success counts more.
    const g = group([
      [1, 0],
      [0, 1],
      [0, 0],
      [0, 0],
      [1, 0],
    ]);
    const rc = rcAdvantages(g, 5, 2, [0.5, 0.5]);
    expect(rc[0]).toBe(rc[1]);
    const raw = acAdvantages(g, 5, 2, [0.5, 0.5]);
    close([raw[0], raw[1]], [0.362372, 0.591752]);
    const [gdpo] = gdpoAdvantages([g], 5, 2);
    expect(gdpo[1]).toBeGreaterThan(gdpo[0]);
  });

  it('GDPO’s whitening multiplies the whole batch by one number: the relative weights stay 1/K', () => {
    const other = group([
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
    const out = gdpoAdvantages([R, other], 3, 2);
    const raw = [acAdvantages(R, 3, 2, [0.5, 0.5]), acAdvantages(other, 3, 2, [0.5, 0.5])];
    const c = out[0][0] / raw[0][0];
    expect(c).toBeGreaterThan(0);
    for (let g = 0; g < 2; g++) close(out[g], Array.from(raw[g], (a) => a * c), 9);
  });
});
