// The dataset model shared by every lab: users × items interactions in compact CSR form, plus item genres.

/** Implicit interactions as compressed sparse rows: user u's items are indices[indptr[u] .. indptr[u+1]). */
export interface Interactions {
  numUsers: number;
  numItems: number;
  indptr: Int32Array;
  indices: Int32Array;
}

export interface Dataset {
  name: string;
  interactions: Interactions;
  /** Multi-hot genres, row-major numItems × genreNames.length (1 = item has the genre). */
  itemGenres: Uint8Array;
  genreNames: string[];
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
