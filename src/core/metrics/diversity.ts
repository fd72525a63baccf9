// Intra-list diversity of one user's top-k list, with item–item distances from genres or embeddings.

/** A distance between two item ids; ILD assumes d(a, b) = d(b, a). */
export type ItemDistance = (a: number, b: number) => number;

/**
 * Intra-list diversity at k: ILD@k = 2/(n(n−1)) · Σ_{1≤a<b≤n} d(i_a, i_b), the mean pairwise distance among the
 * first n = min(k, list.length) items.
 * Higher = more diverse. Lies in [0, 1] for {@link genreCosineDistance} and {@link jaccardDistance},
 * in [0, 2] for {@link embeddingCosineDistance} (in [0, 1] when embeddings are non-negative).
 * @returns the mean pairwise distance; 0 when n < 2 (a single item has no pairs).
 */
export function intraListDiversity(list: ArrayLike<number>, k: number, distance: ItemDistance): number {
  const n = k < 1 ? 0 : Math.min(Math.floor(k), list.length);
  if (n < 2) return 0;
  let sum = 0;
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) sum += distance(list[a], list[b]);
  }
  return (2 * sum) / (n * (n - 1));
}

/** Checks that `data` holds whole rows of `width` values. */
function checkRows(data: ArrayLike<number>, width: number, what: string): void {
  if (!(Number.isInteger(width) && width > 0)) throw new RangeError(`${what} width ${width} must be a positive integer`);
  if (data.length % width !== 0) {
    throw new RangeError(`${what} length ${data.length} is not a multiple of its width ${width}`);
  }
}

/** Throws unless `id` is an integer row index in [0, rows). */
function checkId(id: number, rows: number): void {
  if (!(Number.isInteger(id) && id >= 0 && id < rows)) {
    throw new RangeError(`item id ${id} is not an integer in [0, ${rows})`);
  }
}

/**
 * Genre cosine distance over multi-hot rows (row-major numItems × numGenres, 1 = item has genre):
 * d(a, b) = 1 − |G_a ∩ G_b| / √(|G_a| · |G_b|), which is 1 − cosine of the two 0/1 rows.
 * An item with no genre is unlike every other item: d = 1 (cosine is undefined for a zero row).
 * d(a, a) = 0 for every item. Values lie in [0, 1]; higher = less alike.
 */
export function genreCosineDistance(itemGenres: Uint8Array, numGenres: number): ItemDistance {
  const overlap = genreOverlap(itemGenres, numGenres);
  return (a, b) => {
    const { both, na, nb } = overlap(a, b);
    if (a === b) return 0;
    if (na === 0 || nb === 0) return 1;
    return 1 - both / Math.sqrt(na * nb);
  };
}

/**
 * Genre Jaccard distance over multi-hot rows (row-major numItems × numGenres):
 * d(a, b) = 1 − |G_a ∩ G_b| / |G_a ∪ G_b|.
 * As for {@link genreCosineDistance}, an item with no genre is at distance 1 from every other item
 * (the ratio is 0/0 for two genre-less items), and d(a, a) = 0. Values lie in [0, 1]; higher = less alike.
 */
export function jaccardDistance(itemGenres: Uint8Array, numGenres: number): ItemDistance {
  const overlap = genreOverlap(itemGenres, numGenres);
  return (a, b) => {
    const { both, na, nb } = overlap(a, b);
    if (a === b) return 0;
    if (both === 0) return 1; // covers the genre-less case
    return 1 - both / (na + nb - both);
  };
}

/** |G_a ∩ G_b|, |G_a|, |G_b| for two rows of a multi-hot matrix (ids checked). */
function genreOverlap(itemGenres: Uint8Array, numGenres: number) {
  checkRows(itemGenres, numGenres, 'itemGenres');
  const rows = itemGenres.length / numGenres;
  return (a: number, b: number) => {
    checkId(a, rows);
    checkId(b, rows);
    let both = 0;
    let na = 0;
    let nb = 0;
    const ra = a * numGenres;
    const rb = b * numGenres;
    for (let g = 0; g < numGenres; g++) {
      const x = itemGenres[ra + g] ? 1 : 0;
      const y = itemGenres[rb + g] ? 1 : 0;
      both += x & y;
      na += x;
      nb += y;
    }
    return { both, na, nb };
  };
}

/**
 * Embedding cosine distance over row-major numItems × dim vectors: d(a, b) = 1 − e_a·e_b / (‖e_a‖ ‖e_b‖).
 * Values lie in [0, 2] (0 = same direction, 1 = orthogonal, 2 = opposite); higher = less alike.
 * A zero vector has no direction: its distance to any other item is 1 (as if orthogonal); d(a, a) = 0.
 */
export function embeddingCosineDistance(embeddings: Float32Array, dim: number): ItemDistance {
  checkRows(embeddings, dim, 'embeddings');
  const rows = embeddings.length / dim;
  return (a, b) => {
    checkId(a, rows);
    checkId(b, rows);
    if (a === b) return 0;
    let dot = 0;
    let na = 0;
    let nb = 0;
    const ra = a * dim;
    const rb = b * dim;
    for (let j = 0; j < dim; j++) {
      const x = embeddings[ra + j];
      const y = embeddings[rb + j];
      dot += x * y;
      na += x * x;
      nb += y * y;
    }
    if (na === 0 || nb === 0) return 1;
    const cos = dot / Math.sqrt(na * nb);
    // Rounding can push |cos| a hair past 1.
    return 1 - Math.max(-1, Math.min(1, cos));
  };
}
