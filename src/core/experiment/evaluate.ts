// Scores top-k lists against held-out items with the whole metric suite, in one pass over the users.
import { itemCounts, userItems, type Dataset, type Interactions } from '../data/dataset';
import {
  averagePopularity,
  cappedRecallAtK,
  consumptionUtility,
  genreCosineDistance,
  giniIndex,
  hitAtK,
  intraListDiversity,
  itemCoverage,
  mapAtK,
  mrrAtK,
  ndcgAtK,
  noveltyEPC,
  precisionAtK,
  recallAtK,
  shannonEntropy,
  tailItems,
  tailPercentage,
  tasteDistance,
  type ItemDistance,
} from '../metrics';

/** What every list is judged against: training popularity, genres, and each user's history. */
export interface EvalContext {
  k: number;
  numItems: number;
  /** |U| in novelty: the number of training users. */
  numUsers: number;
  itemCounts: Int32Array;
  tail: Uint8Array;
  itemGenres: Uint8Array;
  numGenres: number;
  genreDistance: ItemDistance;
  /** The items each user brought (training items, or fold-in for held-out users). */
  history: Interactions;
  /** Consumption sizes c for U_c (the user consumes the best c of the k). */
  consumeC: readonly number[];
}

export function evalContext(train: Interactions, dataset: Pick<Dataset, 'itemGenres' | 'genreNames'>, k: number, consumeC: readonly number[] = [1, 2, 3]): EvalContext {
  const counts = itemCounts(train);
  const numGenres = dataset.genreNames.length;
  return {
    k,
    numItems: train.numItems,
    numUsers: train.numUsers,
    itemCounts: counts,
    tail: tailItems(counts),
    itemGenres: dataset.itemGenres,
    numGenres,
    genreDistance: genreCosineDistance(dataset.itemGenres, numGenres),
    history: train,
    consumeC,
  };
}

/** Means over evaluated users (per-user metrics) and over all lists (catalogue metrics). Directions in `METRIC_INFO`. */
export type ListMetrics = Record<string, number>;

/** Each metric's meaning and direction, for tables, charts and CSV headers. */
export const METRIC_INFO: Record<string, { label: string; better: 'higher' | 'lower' }> = {
  precision: { label: 'Precision@k (everything consumed)', better: 'higher' },
  recall: { label: 'Recall@k', better: 'higher' },
  cappedRecall: { label: 'Recall@k, capped (Mult-VAE)', better: 'higher' },
  ndcg: { label: 'NDCG@k', better: 'higher' },
  hit: { label: 'HR@k (one good item is enough)', better: 'higher' },
  mrr: { label: 'MRR@k', better: 'higher' },
  map: { label: 'MAP@k', better: 'higher' },
  coverage: { label: 'Catalogue coverage', better: 'higher' },
  gini: { label: 'Gini of recommendations (lower = more even)', better: 'lower' },
  entropy: { label: 'Entropy of recommendations (nats)', better: 'higher' },
  averagePopularity: { label: 'Average popularity (training clicks)', better: 'lower' },
  tailPercentage: { label: 'Long-tail share', better: 'higher' },
  novelty: { label: 'Novelty (EPC)', better: 'higher' },
  ild: { label: 'Intra-list diversity (genres)', better: 'higher' },
  tasteDistance: { label: 'Taste distance to history (JS)', better: 'lower' },
};

/**
 * One pass over `users` with their lists: per-user metrics averaged over users that have held-out items,
 * catalogue metrics (coverage, Gini, entropy) over those users' lists. U_c appears as `consumption@c`.
 */
export function evaluateLists(users: Int32Array, lists: ArrayLike<number>[], heldOut: Interactions, ctx: EvalContext): ListMetrics {
  const { k } = ctx;
  const sums: Record<string, number> = {};
  const add = (name: string, v: number) => (sums[name] = (sums[name] ?? 0) + v);
  const judged: ArrayLike<number>[] = [];
  for (let r = 0; r < users.length; r++) {
    const u = users[r];
    const target = userItems(heldOut, u);
    if (target.length === 0) continue;
    const list = lists[r];
    judged.push(list);
    const relevant = new Set(target);
    add('precision', precisionAtK(list, relevant, k));
    add('recall', recallAtK(list, relevant, k));
    add('cappedRecall', cappedRecallAtK(list, relevant, k));
    add('ndcg', ndcgAtK(list, relevant, k));
    add('hit', hitAtK(list, relevant, k));
    add('mrr', mrrAtK(list, relevant, k));
    add('map', mapAtK(list, relevant, k));
    add('averagePopularity', averagePopularity(list, ctx.itemCounts, k));
    add('tailPercentage', tailPercentage(list, ctx.tail, k));
    add('novelty', noveltyEPC(list, ctx.itemCounts, ctx.numUsers, k));
    add('ild', intraListDiversity(list, k, ctx.genreDistance));
    add('tasteDistance', tasteDistance(userItems(ctx.history, u), list, ctx.itemGenres, ctx.numGenres, k));
    for (const c of ctx.consumeC) add(`consumption@${c}`, consumptionUtility(list, relevant, k, c));
  }
  const n = Math.max(1, judged.length);
  const out: ListMetrics = {};
  for (const [name, v] of Object.entries(sums)) out[name] = v / n;
  out.coverage = itemCoverage(judged, ctx.numItems);
  out.gini = giniIndex(judged, ctx.numItems);
  out.entropy = shannonEntropy(judged);
  out.users = judged.length;
  return out;
}
