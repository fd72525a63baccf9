// Consumption-aware utility (Peng, Raghavan, Pierson, Kleinberg, Garg, WWW 2024): the user consumes only the best c items.

/**
 * Consumption utility at K with binary relevance: the user consumes the best c of the top K items, so
 * U_c@K = min(c, hits@K) / c, hits@K = Σ_{r≤K} rel_r (c is capped at K: a user cannot consume more than is shown).
 * c = 1 gives HR@K; c = K gives Precision@K. Positions past the end of `ranked` are misses.
 * Higher = better.
 * @param c number of items the user consumes, an integer ≥ 1.
 * @returns a value in [0, 1]; 0 when `relevant` is empty or K < 1.
 */
export function consumptionUtility(
  ranked: ArrayLike<number>,
  relevant: ReadonlySet<number>,
  K: number,
  c: number,
): number {
  if (!(Number.isInteger(c) && c >= 1)) throw new RangeError(`consumed count c = ${c} must be an integer ≥ 1`);
  if (relevant.size === 0 || K < 1) return 0;
  const n = Math.min(Math.floor(K), ranked.length);
  let hits = 0;
  for (let r = 0; r < n; r++) if (relevant.has(ranked[r])) hits++;
  const consumed = Math.min(c, Math.floor(K));
  return Math.min(consumed, hits) / consumed;
}

/**
 * Probability of at least one good item in the top k when the item at rank r is good independently with
 * probability q_r: P@k = 1 − Π_{r≤k} (1 − q_r). This is expected HR@k; with 0/1 values it is HR@k itself, and with
 * q_r = q it is V_1(k) = 1 − (1 − q)^k, the Bernoulli value of a slate of k items for a user who consumes one.
 * Higher = better. Positions past the end of `probs` count as q = 0.
 * @param probs q_r in rank order, each in [0, 1].
 * @returns a value in [0, 1]; 0 when k < 1.
 */
export function probabilityAtLeastOne(probs: ArrayLike<number>, k: number): number {
  const n = k < 1 ? 0 : Math.min(Math.floor(k), probs.length);
  let none = 1;
  for (let r = 0; r < n; r++) {
    const q = probs[r];
    if (!(q >= 0 && q <= 1)) throw new RangeError(`probability ${q} at rank ${r + 1} is not in [0, 1]`);
    none *= 1 - q;
  }
  return 1 - none;
}

/**
 * Distribution D of the value of one item to a user of its own type (values are iid draws from it):
 * Bernoulli(q) (good with probability q, value 1 or 0), Uniform[0, 1], Exponential(1), or Pareto(α) with scale 1
 * (density α x^{−α−1} on x ≥ 1; α must exceed 1 for the mean to be finite).
 */
export type ValueModel =
  | { kind: 'bernoulli'; q: number }
  | { kind: 'uniform' }
  | { kind: 'exponential' }
  | { kind: 'pareto'; alpha: number };

/** Throws a RangeError naming the problem if `value` is not a usable model. */
function checkValue(value: ValueModel): void {
  switch (value.kind) {
    case 'bernoulli':
      if (!(value.q >= 0 && value.q <= 1)) throw new RangeError(`Bernoulli q = ${value.q} must be in [0, 1]`);
      return;
    case 'uniform':
    case 'exponential':
      return;
    case 'pareto':
      if (!(value.alpha > 1) || !Number.isFinite(value.alpha)) {
        throw new RangeError(
          `Pareto alpha = ${value.alpha}: the expected value of the best item is infinite unless alpha > 1 ` +
            `(the Pareto mean alpha/(alpha − 1) exists only for alpha > 1), so choose a finite alpha > 1`,
        );
      }
      return;
    default:
      throw new RangeError(`unknown value model ${JSON.stringify(value)}`);
  }
}

/** Throws unless a is an integer ≥ 0 and k an integer ≥ 1 or Infinity. */
function checkCounts(a: number, k: number): void {
  if (!(Number.isInteger(a) && a >= 0)) throw new RangeError(`item count a = ${a} must be an integer ≥ 0`);
  if (!((Number.isInteger(k) && k >= 1) || k === Infinity)) {
    throw new RangeError(`consumed count k = ${k} must be an integer ≥ 1 or Infinity`);
  }
}

/**
 * Mean μ of one draw: q (Bernoulli), ½ (Uniform), 1 (Exponential), α/(α − 1) (Pareto).
 */
export function valueMean(value: ValueModel): number {
  checkValue(value);
  switch (value.kind) {
    case 'bernoulli':
      return value.q;
    case 'uniform':
      return 0.5;
    case 'exponential':
      return 1;
    case 'pareto':
      return value.alpha / (value.alpha - 1);
  }
}

/** ln C(a, j) + j ln q + (a − j) ln(1 − q) for j = 0..jMax, for 0 < q < 1. */
function binomialLogPmf(a: number, q: number, jMax: number): Float64Array {
  const out = new Float64Array(jMax + 1);
  const lq = Math.log(q);
  const l1q = Math.log1p(-q);
  let logChoose = 0;
  for (let j = 0; j <= jMax; j++) {
    if (j > 0) logChoose += Math.log(a - j + 1) - Math.log(j);
    out[j] = logChoose + j * lq + (a - j) * l1q;
  }
  return out;
}

/**
 * V_k(a) = E[sum of the top min(k, a) of a iid draws from `value`], in closed form for every model
 * (no Monte Carlo needed). With m = min(k, a):
 * - Bernoulli(q): E[min(m, S)], S ~ Binomial(a, q) (summed over the binomial pmf).
 * - Uniform[0, 1]: E[j-th largest] = (a − j + 1)/(a + 1), so V = m − m(m + 1) / (2(a + 1)).
 * - Exponential(1): E[j-th largest] = H_a − H_{j−1} (Rényi), so V = m (1 + H_a − H_m), H_n = Σ_{i≤n} 1/i.
 * - Pareto(α > 1), scale 1, β = 1/α: E[j-th largest] = Γ(a+1)Γ(j−β) / (Γ(a+1−β)Γ(j)) = Π_{i=j..a} i/(i − β),
 *   so V = Σ_{j≤m} Π_{i=j..a} i/(i − β). α ≤ 1 throws a RangeError (the best item's mean is infinite).
 * k = Infinity (or k ≥ a) gives a·μ. Higher = more value consumed.
 * @param a number of items of this type in the slate, an integer ≥ 0.
 * @param k number of items the user consumes, an integer ≥ 1 or Infinity.
 */
export function expectedTopSum(value: ValueModel, a: number, k: number): number {
  checkValue(value);
  checkCounts(a, k);
  const m = Math.min(k, a);
  if (m === 0) return 0;
  switch (value.kind) {
    case 'bernoulli': {
      const q = value.q;
      if (q === 0 || q === 1) return q * m;
      if (m === a) return a * q;
      const logPmf = binomialLogPmf(a, q, a);
      let v = 0;
      for (let j = 1; j <= a; j++) v += Math.min(m, j) * Math.exp(logPmf[j]);
      return v;
    }
    case 'uniform':
      return m - (m * (m + 1)) / (2 * (a + 1));
    case 'exponential': {
      let tail = 0; // H_a − H_m
      for (let i = a; i > m; i--) tail += 1 / i;
      return m * (1 + tail);
    }
    case 'pareto': {
      const beta = 1 / value.alpha;
      let v = 0;
      let prod = 1;
      for (let i = a; i >= 1; i--) {
        prod *= i / (i - beta); // now prod = E[i-th largest of a]
        if (i <= m) v += prod;
      }
      return v;
    }
  }
}

/**
 * ln of the marginal value ΔV_k(a) = V_k(a + 1) − V_k(a), computed without differencing so that tiny gains keep
 * their order (Bernoulli gains q(1 − q)^a underflow to 0 in linear space long before they stop mattering).
 * For a < k every model gains its mean μ. For a ≥ k:
 * Bernoulli q · P(Binomial(a, q) ≤ k − 1); Uniform k(k + 1) / (2(a + 1)(a + 2)); Exponential k/(a + 1);
 * Pareto β V_k(a) / (a + 1 − β) (each top-j expectation grows by the factor (a + 1)/(a + 1 − β)).
 */
function logMarginalGain(value: ValueModel, a: number, k: number): number {
  if (a < k) return Math.log(valueMean(value));
  switch (value.kind) {
    case 'bernoulli': {
      const q = value.q;
      if (q === 0 || q === 1) return -Infinity; // a ≥ k: with q = 1 the top k are already all 1
      const logPmf = binomialLogPmf(a, q, k - 1);
      let max = -Infinity;
      for (let j = 0; j < k; j++) max = Math.max(max, logPmf[j]);
      let s = 0;
      for (let j = 0; j < k; j++) s += Math.exp(logPmf[j] - max);
      return Math.log(q) + max + Math.log(s);
    }
    case 'uniform':
      return Math.log(k) + Math.log(k + 1) - Math.log(2) - Math.log(a + 1) - Math.log(a + 2);
    case 'exponential':
      return Math.log(k) - Math.log(a + 1);
    case 'pareto': {
      const beta = 1 / value.alpha;
      return Math.log(beta) + Math.log(expectedTopSum(value, a, k)) - Math.log(a + 1 - beta);
    }
  }
}

/**
 * Marginal value of one more item of a type: ΔV_k(a) = V_k(a + 1) − V_k(a) (closed forms as in
 * {@link expectedTopSum}; non-increasing in a, i.e. V_k is concave). Higher = a more useful next item.
 */
export function marginalGain(value: ValueModel, a: number, k: number): number {
  checkValue(value);
  checkCounts(a, k);
  return Math.exp(logMarginalGain(value, a, k));
}

/** Input of {@link optimalAllocation}. */
export interface AllocationInput {
  /** p_t: the recommender's belief that the user is of type t; each ≥ 0, summing to 1 within 1e-9. */
  p: ArrayLike<number>;
  /** Slate size N, an integer ≥ 0. */
  n: number;
  /** Number of items the user consumes, an integer ≥ 1 or Infinity. */
  k: number;
  /** Value distribution D_t: one model for every type, or one per type. */
  value: ValueModel | ReadonlyArray<ValueModel>;
}

/** Output of {@link optimalAllocation}. */
export interface Allocation {
  /** a_t: items of type t in the slate; Σ a_t = n. */
  counts: Int32Array;
  /** U_k(a) = Σ_t p_t V_{t,k}(a_t) of these counts. */
  utility: number;
}

/**
 * Slate composition maximising the expected consumed value U_k(a) = Σ_t p_t · V_{t,k}(a_t) subject to Σ_t a_t = n
 * (V from {@link expectedTopSum}). Greedy by marginal gain: each of the n slots goes to the type with the largest
 * p_t · [V_{t,k}(a_t + 1) − V_{t,k}(a_t)], ties to the lower type index. This is exactly optimal, not a heuristic:
 * U_k is separable over types and each V_{t,k} is concave in a_t (non-increasing marginal gains).
 * k ≥ n: every gain is p_t μ_t, so all n items go to argmax_t p_t μ_t (a homogeneous slate).
 * k small: gains shrink with a_t and the slate spreads; for a fixed k as n grows the shares approach
 * p_t^γ / Σ_s p_s^γ with γ = 0 (Bernoulli), ½ (Uniform), 1 (Exponential), α/(α − 1) (Pareto).
 * Throws a RangeError naming the problem when p has a negative or non-finite entry or does not sum to 1
 * within 1e-9 (normalising is the caller's job), when n is not an integer ≥ 0, k not an integer ≥ 1 (or
 * Infinity), or a value model is invalid.
 */
export function optimalAllocation(input: AllocationInput): Allocation {
  const { p, n, k } = input;
  const T = p.length;
  if (T === 0) throw new RangeError('p is empty: there must be at least one type');
  let sum = 0;
  for (let t = 0; t < T; t++) {
    if (!(p[t] >= 0 && Number.isFinite(p[t]))) throw new RangeError(`p[${t}] = ${p[t]} must be a finite number ≥ 0`);
    sum += p[t];
  }
  if (Math.abs(sum - 1) > 1e-9) throw new RangeError(`p sums to ${sum}, not 1 (within 1e-9)`);
  if (!(Number.isInteger(n) && n >= 0)) throw new RangeError(`slate size n = ${n} must be an integer ≥ 0`);
  checkCounts(0, k);
  const values: ValueModel[] = [];
  if (Array.isArray(input.value)) {
    const list = input.value as ReadonlyArray<ValueModel>;
    if (list.length !== T) throw new RangeError(`value has ${list.length} models for ${T} types`);
    for (let t = 0; t < T; t++) values.push(list[t]);
  } else {
    for (let t = 0; t < T; t++) values.push(input.value as ValueModel);
  }
  for (let t = 0; t < T; t++) checkValue(values[t]);

  const counts = new Int32Array(T);
  // score[t] = ln(p_t · ΔV_t(a_t)); comparing logs keeps the order of gains too small for a double.
  const score = new Float64Array(T);
  let fallback = 0; // argmax p_t, used only when every gain is 0
  for (let t = 0; t < T; t++) {
    score[t] = Math.log(p[t]) + logMarginalGain(values[t], 0, k);
    if (p[t] > p[fallback]) fallback = t;
  }
  for (let step = 0; step < n; step++) {
    let best = -1;
    let bestScore = -Infinity;
    for (let t = 0; t < T; t++) {
      if (score[t] > bestScore) {
        bestScore = score[t];
        best = t;
      }
    }
    if (best < 0) best = fallback; // no slot adds value: any allocation is optimal
    counts[best]++;
    score[best] = Math.log(p[best]) + logMarginalGain(values[best], counts[best], k);
  }

  let utility = 0;
  for (let t = 0; t < T; t++) if (p[t] > 0) utility += p[t] * expectedTopSum(values[t], counts[t], k);
  return { counts, utility };
}

/**
 * Share exponent γ of an allocation: the least-squares slope of ln(a_t / n) against ln p_t over the types with
 * a_t > 0 and p_t > 0 (n = Σ_t a_t), i.e. the γ in a_t/n ∝ p_t^γ. Types given no items are left out (their log
 * share is −∞), which biases γ towards 0 when many are.
 * @returns γ; NaN when fewer than two types qualify or their p_t are all equal.
 */
export function fitShareExponent(p: ArrayLike<number>, counts: ArrayLike<number>): number {
  if (p.length !== counts.length) throw new RangeError(`p has ${p.length} types but counts has ${counts.length}`);
  let n = 0;
  for (let t = 0; t < counts.length; t++) n += counts[t];
  let m = 0;
  let sx = 0;
  let sy = 0;
  for (let t = 0; t < p.length; t++) {
    if (counts[t] > 0 && p[t] > 0) {
      m++;
      sx += Math.log(p[t]);
      sy += Math.log(counts[t] / n);
    }
  }
  if (m < 2) return NaN;
  const mx = sx / m;
  const my = sy / m;
  let sxy = 0;
  let sxx = 0;
  for (let t = 0; t < p.length; t++) {
    if (counts[t] > 0 && p[t] > 0) {
      const dx = Math.log(p[t]) - mx;
      sxy += dx * (Math.log(counts[t] / n) - my);
      sxx += dx * dx;
    }
  }
  return sxx === 0 ? NaN : sxy / sxx;
}
