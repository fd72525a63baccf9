// Advantage estimators that turn a group of slates' K rewards into one advantage per slate (science.md §3).

/** Default ε of the estimators: guards divisions by a standard deviation that may be 0. */
export const ADVANTAGE_EPS = 1e-8;

/** The estimators the lab offers: RC, AC and DVAO weigh the sliders b; GDPO uses equal weights. */
export type AdvantageMethod = 'rc' | 'ac' | 'gdpo' | 'dvao';

/** DVAO's output for one group: one advantage per slate and the dynamic weights λ it applied. */
export interface DvaoGroup {
  /** A_i, length G. */
  advantages: Float64Array;
  /** λ_k, length K; sums to 1, or all 0 when no objective varies in the group (then A = 0). */
  lambdas: Float64Array;
}

/**
 * One group's step scale against how much its objectives agree (the chart where RC and DVAO part).
 * agreement ρ = std_g(Σ_k b_k r_k) / Σ_k b_k σ_k ∈ [0, 1]: 1 when the objectives move together, towards 0 when
 * they cancel. Each estimator's step scale is the root mean square of its advantages in the group, √(mean A²):
 * RC's is 1 whatever ρ (it rescales every group to unit variance), DVAO's is ρ (it divides by Σ b σ ≥ std of the
 * sum), AC's is the std of Σ_k b_k z_k (at most Σ b_k; with anti-correlated objectives it can fall below ρ).
 */
export interface GroupScale {
  agreement: number;
  rc: number;
  dvao: number;
  ac: number;
}

/** A batch's advantages plus what the charts show about them. */
export interface CombinedAdvantages {
  /** One Float64Array of G advantages per group, in the order of the groups given. */
  advantages: Float64Array[];
  /**
   * The weight each z-scored objective gets, w_k (length K), averaged over the groups whose advantages are not
   * all 0; see {@link zWeights}. All 0 when no group carries signal.
   */
  zWeights: number[];
  /** Mean over groups of each group's mean squared advantage ({@link meanSquared}). */
  meanSqAdvantage: number;
  /** Per group with Σ_k b_k σ_k > ε: agreement and each estimator's step scale (RC's is 0 in a group whose weighted sum does not vary). */
  scales: GroupScale[];
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

/**
 * A group's mean squared advantage: (1/G) Σ_i A_i² (0 for an empty group). RC's is 1 (0 when the sum does not
 * vary), DVAO's is ρ² ≤ 1 and AC's ≤ (Σ b)², so ≤ 1 for normalised sliders: a line at 1 does not single out DVAO.
 */
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
 * population std over the group. A = 0 when all r_i are equal (ties, G = 1). Its numerator is DVAO's,
 * Σ_k b_k (r_{i,k} − μ_k), so in z-score units it weights objective k by b_k σ_k / Σ_j b_j σ_j as DVAO does; what
 * differs is the step: RC always rescales the group to unit variance (mean A² = 1), even when the objectives cancel.
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
  const r = weightedSums(rewards, G, K, b);
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
 * No whitening afterwards. Same direction as RC within a group (same numerator); the step differs: mean A² =
 * (std(Σ b r) / Σ b σ)² ≤ 1, so a group whose objectives cancel gets a smaller step, where RC rescales it to 1.
 * An objective every slate satisfies equally (σ_k = 0) gets λ_k = 0 (as under RC) and its share goes to the others.
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
 * GDPO (Group reward-Decoupled Normalization Policy Optimization; NVIDIA, arXiv:2601.05242, 2026; code
 * NVlabs/GDPO) over a batch: per group, each reward is z-scored on its own and the z-scores are summed with
 * equal weights, a_i = Σ_k (1/K)(r_{i,k} − μ_k)/(σ_k + ε) (AC with b = 1/K); then the whole batch (all groups'
 * a together) is whitened: A = (a − mean_batch a) / (std_batch a + ε), population std. Each group's a already
 * averages 0, so the whitening only multiplies the whole batch by one positive number: it sets the batch's
 * step size and leaves every relative weight as it was. All zeros when every a in the batch is equal.
 * Its argument: normalising the *sum* of the rewards (RC) gives the same advantage to slates whose sums tie but
 * whose reward combinations differ; normalising each reward first keeps them apart.
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

/** Σ_k b_k σ_k and std_g(Σ_k b_k r_k) of one group: the two denominators of DVAO and RC. */
function groupSpreads(rewards: ArrayLike<number>, G: number, K: number, b: ArrayLike<number>): { sumOfStds: number; stdOfSum: number; sigma: Float64Array } {
  const { sigma } = objectiveStats(rewards, G, K);
  let sumOfStds = 0;
  for (let k = 0; k < K; k++) sumOfStds += b[k] * sigma[k];
  return { sumOfStds, stdOfSum: meanStd(weightedSums(rewards, G, K, b)).std, sigma };
}

/** Each slate's weighted reward Σ_k b_k r_{i,k} (RC's reward, and the sum whose spread is DVAO's agreement). */
function weightedSums(rewards: ArrayLike<number>, G: number, K: number, b: ArrayLike<number>): Float64Array {
  const r = new Float64Array(G);
  for (let i = 0; i < G; i++) for (let k = 0; k < K; k++) r[i] += b[k] * rewards[i * K + k];
  return r;
}

/**
 * The weight w_k each z-scored objective z_k = (r_k − μ_k)/σ_k gets in one group, with A_i = s · Σ_k w_k z_{i,k}
 * and s the group's step scale (the split is exact; ε aside):
 * - RC and DVAO: w_k = b_k σ_k / Σ_j b_j σ_j (Σ w = 1). Both numerators are Σ_k b_k (r_k − μ_k), so within a group
 *   they point the same way; they differ only in s (RC: Σ b σ / std(Σ b r), DVAO: 1). A saturated objective
 *   (σ_k = 0) gets 0 and its share goes to the others; a noisy one (σ_k up) gets more.
 * - AC: w_k = b_k σ_k/(σ_k + ε), i.e. b_k — and 0 where σ_k = 0 (its share is not passed on: the step shrinks).
 * - GDPO: 1/K (0 where σ_k = 0) before whitening; the whitening multiplies every group of the batch by the same
 *   number, so these are its relative weights too.
 * All 0 when the group's advantages are all 0 (nothing the weights care about varies; RC: the sum does not vary).
 */
export function zWeights(
  method: AdvantageMethod,
  rewards: ArrayLike<number>,
  G: number,
  K: number,
  b: ArrayLike<number>,
  eps = ADVANTAGE_EPS,
): Float64Array {
  checkGroup(rewards, G, K, b);
  const w = new Float64Array(K);
  if (method === 'rc' || method === 'dvao') {
    const { sumOfStds, stdOfSum, sigma } = groupSpreads(rewards, G, K, b);
    if (!(sumOfStds > eps) || (method === 'rc' && stdOfSum === 0)) return w;
    for (let k = 0; k < K; k++) w[k] = (b[k] * sigma[k]) / sumOfStds;
    return w;
  }
  const { sigma } = objectiveStats(rewards, G, K);
  for (let k = 0; k < K; k++) w[k] = ((method === 'gdpo' ? 1 / K : b[k]) * sigma[k]) / (sigma[k] + eps);
  return w;
}

/**
 * One group's agreement ρ = std(Σ b r) / Σ b σ and the step scale √(mean A²) of RC, DVAO and AC on it, each
 * computed by running the estimator; null when Σ_k b_k σ_k ≤ ε (no objective the sliders weigh varies).
 */
export function groupScale(rewards: ArrayLike<number>, G: number, K: number, b: ArrayLike<number>, eps = ADVANTAGE_EPS): GroupScale | null {
  checkGroup(rewards, G, K, b);
  const { sumOfStds, stdOfSum } = groupSpreads(rewards, G, K, b);
  if (!(sumOfStds > eps)) return null;
  const rms = (a: Float64Array) => Math.sqrt(meanSquared(a));
  return {
    agreement: stdOfSum / sumOfStds,
    rc: rms(rcAdvantages(rewards, G, K, b, eps)),
    dvao: rms(dvaoAdvantages(rewards, G, K, b, eps).advantages),
    ac: rms(acAdvantages(rewards, G, K, b, eps)),
  };
}

/**
 * One batch's advantages by `method`, plus what the charts show: the z-weights w_k ({@link zWeights}) averaged
 * over the groups whose advantages are not all 0 (so they sum to 1 for RC and DVAO, to the weights of the
 * objectives that vary for AC and GDPO; all 0 when no group carries signal), the mean squared advantage
 * (1/#groups) Σ_groups (1/G) Σ_i A_i² (0 for an empty batch), and each group's agreement and step scales.
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
  switch (method) {
    case 'rc':
      advantages = batchRewards.map((r) => rcAdvantages(r, G, K, b, eps));
      break;
    case 'ac':
      advantages = batchRewards.map((r) => acAdvantages(r, G, K, b, eps));
      break;
    case 'gdpo':
      advantages = gdpoAdvantages(batchRewards, G, K, eps);
      break;
    case 'dvao':
      advantages = batchRewards.map((r) => dvaoAdvantages(r, G, K, b, eps).advantages);
      break;
    default: {
      const never: never = method;
      throw new RangeError(`unknown advantage method '${String(never)}'`);
    }
  }
  const sum = new Float64Array(K);
  let active = 0;
  const scales: GroupScale[] = [];
  batchRewards.forEach((r) => {
    const w = zWeights(method, r, G, K, b, eps);
    if (w.some((x) => x !== 0)) {
      active++;
      for (let k = 0; k < K; k++) sum[k] += w[k];
    }
    const s = groupScale(r, G, K, b, eps);
    if (s) scales.push(s);
  });
  let ms = 0;
  for (const a of advantages) ms += meanSquared(a);
  return {
    advantages,
    zWeights: Array.from(sum, (x) => (active === 0 ? 0 : x / active)),
    meanSqAdvantage: advantages.length === 0 ? 0 : ms / advantages.length,
    scales,
  };
}
