// Item types learned by the model instead of read from the genre labels: k-means clusters of the item vectors.
// Peng et al.'s types are whatever makes a user's wants disjoint; genres are one guess, the model's own geometry
// another. Each item gets exactly one type (its cluster), in the same per-item list form as genreLists.
import { heartbeat } from '../heartbeat';
import type { Rng } from '../random/rng';

/**
 * Spherical k-means (cosine) of `numItems` row vectors of size `dim` (row-major `vectors`) into `k` clusters:
 * k-means++ seeding from `rng`, then up to `iterations` rounds of assign / re-centre (centres re-normalised; an
 * empty cluster keeps its centre). Returns the cluster of each item as a one-element list, and the cluster sizes.
 */
export function itemClusters(vectors: Float32Array, numItems: number, dim: number, k: number, rng: Rng, iterations = 25): { types: Int32Array[]; sizes: Int32Array } {
  if (!(Number.isInteger(k) && k >= 1)) throw new RangeError(`cluster count ${k} must be a whole number ≥ 1`);
  if (vectors.length !== numItems * dim) throw new RangeError(`vectors has ${vectors.length} entries, expected ${numItems} × ${dim}`);
  const k2 = Math.min(k, numItems);
  const x = new Float64Array(vectors.length);
  for (let i = 0; i < numItems; i++) {
    let n = 0;
    for (let d = 0; d < dim; d++) n += vectors[i * dim + d] ** 2;
    n = Math.sqrt(n) || 1;
    for (let d = 0; d < dim; d++) x[i * dim + d] = vectors[i * dim + d] / n;
  }
  const dot = (i: number, c: Float64Array, j: number) => {
    let s = 0;
    for (let d = 0; d < dim; d++) s += x[i * dim + d] * c[j * dim + d];
    return s;
  };
  const centres = new Float64Array(k2 * dim);
  // k-means++ on the cosine distance 1 − cos.
  const first = rng.int(numItems);
  centres.set(x.subarray(first * dim, (first + 1) * dim), 0);
  const dist = new Float64Array(numItems).fill(Infinity);
  for (let j = 1; j < k2; j++) {
    heartbeat();
    for (let i = 0; i < numItems; i++) dist[i] = Math.min(dist[i], Math.max(0, 1 - dot(i, centres, j - 1)) ** 2);
    const total = dist.reduce((a, b) => a + b, 0);
    const pick = total > 0 ? rng.categorical(dist) : rng.int(numItems);
    centres.set(x.subarray(pick * dim, (pick + 1) * dim), j * dim);
  }
  const assign = new Int32Array(numItems).fill(-1);
  for (let it = 0; it < iterations; it++) {
    heartbeat();
    let changed = 0;
    for (let i = 0; i < numItems; i++) {
      let best = 0;
      let bestSim = -Infinity;
      for (let j = 0; j < k2; j++) {
        const s = dot(i, centres, j);
        if (s > bestSim) {
          bestSim = s;
          best = j;
        }
      }
      if (assign[i] !== best) changed++;
      assign[i] = best;
    }
    if (changed === 0) break;
    const sums = new Float64Array(k2 * dim);
    const counts = new Int32Array(k2);
    for (let i = 0; i < numItems; i++) {
      counts[assign[i]]++;
      for (let d = 0; d < dim; d++) sums[assign[i] * dim + d] += x[i * dim + d];
    }
    for (let j = 0; j < k2; j++) {
      if (counts[j] === 0) continue;
      let n = 0;
      for (let d = 0; d < dim; d++) n += sums[j * dim + d] ** 2;
      n = Math.sqrt(n) || 1;
      for (let d = 0; d < dim; d++) centres[j * dim + d] = sums[j * dim + d] / n;
    }
  }
  const sizes = new Int32Array(k2);
  for (const a of assign) sizes[a]++;
  return { types: Array.from(assign, (a) => Int32Array.of(a)), sizes };
}
