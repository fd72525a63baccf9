// The dataset model shared by every lab: users × items interactions in compact CSR form, item genres,
// optional ratings, timestamps, item attribute triples (a small knowledge graph), user features and, for
// synthetic worlds, the ground truth they were drawn from.

/** Implicit interactions as compressed sparse rows: user u's items are indices[indptr[u] .. indptr[u+1]), sorted. */
export interface Interactions {
  numUsers: number;
  numItems: number;
  indptr: Int32Array;
  indices: Int32Array;
}

/** Item → (relation, entity) triples, e.g. (item 4, "creator", "Studio 7"): the lab's knowledge graph. */
export interface ItemAttributes {
  relationNames: string[];
  entityNames: string[];
  item: Int32Array;
  relation: Int32Array;
  entity: Int32Array;
}

/** Multi-hot user features, row-major numUsers × names.length (e.g. "age:young", "country:FR"). */
export interface UserFeatures {
  names: string[];
  values: Uint8Array;
}

/** What a synthetic world was drawn from; lessons show it next to what models learn. */
export interface GroundTruth {
  /** Row-major numUsers × numGenres: user u's true taste mixture p_t (each row sums to 1). */
  userTastes: Float64Array;
  /** Item quality in [0, 1] (how much an item appeals to users whose taste it matches). */
  itemQuality: Float64Array;
  /** Item popularity weight (power law), normalised to sum to 1. */
  itemPopularity: Float64Array;
  /** Planted rare exceptions: users with `userFeature` strongly like items with attribute `entity` of `relation`. */
  exceptions: { userFeature: number; relation: number; entity: number }[];
}

export type DatasetSource =
  | { kind: 'synthetic'; preset: string; seed: number }
  | { kind: 'import'; format: 'ml-100k' | 'ml-latest' | 'generic'; files: string[]; ratingThreshold?: number };

export interface Dataset {
  name: string;
  source: DatasetSource;
  /** External ids as they appear in the files (synthetic: "0", "1", …). Index = internal id. */
  userIds: string[];
  itemIds: string[];
  itemTitles?: string[];
  interactions: Interactions;
  /** Aligned with `interactions.indices`: the explicit rating behind each kept interaction, when known. */
  ratings?: Float32Array;
  /** Aligned with `interactions.indices`: seconds since the epoch (or any increasing clock). */
  timestamps?: Float64Array;
  genreNames: string[];
  /** Multi-hot genres, row-major numItems × genreNames.length (1 = item has the genre). */
  itemGenres: Uint8Array;
  attributes?: ItemAttributes;
  userFeatures?: UserFeatures;
  groundTruth?: GroundTruth;
}

/** Builds CSR from per-user item lists (duplicates removed, items sorted). */
export function fromUserLists(lists: ArrayLike<number>[], numItems: number): Interactions {
  const indptr = new Int32Array(lists.length + 1);
  const rows = lists.map((l) => Int32Array.from(new Set(Array.from(l))).sort());
  rows.forEach((r, u) => (indptr[u + 1] = indptr[u] + r.length));
  const indices = new Int32Array(indptr[lists.length]);
  rows.forEach((r, u) => indices.set(r, indptr[u]));
  return { numUsers: lists.length, numItems, indptr, indices };
}

/**
 * Rows grouped by user (a stable counting sort) and sorted by item within each user, ties in row order:
 * `order[p]` is the row at position p, and user u's rows are `order[start[u] .. start[u + 1])`. O(n + users)
 * plus a sort per user.
 */
export function orderByUserThenItem(users: Int32Array, items: Int32Array, numUsers: number): { start: Int32Array; order: Int32Array } {
  const n = users.length;
  const start = new Int32Array(numUsers + 1);
  for (let e = 0; e < n; e++) start[users[e] + 1]++;
  for (let u = 0; u < numUsers; u++) start[u + 1] += start[u];
  const fill = start.slice(0, numUsers);
  const order = new Int32Array(n);
  for (let e = 0; e < n; e++) order[fill[users[e]]++] = e;
  for (let u = 0; u < numUsers; u++) order.subarray(start[u], start[u + 1]).sort((a, b) => items[a] - items[b] || a - b);
  return { start, order };
}

/**
 * Builds CSR from parallel (user, item) arrays in O(n + users) plus a sort per row, carrying any aligned
 * per-interaction columns (ratings, timestamps) along. Pairs must be unique (importers check that first).
 */
export function fromPairs(
  numUsers: number,
  numItems: number,
  users: Int32Array,
  items: Int32Array,
  columns: Record<string, Float32Array | Float64Array> = {},
): { interactions: Interactions; columns: Record<string, Float32Array | Float64Array> } {
  const n = users.length;
  const { start: indptr, order } = orderByUserThenItem(users, items, numUsers);
  const indices = new Int32Array(n);
  for (let p = 0; p < n; p++) indices[p] = items[order[p]];
  const out: Record<string, Float32Array | Float64Array> = {};
  for (const [name, col] of Object.entries(columns)) {
    const c = new (col.constructor as Float32ArrayConstructor | Float64ArrayConstructor)(n);
    for (let p = 0; p < n; p++) c[p] = col[order[p]];
    out[name] = c;
  }
  return { interactions: { numUsers, numItems, indptr, indices }, columns: out };
}

/** The items of user u (a view, no copy). */
export function userItems(x: Interactions, u: number): Int32Array {
  return x.indices.subarray(x.indptr[u], x.indptr[u + 1]);
}

/** Number of interactions. */
export function nnz(x: Interactions): number {
  return x.indptr[x.numUsers];
}

/** Interactions per item (popularity counts). */
export function itemCounts(x: Interactions): Int32Array {
  const c = new Int32Array(x.numItems);
  for (let i = 0; i < x.indices.length; i++) c[x.indices[i]]++;
  return c;
}

/** Plain ids "0" … "n−1", for datasets without external ids. */
export function rangeIds(n: number): string[] {
  return Array.from({ length: n }, (_, i) => String(i));
}

/** Is `x` in the sorted array `row` (a CSR row)? Binary search. */
export function sortedHas(row: ArrayLike<number>, x: number): boolean {
  let lo = 0;
  let hi = row.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (row[mid] === x) return true;
    if (row[mid] < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
