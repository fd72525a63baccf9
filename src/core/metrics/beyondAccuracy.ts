// Catalogue-level "beyond accuracy" metrics over all users' recommendation lists: coverage, Gini index, entropy.

/** Counts how often each item id in [0, numItems) appears across `lists`; throws on ids outside that range. */
function countRecommendations(lists: ReadonlyArray<ArrayLike<number>>, numItems: number): Float64Array {
  const counts = new Float64Array(numItems);
  for (let u = 0; u < lists.length; u++) {
    const list = lists[u];
    for (let i = 0; i < list.length; i++) {
      const id = list[i];
      if (!(id >= 0 && id < numItems) || !Number.isInteger(id)) {
        throw new RangeError(`item id ${id} is not an integer in [0, ${numItems})`);
      }
      counts[id]++;
    }
  }
  return counts;
}

/**
 * Item (catalogue) coverage: Coverage = |⋃_u L_u| / numItems, where L_u is user u's list.
 * Item ids must be integers in [0, numItems) (a RangeError is thrown otherwise).
 * @returns a value in [0, 1]; 0 when numItems ≤ 0.
 * Higher is better.
 */
export function itemCoverage(lists: ReadonlyArray<ArrayLike<number>>, numItems: number): number {
  if (numItems <= 0) return 0;
  const counts = countRecommendations(lists, numItems);
  let distinct = 0;
  for (let i = 0; i < numItems; i++) if (counts[i] > 0) distinct++;
  return distinct / numItems;
}

/**
 * Gini index of how recommendations are spread over the catalogue.
 * With c_i = number of times item i appears across `lists` (items never recommended count as 0),
 * c_(1) ≤ … ≤ c_(n) those counts sorted ascending and n = numItems:
 * Gini = Σ_{j=1..n} (2j − n − 1) · c_(j) / (n · Σ_i c_i).
 * 0 = every item recommended equally often; (n − 1)/n = all recommendations on one item. Lower = more even.
 * Item ids must be integers in [0, numItems) (a RangeError is thrown otherwise).
 * @returns a value in [0, (n − 1)/n]; 0 when Σ c_i = 0 or numItems ≤ 0.
 */
export function giniIndex(lists: ReadonlyArray<ArrayLike<number>>, numItems: number): number {
  if (numItems <= 0) return 0;
  return giniOfCounts(countRecommendations(lists, numItems));
}

/**
 * Gini of per-item counts (zeros included), the same formula as {@link giniIndex}:
 * G = Σ_j (2j − n − 1) c_(j) / (n Σ c), counts sorted ascending, n = counts.length. 0 when all counts are 0.
 * Lower = more even. Used for recommendation counts and for a dataset's popularity.
 */
export function giniOfCounts(counts: ArrayLike<number>): number {
  const sorted = Float64Array.from(counts).sort(); // typed-array sort is numeric ascending
  const n = sorted.length;
  let total = 0;
  let weighted = 0;
  for (let j = 1; j <= n; j++) {
    const c = sorted[j - 1];
    total += c;
    weighted += (2 * j - n - 1) * c;
  }
  return total === 0 ? 0 : weighted / (n * total);
}

/**
 * Shannon entropy of the recommendation distribution, in nats (natural logarithm):
 * with c_i = number of times item i appears across `lists` and p(i) = c_i / Σ_j c_j,
 * H = −Σ_{i : c_i > 0} p(i) · ln p(i).
 * Ranges from 0 (one item only) to ln(number of distinct items) (all equally often). Higher = more diverse.
 * Item ids may be any numbers (no catalogue size needed).
 * @returns H ≥ 0; 0 when the lists are all empty.
 */
export function shannonEntropy(lists: ReadonlyArray<ArrayLike<number>>): number {
  const counts = new Map<number, number>();
  let total = 0;
  for (let u = 0; u < lists.length; u++) {
    const list = lists[u];
    for (let i = 0; i < list.length; i++) {
      const id = list[i];
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    total += list.length;
  }
  if (total === 0) return 0;
  let h = 0;
  for (const c of counts.values()) {
    const p = c / total;
    h -= p * Math.log(p);
  }
  return h;
}
