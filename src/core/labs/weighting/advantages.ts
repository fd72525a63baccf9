// Advantage estimators that turn a group of slates' K rewards into one advantage per slate (science.md §3).

/** Default ε of the estimators: guards divisions by a standard deviation that may be 0. */
export const ADVANTAGE_EPS = 1e-8;

/** The estimators the lab offers: hand weights (RC, AC) and automatic ones (GDPO, DVAO). */
export type AdvantageMethod = 'rc' | 'ac' | 'gdpo' | 'dvao';

/** DVAO's output for one group: one advantage per slate and the dynamic weights λ it applied. */
export interface DvaoGroup {
  /** A_i, length G. */
  advantages: Float64Array;
  /** λ_k, length K; sums to 1, or all 0 when no objective varies in the group (then A = 0). */
  lambdas: Float64Array;
}

/** A batch's advantages plus what the charts show about them. */
export interface CombinedAdvantages {
  /** One Float64Array of G advantages per group, in the order of the groups given. */
  advantages: Float64Array[];
  /** Effective weight per objective (length K), averaged over groups; see {@link combineAdvantages}. */
  lambdas: number[];
  /** Mean over groups of each group's mean squared advantage ({@link meanSquared}). */
  meanSqAdvantage: number;
}

/**
 * Mean and population standard deviation of `values` (length n ≥ 1): μ = Σ x / n, σ = √(Σ (x − μ)² / n).
 * Returns σ = 0 exactly, and μ equal to the common value, when all values are equal — so that ties and
 * saturated objectives give exactly zero advantages instead of rounding noise divided by ε.
 */
export function meanStd(values: ArrayLike<number>): { mean: number; std: number } {
  const n = values.length;
  if (n === 0) throw new RangeError('meanStd needs at least one value');
  let lo = values[0];
  let hi = values[0];
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i];
    if (x < lo) lo = x;
    if (x > hi) hi = x;
    sum += x;
  }
  if (lo === hi) return { mean: lo, std: 0 };
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i] - mean) * (values[i] - mean);
  return { mean, std: Math.sqrt(ss / n) };
}

/** A group's mean squared advantage: (1/G) Σ_i A_i² (0 for an empty group). DVAO keeps it ≤ 1. */
export function meanSquared(advantages: ArrayLike<number>): number {
  if (advantages.length === 0) return 0;
  let s = 0;
  for (let i = 0; i < advantages.length; i++) s += advantages[i] * advantages[i];
  return s / advantages.length;
}

/** Throws unless the shapes agree and every reward and weight is a finite number (weights ≥ 0). */
function checkGroup(rewards: ArrayLike<number>, G: number, K: number, b: ArrayLike<number> | null): void {
  if (!(Number.isInteger(G) && G >= 1)) throw new RangeError(`group size G = ${G} must be an integer ≥ 1`);
  if (!(Number.isInteger(K) && K >= 1)) throw new RangeError(`number of objectives K = ${K} must be an integer ≥ 1`);
  if (rewards.length !== G * K) {
    throw new RangeError(`rewards hold ${rewards.length} values, expected G×K = ${G}×${K} = ${G * K}`);
  }
  for (let i = 0; i < rewards.length; i++) {
    if (!Number.isFinite(rewards[i])) throw new RangeError(`reward ${rewards[i]} at index ${i} is not finite`);
  }
  if (b === null) return;
  if (b.length !== K) throw new RangeError(`${b.length} base weights given for K = ${K} objectives`);
  for (let k = 0; k < K; k++) {
    if (!(Number.isFinite(b[k]) && b[k] >= 0)) throw new RangeError(`base weight b[${k}] = ${b[k]} must be finite and ≥ 0`);
  }
}

/** Per-objective mean μ_k and population std σ_k over the G slates of a row-major G×K group. */
function objectiveStats(rewards: ArrayLike<number>, G: number, K: number): { mu: Float64Array; sigma: Float64Array } {
  const mu = new Float64Array(K);
  const sigma = new Float64Array(K);
  const column = new Float64Array(G);
  for (let k = 0; k < K; k++) {
    for (let i = 0; i < G; i++) column[i] = rewards[i * K + k];
    const s = meanStd(column);
    mu[k] = s.mean;
    sigma[k] = s.std;
  }
  return { mu, sigma };
}

/**
 * Reward combination (RC), hand weights: r_i = Σ_k b_k r_{i,k}; A_i = (r_i − mean_g r) / (std_g r + ε),
 * population std over the group. A = 0 when all r_i are equal (ties, G = 1).
 * @param rewards row-major G×K, r_{i,k} = rewards[i·K + k], each in [0, 1].
 * @param b base weights b_k ≥ 0 (the sliders; expected to sum to 1).
 * @returns A_i for the G slates (unitless, group-whitened).
 */
export function rcAdvantages(
  rewards: ArrayLike<number>,
  G: number,
  K: number,
  b: ArrayLike<number>,
  eps = ADVANTAGE_EPS,
): Float64Array {
  checkGroup(rewards, G, K, b);
  const r = new Float64Array(G);
  for (let i = 0; i < G; i++) {
    let s = 0;
    for (let k = 0; k < K; k++) s += b[k] * rewards[i * K + k];
    r[i] = s;
  }
  const { mean, std } = meanStd(r);
  const A = new Float64Array(G);
  if (std === 0) return A;
  for (let i = 0; i < G; i++) A[i] = (r[i] - mean) / (std + eps);
  return A;
}

/**
 * Advantage combination (AC), hand weights: A_i = Σ_k b_k (r_{i,k} − μ_k) / (σ_k + ε), with μ_k, σ_k the
 * within-group mean and population std of objective k. An objective with σ_k = 0 contributes 0.
 * Its mean squared advantage is ≤ (Σ_k b_k)² — so ≤ 1 for normalised sliders, up to K² for the plain sum.
 * @param rewards row-major G×K, r_{i,k} = rewards[i·K + k].
 * @param b base weights b_k ≥ 0 (the sliders; expected to sum to 1).
 * @returns A_i for the G slates.
 */
export function acAdvantages(
  rewards: ArrayLike<number>,
  G: number,
  K: number,
  b: ArrayLike<number>,
  eps = ADVANTAGE_EPS,
): Float64Array {
  checkGroup(rewards, G, K, b);
  const { mu, sigma } = objectiveStats(rewards, G, K);
  const A = new Float64Array(G);
  for (let i = 0; i < G; i++) {
    let s = 0;
    for (let k = 0; k < K; k++) s += (b[k] * (rewards[i * K + k] - mu[k])) / (sigma[k] + eps);
    A[i] = s;
  }
  return A;
}

/**
 * DVAO (Jiang et al., arXiv:2605.25604, 2026), one group: μ_k, σ_k = within-group mean and population std;
 * λ_k = b_k σ_k / Σ_j b_j σ_j (Σ λ = 1); A_i = Σ_k λ_k (r_{i,k} − μ_k)/σ_k = Σ_k b_k (r_{i,k} − μ_k) / Σ_j b_j σ_j.
 * No whitening afterwards. The group's mean squared advantage is ≤ 1 (the std of a sum is at most the sum of
 * stds); an objective every slate satisfies equally (σ_k = 0) gets λ_k = 0 and switches itself off.
 * When Σ_j b_j σ_j ≤ ε nothing varies that the sliders care about: A = 0, and λ = 0 for every k — no weight is
 * applied to this group (it gives no gradient), so it is not reported as weighting any objective.
 * @param rewards row-major G×K, r_{i,k} = rewards[i·K + k].
 * @param b base priorities b_k ≥ 0 (the sliders).
 */
export function dvaoAdvantages(
  rewards: ArrayLike<number>,
  G: number,
  K: number,
  b: ArrayLike<number>,
  eps = ADVANTAGE_EPS,
): DvaoGroup {
  checkGroup(rewards, G, K, b);
  const { mu, sigma } = objectiveStats(rewards, G, K);
  const advantages = new Float64Array(G);
  const lambdas = new Float64Array(K);
  let scale = 0;
  for (let k = 0; k < K; k++) scale += b[k] * sigma[k];
  if (!(scale > eps)) return { advantages, lambdas };
  for (let k = 0; k < K; k++) lambdas[k] = (b[k] * sigma[k]) / scale;
  for (let i = 0; i < G; i++) {
    let s = 0;
    for (let k = 0; k < K; k++) s += b[k] * (rewards[i * K + k] - mu[k]);
    advantages[i] = s / scale;
  }
  return { advantages, lambdas };
}

/**
 * GDPO over a batch: per group, AC with equal weights, a_i = Σ_k (1/K)(r_{i,k} − μ_k)/(σ_k + ε); then the
 * whole batch (all groups' a together) is whitened: A = (a − mean_batch a) / (std_batch a + ε), population std.
 * All zeros when every a in the batch is equal.
 * @param groups one row-major G×K reward array per group.
 * @returns one Float64Array of G advantages per group.
 */
export function gdpoAdvantages(
  groups: ReadonlyArray<ArrayLike<number>>,
  G: number,
  K: number,
  eps = ADVANTAGE_EPS,
): Float64Array[] {
  const equal = new Float64Array(K).fill(1 / K);
  const raw = groups.map((rewards) => acAdvantages(rewards, G, K, equal, eps));
  const all = new Float64Array(raw.length * G);
  raw.forEach((a, g) => all.set(a, g * G));
  if (all.length === 0) return raw;
  const { mean, std } = meanStd(all);
  return raw.map((a) => a.map((x) => (std === 0 ? 0 : (x - mean) / (std + eps))));
}

/**
 * One batch's advantages by `method`, plus the effective weights λ_k and the mean squared advantage the charts
 * show. λ: RC and AC apply the sliders b; GDPO applies 1/K; DVAO applies its per-group λ_k, averaged over the
 * groups that carry signal (Σ_j b_j σ_j > ε) — groups with A = 0 apply no weight — so λ sums to 1 whenever
 * any group does, and is all 0 when none does.
 * meanSqAdvantage = (1/#groups) Σ_groups (1/G) Σ_i A_i² (0 for an empty batch).
 * @param batchRewards one row-major G×K reward array per group (user).
 * @param b base weights b_k ≥ 0 (the sliders; expected to sum to 1). GDPO ignores them.
 */
export function combineAdvantages(
  method: AdvantageMethod,
  batchRewards: ReadonlyArray<ArrayLike<number>>,
  G: number,
  K: number,
  b: ArrayLike<number>,
  eps = ADVANTAGE_EPS,
): CombinedAdvantages {
  checkGroup(new Float64Array(G * K), G, K, b);
  let advantages: Float64Array[];
  let lambdas: number[];
  switch (method) {
    case 'rc':
      advantages = batchRewards.map((r) => rcAdvantages(r, G, K, b, eps));
      lambdas = Array.from(b);
      break;
    case 'ac':
      advantages = batchRewards.map((r) => acAdvantages(r, G, K, b, eps));
      lambdas = Array.from(b);
      break;
    case 'gdpo':
      advantages = gdpoAdvantages(batchRewards, G, K, eps);
      lambdas = new Array<number>(K).fill(1 / K);
      break;
    case 'dvao': {
      const groups = batchRewards.map((r) => dvaoAdvantages(r, G, K, b, eps));
      advantages = groups.map((g) => g.advantages);
      const sum = new Float64Array(K);
      let active = 0;
      for (const g of groups) {
        let total = 0;
        for (let k = 0; k < K; k++) total += g.lambdas[k];
        if (total === 0) continue; // a group without signal applies no weight
        active++;
        for (let k = 0; k < K; k++) sum[k] += g.lambdas[k];
      }
      lambdas = Array.from(sum, (s) => (active === 0 ? 0 : s / active));
      break;
    }
    default: {
      const never: never = method;
      throw new RangeError(`unknown advantage method '${String(never)}'`);
    }
  }
  let ms = 0;
  for (const a of advantages) ms += meanSquared(a);
  return { advantages, lambdas, meanSqAdvantage: advantages.length === 0 ? 0 : ms / advantages.length };
}
