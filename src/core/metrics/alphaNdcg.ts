// α-nDCG (Clarke et al., SIGIR 2008): NDCG whose gain rewards covering aspects (genres) not yet covered.

/**
 * Gain of `item` given how many earlier relevant items covered each aspect:
 * Σ_{f ∈ aspects(item)} (1 − α)^{covered[f]}.
 */
function gainOf(aspects: ArrayLike<number>, covered: Map<number, number>, alpha: number): number {
  let gain = 0;
  for (let j = 0; j < aspects.length; j++) gain += Math.pow(1 - alpha, covered.get(aspects[j]) ?? 0);
  return gain;
}

/** Counts one more relevant item covering each of `aspects`. */
function cover(aspects: ArrayLike<number>, covered: Map<number, number>): void {
  for (let j = 0; j < aspects.length; j++) covered.set(aspects[j], (covered.get(aspects[j]) ?? 0) + 1);
}

/**
 * α-nDCG at k, with aspects (e.g. genres) given per item by `aspectsOf` (each aspect listed once per item).
 * Gain at rank r: G_r = [i_r ∈ relevant] · Σ_{f ∈ aspects(i_r)} (1 − α)^{c_f(r)}, where c_f(r) is the number of
 * relevant items at ranks < r that cover f; irrelevant items gain 0 and cover nothing.
 * α-DCG@k = Σ_{r≤k} G_r / log2(r + 1). The ideal α-DCG ranks the relevant items greedily (each position takes the
 * unused relevant item with the largest gain, ties to the lower item id) for min(k, |relevant|) positions;
 * α-nDCG@k = α-DCG@k / ideal. Exact ideal ordering is NP-hard, so like the original this uses the greedy one,
 * and a ranking can in rare cases score slightly above 1.
 * α ∈ [0, 1]: the larger α, the less a second item on an already covered aspect is worth.
 * α = 0 is graded nDCG with gain |aspects(i)| for relevant items (the greedy ideal is then the exact one:
 * most aspects first); it equals binary {@link ndcgAtK} only when every relevant item has the same, non-zero
 * number of aspects.
 * Higher = relevant and diverse.
 * @returns α-nDCG@k ≥ 0; 0 when `relevant` is empty, k < 1, or no relevant item has an aspect.
 */
export function alphaNdcgAtK(
  ranked: ArrayLike<number>,
  relevant: ReadonlySet<number>,
  k: number,
  aspectsOf: (item: number) => ArrayLike<number>,
  alpha: number,
): number {
  if (!(alpha >= 0 && alpha <= 1)) throw new RangeError(`alpha ${alpha} must be in [0, 1]`);
  if (relevant.size === 0 || k < 1) return 0;
  const n = Math.min(Math.floor(k), ranked.length);

  let dcg = 0;
  const covered = new Map<number, number>();
  const seen = new Set<number>();
  for (let r = 0; r < n; r++) {
    const item = ranked[r];
    // A repeated item is not new information: it gains nothing the second time.
    if (!relevant.has(item) || seen.has(item)) continue;
    seen.add(item);
    const aspects = aspectsOf(item);
    dcg += gainOf(aspects, covered, alpha) / Math.log2(r + 2);
    cover(aspects, covered);
  }

  const pool = Array.from(relevant).sort((a, b) => a - b);
  const poolAspects = pool.map((item) => aspectsOf(item));
  const used = new Uint8Array(pool.length);
  const idealCovered = new Map<number, number>();
  const m = Math.min(Math.floor(k), pool.length);
  let ideal = 0;
  for (let r = 0; r < m; r++) {
    let best = -1;
    let bestGain = -1;
    for (let j = 0; j < pool.length; j++) {
      if (used[j]) continue;
      const g = gainOf(poolAspects[j], idealCovered, alpha);
      if (g > bestGain) {
        bestGain = g;
        best = j;
      }
    }
    used[best] = 1;
    ideal += bestGain / Math.log2(r + 2);
    cover(poolAspects[best], idealCovered);
  }
  return ideal === 0 ? 0 : dcg / ideal;
}
