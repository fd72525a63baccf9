// Minimum-count filters (k-core style) that drop sparse users and items and reindex a dataset consistently.
import type { Dataset, GroundTruth, Interactions, ItemAttributes, UserFeatures } from './dataset';

export interface FilterOptions {
  /** Keep only users with at least this many interactions (among kept items). Default 0: no constraint. */
  minPerUser?: number;
  /** Keep only items with at least this many interactions (among kept users). Default 0: no constraint. */
  minPerItem?: number;
}

export interface FilterResult {
  interactions: Interactions;
  /** New user id → old user id, ascending (the filter keeps the original order). */
  userMap: Int32Array;
  /** New item id → old item id, ascending. */
  itemMap: Int32Array;
  /** New CSR position → old CSR position: gathers columns aligned with `indices` (see {@link gatherColumn}). */
  positions: Int32Array;
}

/**
 * Drops users with fewer than `minPerUser` and items with fewer than `minPerItem` interactions, repeated until
 * nothing changes — dropping an item can push a user below the minimum and vice versa — so the result is the
 * (minPerUser, minPerItem)-core: the largest sub-matrix in which every user and item meets its minimum. This is
 * the usual preprocessing of implicit-feedback benchmarks (Mult-VAE keeps users with ≥ 5 items; many
 * sequential-recommendation papers, e.g. SASRec and P5, use the 5-core). The core is unique, so the order of
 * removals does not matter.
 *
 * Surviving users and items keep their relative order (the maps are ascending), so rows stay sorted. A minimum
 * of 0 keeps everyone, including users or items with no interactions; a minimum of 1 removes those.
 * Cost: O(rounds × nnz).
 */
export function filterInteractions(x: Interactions, options: FilterOptions): FilterResult {
  const minUser = options.minPerUser ?? 0;
  const minItem = options.minPerItem ?? 0;
  const userAlive = new Uint8Array(x.numUsers).fill(1);
  const itemAlive = new Uint8Array(x.numItems).fill(1);
  const userCount = new Int32Array(x.numUsers);
  const itemCount = new Int32Array(x.numItems);
  for (let changed = true; changed; ) {
    changed = false;
    userCount.fill(0);
    itemCount.fill(0);
    for (let u = 0; u < x.numUsers; u++) {
      if (!userAlive[u]) continue;
      for (let p = x.indptr[u]; p < x.indptr[u + 1]; p++) {
        const i = x.indices[p];
        if (itemAlive[i]) {
          userCount[u]++;
          itemCount[i]++;
        }
      }
    }
    for (let u = 0; u < x.numUsers; u++) {
      if (userAlive[u] && userCount[u] < minUser) {
        userAlive[u] = 0;
        changed = true;
      }
    }
    for (let i = 0; i < x.numItems; i++) {
      if (itemAlive[i] && itemCount[i] < minItem) {
        itemAlive[i] = 0;
        changed = true;
      }
    }
  }

  const userMap = aliveIds(userAlive);
  const itemMap = aliveIds(itemAlive);
  const newItem = new Int32Array(x.numItems).fill(-1);
  itemMap.forEach((old, i) => (newItem[old] = i));
  const indptr = new Int32Array(userMap.length + 1);
  const kept: number[] = [];
  for (let v = 0; v < userMap.length; v++) {
    const u = userMap[v];
    for (let p = x.indptr[u]; p < x.indptr[u + 1]; p++) if (newItem[x.indices[p]] >= 0) kept.push(p);
    indptr[v + 1] = kept.length;
  }
  const positions = Int32Array.from(kept);
  const indices = new Int32Array(positions.length);
  for (let q = 0; q < positions.length; q++) indices[q] = newItem[x.indices[positions[q]]];
  return { interactions: { numUsers: userMap.length, numItems: itemMap.length, indptr, indices }, userMap, itemMap, positions };
}

function aliveIds(alive: Uint8Array): Int32Array {
  const ids: number[] = [];
  for (let i = 0; i < alive.length; i++) if (alive[i]) ids.push(i);
  return Int32Array.from(ids);
}

/** `out[q] = column[positions[q]]`, same array type: carries ratings or timestamps through a filter. */
export function gatherColumn<T extends Float32Array | Float64Array>(column: T, positions: Int32Array): T {
  const out = new (column.constructor as { new (n: number): T })(positions.length);
  for (let q = 0; q < positions.length; q++) out[q] = column[positions[q]];
  return out;
}

/** Row `r` of `out` = row `map[r]` of a row-major matrix with `width` columns. */
function gatherRows<T extends Uint8Array | Float64Array>(values: T, width: number, map: Int32Array): T {
  const out = new (values.constructor as { new (n: number): T })(map.length * width);
  for (let r = 0; r < map.length; r++) out.set(values.subarray(map[r] * width, (map[r] + 1) * width), r * width);
  return out;
}

/**
 * {@link filterInteractions} applied to a whole dataset, reindexing everything consistently: user and item ids,
 * titles, ratings and timestamps (by CSR position), item genres, user features, attribute triples (triples of
 * dropped items are removed; relation and entity names are kept as they are, so some entities may be unused)
 * and ground truth (user tastes and item quality by row; item popularity renormalised to sum to 1 over the
 * kept items; exceptions unchanged, since they refer to features, relations and entities, not ids).
 * Name and source are kept; the caller may rename.
 */
export function filterDataset(d: Dataset, options: FilterOptions): Dataset {
  const { interactions, userMap, itemMap, positions } = filterInteractions(d.interactions, options);
  const numGenres = d.genreNames.length;
  const out: Dataset = {
    ...d,
    userIds: Array.from(userMap, (u) => d.userIds[u]),
    itemIds: Array.from(itemMap, (i) => d.itemIds[i]),
    interactions,
    itemGenres: gatherRows(d.itemGenres, numGenres, itemMap),
  };
  if (d.itemTitles) out.itemTitles = Array.from(itemMap, (i) => d.itemTitles![i]);
  if (d.ratings) out.ratings = gatherColumn(d.ratings, positions);
  if (d.timestamps) out.timestamps = gatherColumn(d.timestamps, positions);
  if (d.attributes) out.attributes = filterAttributes(d.attributes, itemMap, d.interactions.numItems);
  if (d.userFeatures) out.userFeatures = filterUserFeatures(d.userFeatures, userMap);
  if (d.groundTruth) out.groundTruth = filterGroundTruth(d.groundTruth, userMap, itemMap, d.interactions.numUsers);
  return out;
}

function filterAttributes(a: ItemAttributes, itemMap: Int32Array, oldNumItems: number): ItemAttributes {
  const newItem = new Int32Array(oldNumItems).fill(-1);
  itemMap.forEach((old, i) => (newItem[old] = i));
  const keep: number[] = [];
  for (let t = 0; t < a.item.length; t++) if (newItem[a.item[t]] >= 0) keep.push(t);
  return {
    ...a,
    item: Int32Array.from(keep, (t) => newItem[a.item[t]]),
    relation: Int32Array.from(keep, (t) => a.relation[t]),
    entity: Int32Array.from(keep, (t) => a.entity[t]),
  };
}

function filterUserFeatures(f: UserFeatures, userMap: Int32Array): UserFeatures {
  return { ...f, values: gatherRows(f.values, f.names.length, userMap) };
}

function filterGroundTruth(g: GroundTruth, userMap: Int32Array, itemMap: Int32Array, oldNumUsers: number): GroundTruth {
  const width = oldNumUsers === 0 ? 0 : g.userTastes.length / oldNumUsers;
  const itemPopularity = Float64Array.from(itemMap, (i) => g.itemPopularity[i]);
  let total = 0;
  for (let i = 0; i < itemPopularity.length; i++) total += itemPopularity[i];
  if (total > 0) for (let i = 0; i < itemPopularity.length; i++) itemPopularity[i] /= total;
  return {
    ...g,
    userTastes: gatherRows(g.userTastes, width, userMap),
    itemQuality: Float64Array.from(itemMap, (i) => g.itemQuality[i]),
    itemPopularity,
  };
}
