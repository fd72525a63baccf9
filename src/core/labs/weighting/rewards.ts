// The per-slate rewards of the weighting lab, each in [0, 1] and higher = better (objectives.ts puts them in a table).
import { genreCosineDistance, genreDistribution, intraListDiversity, jensenShannon, precisionAtK, type ItemDistance } from '../../metrics';

/** Number of slate items in `targets`. */
function hits(slate: ArrayLike<number>, targets: ReadonlySet<number>): number {
  let h = 0;
  for (let j = 0; j < slate.length; j++) if (targets.has(slate[j])) h++;
  return h;
}

/**
 * Precision-style relevance, "everything is consumed": r = |slate ∩ targets| / N, N = slate length.
 * @returns a value in [0, 1]; 0 for an empty slate or no targets.
 */
export function precisionReward(slate: ArrayLike<number>, targets: ReadonlySet<number>): number {
  return precisionAtK(slate, targets, slate.length);
}

/**
 * Consumption-style relevance, "the user takes one" (Peng et al., WWW 2024): r = 1 if |slate ∩ targets| ≥ c,
 * else 0. c = 1 is HR@N.
 * @param c hits needed, an integer ≥ 1.
 * @returns 0 or 1.
 */
export function consumptionReward(slate: ArrayLike<number>, targets: ReadonlySet<number>, c = 1): number {
  if (!(Number.isInteger(c) && c >= 1)) throw new RangeError(`consumed count c = ${c} must be an integer ≥ 1`);
  return hits(slate, targets) >= c ? 1 : 0;
}

/**
 * Diversity: the slate's intra-list diversity, r = 2/(N(N−1)) Σ_{a<b} d(i_a, i_b) (see intraListDiversity).
 * @param distance an item distance in [0, 1], e.g. genreCosineDistance.
 * @returns a value in [0, 1] for such a distance; 0 for a slate of fewer than 2 items.
 */
export function diversityReward(slate: ArrayLike<number>, distance: ItemDistance): number {
  return intraListDiversity(slate, slate.length, distance);
}

/**
 * {@link diversityReward} with the genre cosine distance (genreCosineDistance), precomputed for speed: each item
 * keeps its unit genre vector ĝ_i (1/√|G_i| on its genres; 0 for an item without genre), and for a slate of
 * distinct items Σ_{a<b} (1 − ĝ_a·ĝ_b) = P − (‖Σ_a ĝ_a‖² − Σ_a ‖ĝ_a‖²)/2 with P = N(N−1)/2 pairs — O(N·genres)
 * per slate instead of O(N²·genres). Same value as the pairwise sum up to float64 rounding (~10⁻¹⁶); a slate
 * that repeats an item is summed pair by pair (d(i, i) = 0), as the reference does.
 * @param itemGenres row-major numItems × numGenres multi-hot.
 * @returns slate ↦ ILD in [0, 1]; 0 for fewer than 2 items.
 */
export function genreDiversityReward(itemGenres: Uint8Array, numGenres: number): (slate: ArrayLike<number>) => number {
  if (!(Number.isInteger(numGenres) && numGenres > 0) || itemGenres.length % numGenres !== 0) {
    throw new RangeError(`itemGenres length ${itemGenres.length} is not a whole number of rows of ${numGenres} genres`);
  }
  const numItems = itemGenres.length / numGenres;
  // CSR lists of each item's genres, and its weight 1/√|G_i| (0 when it has none).
  const start = new Int32Array(numItems + 1);
  const weight = new Float64Array(numItems);
  const genreIds: number[] = [];
  for (let i = 0; i < numItems; i++) {
    for (let k = 0; k < numGenres; k++) if (itemGenres[i * numGenres + k]) genreIds.push(k);
    start[i + 1] = genreIds.length;
    const n = start[i + 1] - start[i];
    weight[i] = n ? 1 / Math.sqrt(n) : 0;
  }
  const genres = Int32Array.from(genreIds);
  const sum = new Float64Array(numGenres);
  const pairwise = (slate: ArrayLike<number>) => diversityReward(slate, genreCosineDistance(itemGenres, numGenres));
  return (slate) => {
    const n = slate.length;
    if (n < 2) return 0;
    let self = 0;
    for (let a = 0; a < n; a++) {
      const i = slate[a];
      if (!(Number.isInteger(i) && i >= 0 && i < numItems)) throw new RangeError(`item id ${i} is not an integer in [0, ${numItems})`);
      for (let b = 0; b < a; b++) if (slate[b] === i) return pairwise(slate);
    }
    for (let a = 0; a < n; a++) {
      const i = slate[a];
      const w = weight[i];
      if (w === 0) continue;
      self += (start[i + 1] - start[i]) * w * w;
      for (let j = start[i]; j < start[i + 1]; j++) sum[genres[j]] += w;
    }
    let sq = 0;
    for (let k = 0; k < numGenres; k++) {
      sq += sum[k] * sum[k];
      sum[k] = 0;
    }
    const pairs = (n * (n - 1)) / 2;
    return Math.min(1, Math.max(0, (pairs - (sq - self) / 2) / pairs));
  };
}

/**
 * Novelty: mean normalised self-information of the slate's items (Zhou et al., PNAS 2010),
 * r = (1/N) Σ_j clamp( −log2(max(pop_{i_j}, 1) / |U|) / log2 |U|, 0, 1 ),
 * pop_i = number of training users who interacted with item i. An item nobody has seen counts as seen once
 * (score 1, the maximum); an item everyone has seen scores 0. The clamp keeps counts above |U| (repeat
 * interactions) at 0.
 * @param itemCounts pop_i by item id.
 * @param numUsers |U|, an integer ≥ 2 (log2 |U| is the normaliser).
 * @returns a value in [0, 1]; 0 for an empty slate.
 */
export function noveltyReward(slate: ArrayLike<number>, itemCounts: ArrayLike<number>, numUsers: number): number {
  if (!(Number.isInteger(numUsers) && numUsers >= 2)) throw new RangeError(`numUsers = ${numUsers} must be an integer ≥ 2`);
  if (slate.length === 0) return 0;
  const norm = Math.log2(numUsers);
  let sum = 0;
  for (let j = 0; j < slate.length; j++) {
    const item = slate[j];
    if (!(Number.isInteger(item) && item >= 0 && item < itemCounts.length)) {
      throw new RangeError(`item id ${item} is not an integer in [0, ${itemCounts.length})`);
    }
    const info = -Math.log2(Math.max(itemCounts[item], 1) / numUsers) / norm;
    sum += Math.min(1, Math.max(0, info));
  }
  return sum / slate.length;
}

/**
 * Calibration (Steck, RecSys 2018): r = 1 − JS(p_history, p_slate), with p the genre distributions of
 * genreDistribution and JS the Jensen–Shannon divergence in bits (so r ∈ [0, 1]; 1 = the slate's genre mix
 * matches the user's history).
 * @param itemGenres row-major numItems × numGenres multi-hot.
 */
export function calibrationReward(
  slate: ArrayLike<number>,
  historyItems: ArrayLike<number>,
  itemGenres: Uint8Array,
  numGenres: number,
): number {
  return (
    1 - jensenShannon(genreDistribution(historyItems, itemGenres, numGenres), genreDistribution(slate, itemGenres, numGenres))
  );
}

/**
 * A diversity reward that saturates (teaching preset): 1 if the slate spans at least `minGenres` genres, else 0.
 * Nearly every sampled slate of 10 does, so its within-group spread σ is 0 and no estimator gets anything from it:
 * RC and DVAO give it z-weight 0 and pass its share to the other objectives; AC and GDPO give it 0 and lose the
 * share (their step shrinks).
 */
export function genreSpanReward(itemGenres: Uint8Array, numGenres: number, minGenres = 2): (slate: ArrayLike<number>) => number {
  return (slate) => {
    const seen = new Uint8Array(numGenres);
    let n = 0;
    for (let j = 0; j < slate.length; j++) {
      const row = slate[j] * numGenres;
      for (let g = 0; g < numGenres; g++) if (itemGenres[row + g] && !seen[g]) (seen[g] = 1), n++;
    }
    return n >= minGenres ? 1 : 0;
  };
}
