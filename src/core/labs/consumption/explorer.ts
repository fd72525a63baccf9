// The exact explorer of the consumption model (science.md §4): a user of type t (probability p_t) consumes the
// best k of a list of N items, a_t of them of type t; U_k(a) = Σ_t p_t · V_k(a_t). Pure functions, no tensors.
import {
  expectedTopSum,
  fitShareExponent,
  optimalAllocation,
  valueMean,
  type ValueModel,
} from '../../metrics/consumption';
import { ErrorCode, LabError } from '../../errors';
import type { ConsumptionConfig } from './config';

/** The belief p a config describes, with notes on what was adjusted; `error` (and p = []) when there is none. */
export interface Tastes {
  p: number[];
  notes: string[];
  error?: string;
}

const fmt = (x: number): string => String(Number(x.toPrecision(6)));

/**
 * Preset taste vectors for T types (index t = 0..T−1), each summing to 1:
 * - 'dominant': p_0 = 0.7, the other T − 1 share 0.3 equally;
 * - 'two': p_0 = p_1 = 0.45, the other T − 2 share 0.1 equally (T = 2: ½, ½);
 * - 'long-tail': p_t ∝ 1/(t + 1).
 */
export function presetTastes(tastes: 'dominant' | 'two' | 'long-tail', types: number): number[] {
  const T = types;
  switch (tastes) {
    case 'dominant':
      return Array.from({ length: T }, (_, t) => (t === 0 ? 0.7 : 0.3 / (T - 1)));
    case 'two':
      if (T === 2) return [0.5, 0.5];
      return Array.from({ length: T }, (_, t) => (t < 2 ? 0.45 : 0.1 / (T - 2)));
    case 'long-tail': {
      const w = Array.from({ length: T }, (_, t) => 1 / (t + 1));
      const s = w.reduce((a, b) => a + b, 0);
      return w.map((x) => x / s);
    }
  }
}

/**
 * The belief p (length `types`, summing to 1) that a config describes. A non-empty `p` setting is used whatever
 * `tastes` says (a note says so when tastes is a preset); 'custom' with an empty `p` is an error. Custom p:
 * comma-separated finite numbers ≥ 0, one per type; a sum other than 1 is normalised (p_t / Σ p) with a note;
 * zeros are allowed (a note: those types are never recommended); all zeros, a negative, a non-number or the
 * wrong count is an error naming 'p'.
 */
export function tastesFor(config: Pick<ConsumptionConfig, 'types' | 'tastes' | 'p'>): Tastes {
  const T = config.types;
  const text = config.p.trim();
  const notes: string[] = [];
  const fail = (error: string): Tastes => ({ p: [], notes, error });
  if (text === '') {
    if (config.tastes === 'custom') {
      return fail(`'p' is empty: custom tastes need ${T} comma-separated probabilities, one per type (e.g. ${Array(T).fill(fmt(1 / T)).join(',')})`);
    }
    return { p: presetTastes(config.tastes, T), notes };
  }
  if (config.tastes !== 'custom') notes.push(`p is set, so it is used instead of the '${config.tastes}' preset`);
  const parts = text.split(',').map((s) => s.trim());
  const p: number[] = [];
  for (let i = 0; i < parts.length; i++) {
    const s = parts[i];
    const x = s === '' ? NaN : Number(s);
    if (!Number.isFinite(x)) return fail(`'p' entry ${i + 1} (${JSON.stringify(s)}) is not a number`);
    if (x < 0) return fail(`'p' entry ${i + 1} is ${s}: probabilities cannot be negative`);
    p.push(x);
  }
  if (p.length !== T) {
    return fail(`'p' has ${p.length} entries but types = ${T}: give one probability per type`);
  }
  const sum = p.reduce((a, b) => a + b, 0);
  if (sum === 0) return fail(`'p' is all zeros: at least one type must have a positive probability`);
  if (Math.abs(sum - 1) > 1e-9) notes.push(`p summed to ${fmt(sum)}; normalised`);
  const zeros = p.flatMap((x, t) => (x === 0 ? [t + 1] : []));
  if (zeros.length) {
    notes.push(`p is 0 for type ${zeros.join(', ')}: the user is surely not of that type, so no item of it is recommended`);
  }
  return { p: p.map((x) => x / sum), notes };
}

/** One line describing each value distribution (for the controls). */
export const VALUE_DESCRIPTIONS: Record<ConsumptionConfig['value'], string> = {
  bernoulli: 'Bernoulli(q): a matching item is good (worth 1) with probability q, else worthless',
  uniform: 'Uniform[0, 1]: a matching item’s value is equally likely anywhere between 0 and 1',
  exponential: 'Exponential(1): mostly modest values, now and then a much better one',
  pareto: 'Pareto(α): heavy-tailed — rare items are far better than the rest (mean α/(α−1), infinite for α ≤ 1)',
};

/**
 * The value model a config names: {kind: 'bernoulli', q}, {kind: 'uniform'}, {kind: 'exponential'} or
 * {kind: 'pareto', alpha} — or, as a string, why there is none (Pareto α ≤ 1: the mean is infinite).
 */
export function valueModel(config: Pick<ConsumptionConfig, 'value' | 'q' | 'alpha'>): ValueModel | string {
  switch (config.value) {
    case 'bernoulli':
      if (!(config.q > 0 && config.q <= 1)) return `'q' = ${config.q} must be in (0, 1]`;
      return { kind: 'bernoulli', q: config.q };
    case 'uniform':
      return { kind: 'uniform' };
    case 'exponential':
      return { kind: 'exponential' };
    case 'pareto':
      if (!(config.alpha > 1 && Number.isFinite(config.alpha))) {
        return (
          `'alpha' = ${config.alpha}: a Pareto(α) value has mean α/(α − 1), which is infinite for α ≤ 1, so the ` +
          `expected value of the best item (and every utility here) is infinite — choose α > 1`
        );
      }
      return { kind: 'pareto', alpha: config.alpha };
  }
}

/** The same two lists scored three ways. */
export interface Exploration {
  /** The list maximising U_k (greedy by marginal gain: exactly optimal); counts[t] = a_t, Σ = n. */
  optimal: { counts: number[]; utility: number };
  /** The top-N-by-probability list: all n items of the most likely type (lowest index on ties); homogeneous. */
  topN: { counts: number[]; utility: number };
  /** U_k(optimal) − U_k(topN) ≥ 0: what assuming everything is consumed costs. */
  gap: number;
  /** Precision@N = Σ_t p_t a_t / n: expected share of the list matching the user (every match counted). */
  precision: { optimal: number; topN: number };
  /**
   * P(the list holds at least one good match): Σ_t p_t (1 − (1 − q)^{a_t}) for Bernoulli(q), Σ_t p_t [a_t > 0]
   * for continuous values (a matching item always has positive value).
   */
  atLeastOne: { optimal: number; topN: number };
}

/** Index of the largest entry, lowest index on ties. */
function argmax(p: ArrayLike<number>): number {
  let best = 0;
  for (let t = 1; t < p.length; t++) if (p[t] > p[best]) best = t;
  return best;
}

/** Why n and k are unusable, or null. */
function nkProblem(n: number, k: number): string | null {
  if (n === 0) return `'n' = 0: the list is empty, so there is nothing to recommend or consume — N must be at least 1`;
  if (!(Number.isInteger(n) && n >= 1)) return `'n' = ${n} must be an integer ≥ 1`;
  if (!(Number.isInteger(k) && k >= 1)) return `'k' = ${k} must be an integer ≥ 1`;
  return null;
}

function checkNK(n: number, k: number): void {
  const bad = nkProblem(n, k);
  if (bad) throw new LabError(ErrorCode.InvalidConfigValue, bad);
}

/** U_k(a) = Σ_t p_t V_k(a_t) (V_k = expectedTopSum). */
export function utilityOf(p: ArrayLike<number>, counts: ArrayLike<number>, k: number, value: ValueModel): number {
  let u = 0;
  for (let t = 0; t < p.length; t++) if (p[t] > 0) u += p[t] * expectedTopSum(value, counts[t], k);
  return u;
}

/** Σ_t p_t a_t / n. */
function precisionOf(p: ArrayLike<number>, counts: ArrayLike<number>, n: number): number {
  let s = 0;
  for (let t = 0; t < p.length; t++) s += p[t] * counts[t];
  return s / n;
}

/** Σ_t p_t P(at least one of a_t matching items is good). */
function atLeastOneOf(p: ArrayLike<number>, counts: ArrayLike<number>, value: ValueModel): number {
  let s = 0;
  for (let t = 0; t < p.length; t++) {
    const a = counts[t];
    if (a === 0) continue;
    s += p[t] * (value.kind === 'bernoulli' ? (value.q >= 1 ? 1 : -Math.expm1(a * Math.log1p(-value.q))) : 1);
  }
  return s;
}

/**
 * The optimal list and the top-N list for belief p (summing to 1), list length n and k consumed items, scored by
 * U_k, Precision@N and P(≥ 1 good). k ≥ n means everything is consumed: the optimum is then homogeneous too.
 * Throws a RangeError with an explanatory message for n = 0, a bad k, p not summing to 1 or an invalid value
 * model (Pareto α ≤ 1); {@link validate} reports all of these as messages first, without throwing.
 */
export function explore(p: readonly number[], n: number, k: number, value: ValueModel): Exploration {
  checkNK(n, k);
  const opt = optimalAllocation({ p, n, k, value });
  const optimal = { counts: Array.from(opt.counts), utility: opt.utility };
  const topCounts = p.map(() => 0);
  topCounts[argmax(p)] = n;
  const topN = { counts: topCounts, utility: utilityOf(p, topCounts, k, value) };
  return {
    optimal,
    topN,
    gap: Math.max(0, optimal.utility - topN.utility),
    precision: { optimal: precisionOf(p, optimal.counts, n), topN: precisionOf(p, topCounts, n) },
    atLeastOne: { optimal: atLeastOneOf(p, optimal.counts, value), topN: atLeastOneOf(p, topCounts, value) },
  };
}

/** One step of the k sweep. */
export interface SweepRow {
  k: number;
  counts: number[];
  utility: number;
}

/**
 * The optimal allocation for k = n, n − 1, …, 1: how the list spreads as the user consumes fewer items.
 * Throws like {@link explore}.
 */
export function kSweep(p: readonly number[], n: number, value: ValueModel): SweepRow[] {
  checkNK(n, 1);
  const rows: SweepRow[] = [];
  for (let k = n; k >= 1; k--) {
    const a = optimalAllocation({ p, n, k, value });
    rows.push({ k, counts: Array.from(a.counts), utility: a.utility });
  }
  return rows;
}

/**
 * Limit share exponent γ in a_t / N → p_t^γ / Σ_s p_s^γ (k fixed, N → ∞): 0 for Bernoulli (uniform spread),
 * ½ for Uniform, 1 for Exponential (calibrated), α/(α − 1) for Pareto(α > 1).
 */
export function theoryGamma(value: ValueModel): number {
  switch (value.kind) {
    case 'bernoulli':
      return 0;
    case 'uniform':
      return 0.5;
    case 'exponential':
      return 1;
    case 'pareto':
      return value.alpha / (value.alpha - 1);
  }
}

/** The log–log share plot for a long list. */
export interface ShareFit {
  /** One point per type with a_t > 0 and p_t > 0: ln p_t and ln(a_t / N). */
  points: { type: number; logP: number; logShare: number }[];
  /** Least-squares slope of logShare on logP (fitShareExponent); NaN with fewer than two distinct p_t given items. */
  gamma: number;
  /** theoryGamma(value); Infinity when k ≥ nLarge (everything consumed: all items on the top type). */
  theory: number;
}

/**
 * Fits γ on the optimal allocation of a long list of nLarge items with k consumed (default k = 1,
 * nLarge = 1000). Throws like {@link explore}.
 */
export function shareFit(p: readonly number[], value: ValueModel, k = 1, nLarge = 1000): ShareFit {
  checkNK(nLarge, k);
  valueMean(value); // throws the explanatory RangeError for Pareto α ≤ 1
  const { counts } = optimalAllocation({ p, n: nLarge, k, value });
  const points: ShareFit['points'] = [];
  for (let t = 0; t < p.length; t++) {
    if (counts[t] > 0 && p[t] > 0) points.push({ type: t, logP: Math.log(p[t]), logShare: Math.log(counts[t] / nLarge) });
  }
  return { points, gamma: fitShareExponent(p, counts), theory: k >= nLarge ? Infinity : theoryGamma(value) };
}

/**
 * Every problem with a config, as messages naming the setting, never a throw: errors (nothing can be computed:
 * bad p, Pareto α ≤ 1, N = 0) and notes (p normalised, zeros in p, p overriding a preset, k ≥ N).
 */
export function validate(config: ConsumptionConfig): { errors: string[]; notes: string[] } {
  const errors: string[] = [];
  const notes: string[] = [];
  const tastes = tastesFor(config);
  notes.push(...tastes.notes);
  if (tastes.error) errors.push(tastes.error);
  const value = valueModel(config);
  if (typeof value === 'string') errors.push(value);
  const bad = nkProblem(config.n, config.k);
  if (bad) errors.push(bad);
  else if (config.k > config.n) {
    notes.push(`k = ${config.k} > N = ${config.n}: k ≥ N: every item is consumed, the optimum is homogeneous`);
  } else if (config.k === config.n) notes.push('k ≥ N: every item is consumed, the optimum is homogeneous');
  return { errors, notes };
}
