// Maximal Marginal Relevance (Carbonell & Goldstein, SIGIR 1998): the classic hand-set diversity weight. The
// consumption lab sweeps its weight on a trained model and scores every list two ways — by Precision and by
// consumption-aware utility — to show that the "accuracy–diversity trade-off" is partly the metric's.
import type { Candidates } from './consumptionRerank';

/** Cosine similarity of two items' genre sets (multi-hot); 0 when either has no genre. */
export function genreCosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length === 0 || b.length === 0) return 0;
  let shared = 0;
  let j = 0;
  // Both lists ascending (genreLists builds them so).
  for (let i = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) (shared++, i++, j++);
    else if (a[i] < b[j]) i++;
    else j++;
  }
  return shared / Math.sqrt(a.length * b.length);
}

/**
 * MMR lists of length `n` from one user's candidates (best score first), one per diversity weight w in `weights`:
 * repeatedly add argmax_i (1 − w) · rel_i − w · max_{j ∈ list} sim(i, j), where rel_i is the candidate's chance r_i
 * divided by the largest r (so relevance and similarity are both on [0, 1]) and sim is the genres' cosine. w = 0 is
 * the top n by score; ties go to the better-scored candidate.
 */
export function mmrLists(cands: Candidates, genres: readonly Int32Array[], n: number, weights: readonly number[]): Int32Array[] {
  const m = cands.items.length;
  const size = Math.min(n, m);
  let top = 0;
  for (const r of cands.relevance) top = Math.max(top, r);
  const rel = Float64Array.from(cands.relevance, (r) => (top > 0 ? r / top : 0));
  const sim = new Float64Array(m * m);
  for (let a = 0; a < m; a++) for (let b = a + 1; b < m; b++) sim[a * m + b] = sim[b * m + a] = genreCosine(genres[cands.items[a]], genres[cands.items[b]]);
  const maxSim = new Float64Array(m);
  const used = new Uint8Array(m);
  return weights.map((w) => {
    if (!(w >= 0 && w <= 1)) throw new RangeError(`diversity weight ${w} must be in [0, 1]`);
    maxSim.fill(0);
    used.fill(0);
    const list = new Int32Array(size);
    for (let r = 0; r < size; r++) {
      let best = -1;
      let bestValue = -Infinity;
      for (let j = 0; j < m; j++) {
        if (used[j]) continue;
        const v = (1 - w) * rel[j] - w * maxSim[j];
        if (v > bestValue) (bestValue = v, (best = j));
      }
      used[best] = 1;
      list[r] = cands.items[best];
      for (let j = 0; j < m; j++) maxSim[j] = Math.max(maxSim[j], sim[best * m + j]);
    }
    return list;
  });
}
