// Per-user top-k accuracy metrics (hit, precision, recall, NDCG, MRR, MAP) over a ranked list and a held-out set.

// Conventions shared by every function here:
//  - `ranked` holds item ids in rank order (rank r = index + 1); `relevant` is the user's held-out items.
//  - k is expected to be an integer with 1 ≤ k ≤ ranked.length. If k > ranked.length, the missing
//    positions count as misses (denominators that use k still use k). k < 1 gives 0.
//  - A user with no relevant items scores 0 on every metric.
//  - Relevance is binary: rel_r = 1 if ranked[r-1] ∈ relevant, else 0.

/** DISCOUNT[i] = 1 / log2(i + 2): the DCG discount of rank r = i + 1. Grown on demand, never shrunk. */
let DISCOUNT = new Float64Array(0);
/** IDEAL_DCG[m] = Σ_{r=1..m} 1 / log2(r + 1): DCG of m hits in the top m ranks. IDEAL_DCG[0] = 0. */
let IDEAL_DCG = new Float64Array(1);

/** Makes sure DISCOUNT covers ranks 1..n and IDEAL_DCG covers 0..n. */
function ensureDiscounts(n: number): void {
  if (DISCOUNT.length >= n) return;
  let size = Math.max(64, DISCOUNT.length);
  while (size < n) size *= 2;
  const discount = new Float64Array(size);
  const ideal = new Float64Array(size + 1);
  let sum = 0;
  for (let i = 0; i < size; i++) {
    discount[i] = 1 / Math.log2(i + 2);
    sum += discount[i];
    ideal[i + 1] = sum;
  }
  DISCOUNT = discount;
  IDEAL_DCG = ideal;
}
ensureDiscounts(2048);

/** Number of ranked positions actually scanned: min(k, ranked.length), or 0 for k < 1. */
function scanLength(ranked: ArrayLike<number>, k: number): number {
  return k < 1 ? 0 : Math.min(k, ranked.length);
}

/** hits@k = Σ_{r≤k} rel_r. */
function hitsAtK(ranked: ArrayLike<number>, relevant: ReadonlySet<number>, k: number): number {
  const n = scanLength(ranked, k);
  let hits = 0;
  for (let i = 0; i < n; i++) if (relevant.has(ranked[i])) hits++;
  return hits;
}

/**
 * Hit rate at k: HR@k = 1 if Σ_{r≤k} rel_r > 0, else 0.
 * @returns 0 or 1; 0 when `relevant` is empty.
 * Higher is better.
 */
export function hitAtK(ranked: ArrayLike<number>, relevant: ReadonlySet<number>, k: number): number {
  if (relevant.size === 0) return 0;
  const n = scanLength(ranked, k);
  for (let i = 0; i < n; i++) if (relevant.has(ranked[i])) return 1;
  return 0;
}

/**
 * Precision at k: P@k = (Σ_{r≤k} rel_r) / k.
 * @returns a value in [0, 1]; 0 when `relevant` is empty.
 * Higher is better.
 */
export function precisionAtK(ranked: ArrayLike<number>, relevant: ReadonlySet<number>, k: number): number {
  if (relevant.size === 0 || k < 1) return 0;
  return hitsAtK(ranked, relevant, k) / k;
}

/**
 * Recall at k: R@k = (Σ_{r≤k} rel_r) / |relevant|.
 * Cannot reach 1 when |relevant| > k; see {@link cappedRecallAtK} for the version that can.
 * @returns a value in [0, 1]; 0 when `relevant` is empty.
 * Higher is better.
 */
export function recallAtK(ranked: ArrayLike<number>, relevant: ReadonlySet<number>, k: number): number {
  if (relevant.size === 0) return 0;
  return hitsAtK(ranked, relevant, k) / relevant.size;
}

/**
 * Capped recall at k (the Mult-VAE form, Liang et al. 2018):
 * Recall@k = (Σ_{r≤k} rel_r) / min(k, |relevant|).
 * A perfect ranker scores 1 whatever |relevant| is.
 * @returns a value in [0, 1]; 0 when `relevant` is empty.
 * Higher is better.
 */
export function cappedRecallAtK(ranked: ArrayLike<number>, relevant: ReadonlySet<number>, k: number): number {
  if (relevant.size === 0 || k < 1) return 0;
  return hitsAtK(ranked, relevant, k) / Math.min(k, relevant.size);
}

/**
 * Binary normalised discounted cumulative gain at k:
 * DCG@k = Σ_{r≤k} rel_r / log2(r + 1),
 * IDCG@k = Σ_{r=1..m} 1 / log2(r + 1) with m = min(k, |relevant|),
 * NDCG@k = DCG@k / IDCG@k.
 * @returns a value in [0, 1]; 0 when `relevant` is empty.
 * Higher is better.
 */
export function ndcgAtK(ranked: ArrayLike<number>, relevant: ReadonlySet<number>, k: number): number {
  if (relevant.size === 0 || k < 1) return 0;
  const n = scanLength(ranked, k);
  ensureDiscounts(Math.max(n, Math.min(k, relevant.size)));
  let dcg = 0;
  for (let i = 0; i < n; i++) if (relevant.has(ranked[i])) dcg += DISCOUNT[i];
  return dcg / IDEAL_DCG[Math.min(k, relevant.size)];
}

/**
 * Reciprocal rank at k: RR@k = 1 / r* where r* = min{ r ≤ k : rel_r = 1 }, or 0 if there is no hit in the top k.
 * Averaged over users this is MRR@k.
 * @returns a value in [0, 1]; 0 when `relevant` is empty.
 * Higher is better.
 */
export function mrrAtK(ranked: ArrayLike<number>, relevant: ReadonlySet<number>, k: number): number {
  if (relevant.size === 0) return 0;
  const n = scanLength(ranked, k);
  for (let i = 0; i < n; i++) if (relevant.has(ranked[i])) return 1 / (i + 1);
  return 0;
}

/**
 * Average precision at k (averaged over users this is MAP@k):
 * AP@k = (Σ_{i≤k} rel_i · P@i) / min(k, |relevant|), with P@i = (Σ_{r≤i} rel_r) / i.
 * @returns a value in [0, 1]; 0 when `relevant` is empty.
 * Higher is better.
 */
export function mapAtK(ranked: ArrayLike<number>, relevant: ReadonlySet<number>, k: number): number {
  if (relevant.size === 0 || k < 1) return 0;
  const n = scanLength(ranked, k);
  let hits = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    if (relevant.has(ranked[i])) {
      hits++;
      sum += hits / (i + 1);
    }
  }
  return sum / Math.min(k, relevant.size);
}
