// Consumption-aware re-ranking (Peng, Raghavan, Pierson, Kleinberg, Garg, WWW 2024) of a trained model's scores:
// the list that maximises the value a user gets when they consume only the best c items, built greedily.
//
// The item-level model behind it (science.md §4 with genres as the types):
// - the user is of type t with probability p_t (estimated from their history, or from the model);
// - the model's calibrated chance that item i is relevant is r_i; an item is relevant only to users of one of its
//   genres G_i, so r_i = q_i · Σ_{t ∈ G_i} p_t and the item is good for a type-t user (t ∈ G_i) with
//   q_i = min(1, r_i / Σ_{t ∈ G_i} p_t) (an item without genres is good for every type with q_i = r_i);
// - given the type, items are good independently; the user consumes the best c of the list, so with H_t the
//   number of good items for type t, U_c(S) = Σ_t p_t E[min(c, H_t)] / c — the U_c metric's expectation.
// Adding item i raises E[min(c, H_t)] by q_{i|t} · P(H_t < c): the gain shrinks as a type fills up, which is what
// spreads the list over types. With c ≥ N no gain shrinks as the list grows: each item adds min(r_i, Σ_{t∈G_i} p_t)/c,
// so the list is the top N by that (by score, when no chance is capped).

/** Candidates the greedy pass considers per user: the top ones by score (the rest cannot matter in practice). */
export const RERANK_CANDIDATES = 200;

/** Genres of every item as lists (empty = no genre), from the row-major multi-hot matrix. */
export function genreLists(itemGenres: Uint8Array, numGenres: number): Int32Array[] {
  const numItems = numGenres > 0 ? Math.floor(itemGenres.length / numGenres) : 0;
  return Array.from({ length: numItems }, (_, i) => {
    const out: number[] = [];
    for (let g = 0; g < numGenres; g++) if (itemGenres[i * numGenres + g]) out.push(g);
    return Int32Array.from(out);
  });
}

/**
 * The user's type probabilities from their history: each item's unit mass shared among its genres, smoothed
 * towards `prior` (e.g. the catalogue-wide mix) with the weight of `strength` items, so a genre never seen still
 * has a small chance: p = (Σ_i share_i + s · prior) / (n + s), n = history items with a genre.
 */
export function historyTastes(history: ArrayLike<number>, genres: readonly Int32Array[], numGenres: number, prior: ArrayLike<number>, strength = 1): Float64Array {
  const p = new Float64Array(numGenres);
  let n = 0;
  for (let j = 0; j < history.length; j++) {
    const g = genres[history[j]];
    if (g.length === 0) continue;
    for (const t of g) p[t] += 1 / g.length;
    n++;
  }
  for (let t = 0; t < numGenres; t++) p[t] = (p[t] + strength * prior[t]) / (n + strength);
  return normalise(p);
}

/** Share of the base rate kept in every genre by {@link liftTastes}, so no genre is ruled out entirely. */
export const LIFT_FLOOR = 0.01;

/**
 * The user's type probabilities as the part of their history mix above the base rate: everyone's history holds
 * some clicks outside their own tastes (popular genres, chance), which read as tastes of their own and spread the
 * estimate thin. p_t ∝ max(0, h_t − base_t) + LIFT_FLOOR · base_t, with h from {@link historyTastes} and base the
 * catalogue-wide mix; a user whose mix is the base rate everywhere keeps h.
 */
export function liftTastes(h: ArrayLike<number>, base: ArrayLike<number>): Float64Array {
  const p = new Float64Array(h.length);
  let excess = 0;
  for (let t = 0; t < h.length; t++) excess += Math.max(0, h[t] - base[t]);
  if (!(excess > 0)) return normalise(Float64Array.from(h));
  for (let t = 0; t < h.length; t++) p[t] = Math.max(0, h[t] - base[t]) + LIFT_FLOOR * base[t];
  return normalise(p);
}

/**
 * The user's type probabilities as the model sees them: the genre mix of its softmax over the whole catalogue,
 * p_t = Σ_i π_i [t ∈ G_i] / |G_i| (renormalised over items that have a genre).
 */
export function modelTastes(scores: ArrayLike<number>, genres: readonly Int32Array[], numGenres: number): Float64Array {
  const pi = softmax(scores, null);
  const p = new Float64Array(numGenres);
  for (let i = 0; i < pi.length; i++) {
    const g = genres[i];
    for (const t of g) p[t] += pi[i] / g.length;
  }
  return normalise(p);
}

/** The catalogue-wide genre mix of `rows` (every user's items together), for smoothing tastes. */
export function catalogueTastes(rows: readonly ArrayLike<number>[], genres: readonly Int32Array[], numGenres: number): Float64Array {
  const p = new Float64Array(numGenres);
  for (const row of rows)
    for (let j = 0; j < row.length; j++) {
      const g = genres[row[j]];
      for (const t of g) p[t] += 1 / g.length;
    }
  return normalise(p);
}

function normalise(p: Float64Array): Float64Array {
  let s = 0;
  for (const x of p) s += x;
  if (s > 0) for (let t = 0; t < p.length; t++) p[t] /= s;
  else p.fill(p.length ? 1 / p.length : 0);
  return p;
}

/** Softmax of `scores` over the items not marked in `excluded` (excluded items get 0). */
function softmax(scores: ArrayLike<number>, excluded: Uint8Array | null): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < scores.length; i++) if (!excluded?.[i] && scores[i] > max) max = scores[i];
  const out = new Float64Array(scores.length);
  let sum = 0;
  for (let i = 0; i < scores.length; i++) {
    if (excluded?.[i]) continue;
    out[i] = Math.exp(scores[i] - max);
    sum += out[i];
  }
  if (sum > 0) for (let i = 0; i < out.length; i++) out[i] /= sum;
  return out;
}

/** Candidate items of one user, best score first, with the model's chance r_i that each is relevant. */
export interface Candidates {
  items: Int32Array;
  relevance: Float64Array;
}

/**
 * The `m` unseen items with the highest scores (ties: lower id first) and their relevance r_i = min(1, h · π_i),
 * π = softmax of the scores over all unseen items, h = `expectedHits` (how many of the unseen items the user is
 * expected to like: under an 80/20 split, a quarter of their history). A softmax model's π is its belief of
 * which item the next good one is, so h · π_i is the expected number of times item i is good — its chance, capped.
 */
export function candidatesFromScores(scores: ArrayLike<number>, seen: ArrayLike<number>, expectedHits: number, m = RERANK_CANDIDATES): Candidates {
  if (!(expectedHits >= 0)) throw new RangeError(`expected hits ${expectedHits} must be ≥ 0`);
  const excluded = new Uint8Array(scores.length);
  for (let j = 0; j < seen.length; j++) excluded[seen[j]] = 1;
  const pi = softmax(scores, excluded);
  const order: number[] = [];
  for (let i = 0; i < scores.length; i++) if (!excluded[i]) order.push(i);
  order.sort((a, b) => scores[b] - scores[a] || a - b);
  const items = Int32Array.from(order.slice(0, m));
  const relevance = Float64Array.from(items, (i) => Math.min(1, expectedHits * pi[i]));
  return { items, relevance };
}

/** q_{i|t} for every candidate (see the module note): 0 for types outside G_i; items without a genre serve all. */
function goodForType(c: Candidates, p: ArrayLike<number>, genres: readonly Int32Array[]): { q: Float64Array; types: Int32Array[] } {
  const all = Int32Array.from({ length: p.length }, (_, t) => t);
  const q = new Float64Array(c.items.length);
  const types: Int32Array[] = [];
  c.items.forEach((item, j) => {
    let g = genres[item];
    let mass = 0;
    for (const t of g) mass += p[t];
    // No genre, or genres the user has no chance of: the model's relevance is taken at face value for every type.
    if (g.length === 0 || !(mass > 0)) {
      g = all;
      mass = 1;
    }
    types.push(g);
    q[j] = Math.min(1, c.relevance[j] / mass);
  });
  return { q, types };
}

/**
 * Per type t, the distribution of H_t truncated at c: dist[t·c + h] = P(H_t = h) for h < c (the rest of the mass
 * is "≥ c", which adds nothing more). Starts at H_t = 0.
 */
function emptyState(numTypes: number, c: number): Float64Array {
  const dist = new Float64Array(numTypes * c);
  for (let t = 0; t < numTypes; t++) dist[t * c] = 1;
  return dist;
}

/** P(H_t < c) under the truncated distribution. */
function belowC(dist: Float64Array, t: number, c: number): number {
  let s = 0;
  for (let h = 0; h < c; h++) s += dist[t * c + h];
  return s;
}

/** Adds an item good for type t with probability q: H_t ← H_t + Bernoulli(q), kept truncated at c. */
function addItem(dist: Float64Array, t: number, c: number, q: number): void {
  for (let h = c - 1; h >= 1; h--) dist[t * c + h] = dist[t * c + h] * (1 - q) + dist[t * c + h - 1] * q;
  dist[t * c] *= 1 - q;
}

/**
 * Expected consumption utility U_c(S) = Σ_t p_t E[min(c, H_t)] / c of the candidates at `picked` (indices into
 * `cands`), by the same item model as the greedy pass. Higher = better; in [0, 1].
 */
export function expectedConsumption(cands: Candidates, picked: ArrayLike<number>, p: ArrayLike<number>, genres: readonly Int32Array[], c: number): number {
  checkC(c);
  const { q, types } = goodForType(cands, p, genres);
  const dist = emptyState(p.length, c);
  let gain = 0;
  for (let j = 0; j < picked.length; j++) {
    const k = picked[j];
    for (const t of types[k]) {
      gain += p[t] * q[k] * belowC(dist, t, c);
      addItem(dist, t, c, q[k]);
    }
  }
  return gain / c;
}

function checkC(c: number): void {
  if (!(Number.isInteger(c) && c >= 1)) throw new RangeError(`consumed count c = ${c} must be an integer ≥ 1`);
}

/** A re-ranked list and what it is worth by the model's own estimate. */
export interface RerankResult {
  /** Item ids, in the order they were added (largest marginal gain first). */
  list: Int32Array;
  /** Estimated U_c of the list returned. */
  utility: number;
  /** Estimated U_c of the top N by score, for comparison. */
  topNUtility: number;
  /** True when the greedy list was not better and the top N was kept (greedy is not always optimal per item). */
  keptTopN: boolean;
  /** Σ r_i over the list: the hits the model expects (compare with the hits measured, to see its calibration). */
  expectedHits: number;
}

/**
 * Greedy consumption-aware list of length n: repeatedly add the candidate with the largest marginal gain
 * Σ_{t ∈ G_i} p_t q_{i|t} P(H_t < c) (ties: the better-scored candidate). The objective is monotone and
 * submodular, so greedy is within 1 − 1/e of the best list; it is exact per type (science.md §4) but not always
 * over items, so if the top N by score is worth more by the same estimate, the top N is returned instead —
 * re-ranking never lowers the utility it maximises.
 */
export function consumptionRerank(cands: Candidates, p: ArrayLike<number>, genres: readonly Int32Array[], n: number, c: number): RerankResult {
  checkC(c);
  const size = Math.min(n, cands.items.length);
  const { q, types } = goodForType(cands, p, genres);
  const dist = emptyState(p.length, c);
  const used = new Uint8Array(cands.items.length);
  const picked: number[] = [];
  let utility = 0;
  for (let r = 0; r < size; r++) {
    let best = -1;
    let bestGain = -Infinity;
    for (let j = 0; j < cands.items.length; j++) {
      if (used[j]) continue;
      let gain = 0;
      for (const t of types[j]) gain += p[t] * q[j] * belowC(dist, t, c);
      if (gain > bestGain) {
        bestGain = gain;
        best = j;
      }
    }
    used[best] = 1;
    picked.push(best);
    utility += bestGain;
    for (const t of types[best]) addItem(dist, t, c, q[best]);
  }
  utility /= c;
  const top = Array.from({ length: size }, (_, j) => j);
  const topNUtility = expectedConsumption(cands, top, p, genres, c);
  const keptTopN = topNUtility > utility;
  const chosen = keptTopN ? top : picked;
  let expectedHits = 0;
  for (const j of chosen) expectedHits += cands.relevance[j];
  return { list: Int32Array.from(chosen, (j) => cands.items[j]), utility: Math.max(utility, topNUtility), topNUtility, keptTopN, expectedHits };
}
