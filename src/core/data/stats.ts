// Descriptive statistics of a dataset for the UI: size, density, activity, popularity skew, genre shares.
import { giniOfCounts } from '../metrics/beyondAccuracy';
import { itemCounts, type Dataset } from './dataset';

/** One point of the popularity curve: the item at 1-based `rank` (most popular = 1) has `count` interactions. */
export interface PopularityPoint {
  rank: number;
  count: number;
}

/** One genre's weight in the catalogue and in the interactions (multi-genre items count for each genre). */
export interface GenreShare {
  genre: string;
  /** Items having the genre. */
  items: number;
  /** Interactions on items having the genre. */
  interactions: number;
  /** items / number of items (0 for an empty catalogue). Shares over genres sum to ≥ 1 with multi-genre items. */
  itemShare: number;
  /** interactions / number of interactions (0 when there are none). */
  interactionShare: number;
}

export interface DatasetStats {
  users: number;
  items: number;
  interactions: number;
  /** interactions / (users · items), in [0, 1]. */
  density: number;
  meanPerUser: number;
  /** Median of per-user counts (mean of the two middle values for an even number of users). */
  medianPerUser: number;
  meanPerItem: number;
  /** Items with no interaction. */
  coldItems: number;
  /** Users with no interaction. */
  coldUsers: number;
  /** Item counts sorted descending with their rank, downsampled to at most `maxCurvePoints` (first and last kept). */
  popularityCurve: PopularityPoint[];
  /** Share of interactions on the ⌈items / 10⌉ most popular items; 0.1 = no skew, near 1 = extreme skew. */
  top10PercentShare: number;
  /** Gini index of item counts (zeros included), Σ_j (2j − n − 1) c_(j) / (n Σ c): 0 = even, (n−1)/n = one item. */
  giniOfPopularity: number;
  genreShares: GenreShare[];
}

/**
 * The numbers a lab shows about its data (the usual table of Mult-VAE, KGAT and RecBole papers: users, items,
 * interactions, density) plus the popularity skew that popularity-bias lessons are about. All counts are over
 * `d.interactions`; O(nnz + items log items).
 */
export function datasetStats(d: Dataset, options: { maxCurvePoints?: number } = {}): DatasetStats {
  const x = d.interactions;
  const users = x.numUsers;
  const items = x.numItems;
  const interactions = x.indptr[users];
  const maxPoints = Math.max(2, options.maxCurvePoints ?? 200);

  const perUser = new Int32Array(users);
  let coldUsers = 0;
  for (let u = 0; u < users; u++) {
    perUser[u] = x.indptr[u + 1] - x.indptr[u];
    if (perUser[u] === 0) coldUsers++;
  }
  perUser.sort();
  const medianPerUser = users === 0 ? 0 : users % 2 === 1 ? perUser[(users - 1) / 2] : (perUser[users / 2 - 1] + perUser[users / 2]) / 2;

  const counts = itemCounts(x);
  const ascending = Int32Array.from(counts).sort();
  let coldItems = 0;
  for (let j = 0; j < items; j++) if (ascending[j] === 0) coldItems++;
  const giniOfPopularity = giniOfCounts(counts);

  const top = Math.ceil(items / 10);
  let topSum = 0;
  for (let r = 0; r < top; r++) topSum += ascending[items - 1 - r];

  const popularityCurve: PopularityPoint[] = [];
  const points = Math.min(items, maxPoints);
  for (let k = 0; k < points; k++) {
    // Evenly spaced ranks from the first to the last; with every item when they fit.
    const idx = points === items ? k : Math.round((k * (items - 1)) / (points - 1));
    popularityCurve.push({ rank: idx + 1, count: ascending[items - 1 - idx] });
  }

  const numGenres = d.genreNames.length;
  const genreItems = new Float64Array(numGenres);
  const genreInteractions = new Float64Array(numGenres);
  for (let i = 0; i < items; i++) {
    for (let g = 0; g < numGenres; g++) {
      if (d.itemGenres[i * numGenres + g]) {
        genreItems[g]++;
        genreInteractions[g] += counts[i];
      }
    }
  }
  const genreShares = d.genreNames.map((genre, g) => ({
    genre,
    items: genreItems[g],
    interactions: genreInteractions[g],
    itemShare: items === 0 ? 0 : genreItems[g] / items,
    interactionShare: interactions === 0 ? 0 : genreInteractions[g] / interactions,
  }));

  return {
    users,
    items,
    interactions,
    density: users * items === 0 ? 0 : interactions / (users * items),
    meanPerUser: users === 0 ? 0 : interactions / users,
    medianPerUser,
    meanPerItem: items === 0 ? 0 : interactions / items,
    coldItems,
    coldUsers,
    popularityCurve,
    top10PercentShare: interactions === 0 ? 0 : topSum / interactions,
    giniOfPopularity,
    genreShares,
  };
}
