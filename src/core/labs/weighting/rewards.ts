// The per-slate rewards of the weighting lab, each in [0, 1] and higher = better, and their registry for the UI.
import { genreDistribution, intraListDiversity, jensenShannon, precisionAtK, type ItemDistance } from '../../metrics';

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

/** Stable ids of the lab's objectives (the URL stores them). */
export type ObjectiveId = 'relevance' | 'diversity' | 'novelty' | 'calibration';

/** What the UI shows about one objective. */
export interface ObjectiveInfo {
  id: ObjectiveId;
  label: string;
  /** Every reward is scaled to [0, 1] with higher = better. */
  direction: 'higher';
  /** One line: what the reward measures. */
  description: string;
  /** The paper the reward's definition comes from. */
  paper: string;
}

/** The objectives, in slider order. */
export const OBJECTIVES: readonly ObjectiveInfo[] = [
  {
    id: 'relevance',
    label: 'Relevance',
    direction: 'higher',
    description:
      'Hits on the user’s hidden items: precision-style (share of the slate that hits — everything is consumed) or consumption-style (1 if at least c items hit — the user takes one).',
    paper: 'Peng, Raghavan, Pierson, Kleinberg, Garg, “Reconciling the accuracy–diversity trade-off in recommendations”, WWW 2024',
  },
  {
    id: 'diversity',
    label: 'Diversity',
    direction: 'higher',
    description: 'Intra-list diversity: mean pairwise genre distance (1 − cosine) among the slate’s items.',
    paper: 'Ziegler, McNee, Konstan, Lausen, “Improving recommendation lists through topic diversification”, WWW 2005',
  },
  {
    id: 'novelty',
    label: 'Novelty',
    direction: 'higher',
    description: 'Mean self-information −log₂(popularity/users), normalised to [0, 1]: rarely seen items score high.',
    paper: 'Zhou et al., “Solving the apparent diversity–accuracy dilemma of recommender systems”, PNAS 2010',
  },
  {
    id: 'calibration',
    label: 'Calibration',
    direction: 'higher',
    description: '1 − Jensen–Shannon divergence between the genre mix of the user’s history and of the slate.',
    paper: 'Steck, “Calibrated recommendations”, RecSys 2018',
  },
];

/** The registry entry of `id`. */
export function objectiveInfo(id: ObjectiveId): ObjectiveInfo {
  const info = OBJECTIVES.find((o) => o.id === id);
  if (!info) throw new RangeError(`unknown objective '${String(id)}'`);
  return info;
}
