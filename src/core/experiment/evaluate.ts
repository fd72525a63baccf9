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
  alphaNdcgAtK,
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
import { heartbeat } from '../heartbeat';

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
  /** Null when the dataset has no genres (an import without an items file): ILD and taste distance are then left out. */
  genreDistance: ItemDistance | null;
  /** The items each user brought (training items, or fold-in for held-out users). */
  history: Interactions;
  /** Consumption sizes c for U_c (the user consumes the best c of the k). */
  consumeC: readonly number[];
}

/**
 * The context for scoring lists: popularity from `train`; `history` = what each user brought, whose items
 * are never recommended and against which taste distance is measured — the training rows under weak
 * generalisation (the default), the fold-in rows under strong generalisation.
 */
export function evalContext(
  train: Interactions,
  dataset: Pick<Dataset, 'itemGenres' | 'genreNames'>,
  k: number,
  opts: { history?: Interactions; consumeC?: readonly number[] } = {},
): EvalContext {
  const counts = itemCounts(train);
  const numGenres = dataset.genreNames.length;
  let activeUsers = 0;
  for (let u = 0; u < train.numUsers; u++) if (train.indptr[u + 1] > train.indptr[u]) activeUsers++;
  return {
    k,
    numItems: train.numItems,
    // EPC's |U|: users with training interactions (held-out users of a strong split have none).
    numUsers: activeUsers,
    itemCounts: counts,
    tail: tailItems(counts),
    itemGenres: dataset.itemGenres,
    numGenres,
    genreDistance: numGenres > 0 ? genreCosineDistance(dataset.itemGenres, numGenres) : null,
    history: opts.history ?? train,
    consumeC: opts.consumeC ?? [1, 2, 3],
  };
}

/** Means over evaluated users (per-user metrics) and over all lists (catalogue metrics). Directions in `METRIC_INFO`. */
export type ListMetrics = Record<string, number>;

/** Each metric's meaning and direction, for tables, charts and CSV headers. */
export const METRIC_INFO: Record<string, { label: string; better: 'higher' | 'lower' }> = {
  precision: { label: 'Precision@k (everything consumed)', better: 'higher' },
  'consumption@1': { label: 'U₁: the user consumes the best 1 of k (= HR@k)', better: 'higher' },
  'consumption@2': { label: 'U₂: the user consumes the best 2 of k', better: 'higher' },
  'consumption@3': { label: 'U₃: the user consumes the best 3 of k', better: 'higher' },
  alphaNdcg: { label: 'α-nDCG@k (genres as aspects, α = 0.5)', better: 'higher' },
  users: { label: 'users evaluated', better: 'higher' },
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

/** The genre ids of item i (its aspects for α-nDCG). */
function genresOf(ctx: EvalContext, item: number): number[] {
  const out: number[] = [];
  for (let g = 0; g < ctx.numGenres; g++) if (ctx.itemGenres[item * ctx.numGenres + g]) out.push(g);
  return out;
}

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
    heartbeat();
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
    if (ctx.genreDistance) {
      add('ild', intraListDiversity(list, k, ctx.genreDistance));
      add('tasteDistance', tasteDistance(userItems(ctx.history, u), list, ctx.itemGenres, ctx.numGenres, k));
      add('alphaNdcg', alphaNdcgAtK(list, relevant, k, (i) => genresOf(ctx, i), 0.5));
    }
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
