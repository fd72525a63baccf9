// Calibration (Steck 2018): how far a list's genre mix is from the user's history, by Jensen–Shannon divergence.

/**
 * Genre distribution of a set of items, each item's unit mass shared equally among its genres (Steck 2018):
 * p(g) = Σ_{i ∈ items, |G_i|>0} [g ∈ G_i] / |G_i|  ÷  #{i ∈ items : |G_i| > 0}.
 * `itemGenres` is row-major numItems × numGenres multi-hot. Items with no genre carry no mass; a repeated
 * item counts each time.
 * @returns a Float64Array of length numGenres summing to 1, or all zeros when no item has a genre.
 */
export function genreDistribution(items: ArrayLike<number>, itemGenres: Uint8Array, numGenres: number): Float64Array {
  if (!(Number.isInteger(numGenres) && numGenres > 0)) throw new RangeError(`numGenres ${numGenres} must be a positive integer`);
  const numItems = Math.floor(itemGenres.length / numGenres);
  const p = new Float64Array(numGenres);
  let mass = 0;
  for (let j = 0; j < items.length; j++) {
    const item = items[j];
    if (!(Number.isInteger(item) && item >= 0 && item < numItems)) {
      throw new RangeError(`item id ${item} is not an integer in [0, ${numItems})`);
    }
    const row = item * numGenres;
    let count = 0;
    for (let g = 0; g < numGenres; g++) if (itemGenres[row + g]) count++;
    if (count === 0) continue;
    for (let g = 0; g < numGenres; g++) if (itemGenres[row + g]) p[g] += 1 / count;
    mass++;
  }
  if (mass > 0) for (let g = 0; g < numGenres; g++) p[g] /= mass;
  return p;
}

/**
 * Jensen–Shannon divergence in bits: JS(p, q) = ½ KL(p ‖ m) + ½ KL(q ‖ m), m = (p + q)/2, KL(x ‖ m) = Σ x log2(x/m)
 * (terms with x = 0 are 0). p and q are non-negative weights of equal length; each is divided by its own sum
 * first, so counts may be passed. By convention an all-zero vector (no information) is at distance 0 from another
 * all-zero vector and 1 (the maximum) from anything else.
 * Lower = more alike; 0 iff p and q are the same distribution, 1 iff their supports are disjoint.
 * @returns a value in [0, 1].
 */
export function jensenShannon(p: ArrayLike<number>, q: ArrayLike<number>): number {
  if (p.length !== q.length) throw new RangeError(`distributions differ in length: ${p.length} vs ${q.length}`);
  let sp = 0;
  let sq = 0;
  for (let i = 0; i < p.length; i++) {
    if (!(p[i] >= 0) || !(q[i] >= 0)) throw new RangeError(`weights must be non-negative (index ${i}: ${p[i]}, ${q[i]})`);
    sp += p[i];
    sq += q[i];
  }
  if (sp === 0 || sq === 0) return sp === sq ? 0 : 1;
  let js = 0;
  for (let i = 0; i < p.length; i++) {
    const a = p[i] / sp;
    const b = q[i] / sq;
    const m = (a + b) / 2;
    if (a > 0) js += 0.5 * a * Math.log2(a / m);
    if (b > 0) js += 0.5 * b * Math.log2(b / m);
  }
  // Rounding can leave a result a hair outside [0, 1].
  return Math.min(1, Math.max(0, js));
}

/**
 * Taste (calibration) distance at k: JS(p_history, p_list@k) with p from {@link genreDistribution} over the user's
 * history items and over the first min(k, list.length) list items, and JS = {@link jensenShannon} (bits).
 * Lower = the list matches the user's genre mix better (0 = perfectly calibrated, 1 = no genre in common).
 * @returns a value in [0, 1].
 */
export function tasteDistance(
  historyItems: ArrayLike<number>,
  list: ArrayLike<number>,
  itemGenres: Uint8Array,
  numGenres: number,
  k: number,
): number {
  const n = k < 1 ? 0 : Math.min(Math.floor(k), list.length);
  const top = new Float64Array(n);
  for (let r = 0; r < n; r++) top[r] = list[r];
  return jensenShannon(
    genreDistribution(historyItems, itemGenres, numGenres),
    genreDistribution(top, itemGenres, numGenres),
  );
}
