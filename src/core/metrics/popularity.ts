// Popularity-bias metrics of one user's top-k list: average popularity, long-tail share, novelty (EPC).

// Conventions shared by every function here:
//  - `list` holds item ids in rank order (rank r = index + 1); only the first n = min(k, list.length)
//    positions are scored, and averages divide by n (RecBole's lists always have k items, so n = k there).
//    k < 1 or an empty list gives 0.
//  - `itemCounts[i]` is item i's number of training interactions; ids outside the array count 0
//    (RecBole's `item_count.get(i, 0)`).

/** Training count of `item`, 0 for ids outside `itemCounts`. */
function countOf(itemCounts: ArrayLike<number>, item: number): number {
  const c = itemCounts[item];
  return c === undefined ? 0 : c;
}

/** Number of positions scored: min(k, list.length), or 0 for k < 1. */
function scanLength(list: ArrayLike<number>, k: number): number {
  return k < 1 ? 0 : Math.min(Math.floor(k), list.length);
}

/**
 * Average popularity at k (RecBole `AveragePopularity`): AvgPop@k = (1/n) · Σ_{r≤n} φ(i_r), with φ(i) the
 * number of training interactions of item i and n = min(k, list.length).
 * Lower = less popularity-biased (RecBole marks it `smaller = True`). Units: interactions per item.
 * @returns a value in [0, max φ]; 0 when n = 0.
 */
export function averagePopularity(list: ArrayLike<number>, itemCounts: ArrayLike<number>, k: number): number {
  const n = scanLength(list, k);
  if (n === 0) return 0;
  let sum = 0;
  for (let r = 0; r < n; r++) sum += countOf(itemCounts, list[r]);
  return sum / n;
}

/**
 * Long-tail percentage at k (RecBole `TailPercentage`): Tail@k = (1/n) · Σ_{r≤n} δ(i_r ∈ T), with T the set of
 * long-tail items and n = min(k, list.length). `isTail` is either a predicate or a per-item flag array
 * (e.g. from {@link tailItems}; ids outside the array are not tail).
 * Higher = more long-tail items recommended.
 * @returns a value in [0, 1]; 0 when n = 0.
 */
export function tailPercentage(
  list: ArrayLike<number>,
  isTail: ((item: number) => boolean) | ArrayLike<boolean | number>,
  k: number,
): number {
  const n = scanLength(list, k);
  if (n === 0) return 0;
  let tail = 0;
  if (typeof isTail === 'function') {
    for (let r = 0; r < n; r++) if (isTail(list[r])) tail++;
  } else {
    for (let r = 0; r < n; r++) if (isTail[list[r]]) tail++;
  }
  return tail / n;
}

/**
 * Flags the long tail: the m = max(1, ⌊share · N⌋) least popular of the N = itemCounts.length items by training
 * count, as RecBole's `tail_ratio` does. Ties are broken by lower item id (RecBole sorts by (count, id)), so
 * exactly m items are flagged even when several share the boundary count. Unlike RecBole, which ranks only the
 * items present in its training counter, every id in [0, N) takes part, so never-seen items (count 0) come first.
 * @param share fraction of the catalogue in the tail, in (0, 1]; default 0.1 (science.md: least popular 10%).
 * @returns a Uint8Array of length N with 1 for tail items; empty when N = 0.
 */
export function tailItems(itemCounts: ArrayLike<number>, share = 0.1): Uint8Array {
  if (!(share > 0 && share <= 1)) throw new RangeError(`tail share ${share} must be in (0, 1]`);
  const numItems = itemCounts.length;
  const flags = new Uint8Array(numItems);
  if (numItems === 0) return flags;
  const order = new Int32Array(numItems);
  for (let i = 0; i < numItems; i++) order[i] = i;
  // Sorting ids by (count, id) makes the boundary deterministic.
  order.sort((a, b) => itemCounts[a] - itemCounts[b] || a - b);
  const m = Math.max(1, Math.floor(numItems * share));
  for (let j = 0; j < m; j++) flags[order[j]] = 1;
  return flags;
}

/**
 * Expected popularity complement (EPC, Vargas & Castells 2011), rank-discounted novelty:
 * EPC@k = Σ_{r≤n} disc(r) · (1 − pop(i_r)/|U|) / Σ_{r≤n} disc(r), disc(r) = 1/log2(r + 1), n = min(k, list.length),
 * with pop(i) = itemCounts[i], the number of training users who interacted with item i (so pop ≤ |U|).
 * Higher = more novel (less popular items, especially near the top).
 * @param numUsers |U|, the number of training users (> 0).
 * @returns a value in [0, 1] when 0 ≤ pop ≤ |U|; 0 when n = 0.
 */
export function noveltyEPC(
  list: ArrayLike<number>,
  itemCounts: ArrayLike<number>,
  numUsers: number,
  k: number,
): number {
  if (!(numUsers > 0)) throw new RangeError(`numUsers ${numUsers} must be positive`);
  const n = scanLength(list, k);
  if (n === 0) return 0;
  let weighted = 0;
  let norm = 0;
  for (let r = 0; r < n; r++) {
    const disc = 1 / Math.log2(r + 2);
    weighted += disc * (1 - countOf(itemCounts, list[r]) / numUsers);
    norm += disc;
  }
  return weighted / norm;
}
