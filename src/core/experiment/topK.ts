// Top-k selection over a block of scores, excluding each user's seen items: model-agnostic and in plain JS.
import { userItems, type Interactions } from '../data/dataset';
import { heartbeat } from '../heartbeat';

/**
 * For each row r (user `users[r]`) of the row-major `scores` (users.length × numItems), the k highest-scoring
 * items not in `exclude`, best first (ties: lower item id first). O(numItems · log k) per row with a
 * min-heap of size k; no sort of the whole row.
 */
export function topKFromScores(scores: Float32Array, users: Int32Array, numItems: number, exclude: Interactions, k: number): Int32Array[] {
  const out: Int32Array[] = [];
  const heapItem = new Int32Array(k);
  const heapScore = new Float64Array(k);
  const seen = new Uint8Array(numItems);
  for (let r = 0; r < users.length; r++) {
    heartbeat(); // a row scans the whole catalogue: microseconds at least
    const excluded = userItems(exclude, users[r]);
    for (const i of excluded) seen[i] = 1;
    const base = r * numItems;
    let size = 0;
    for (let i = 0; i < numItems; i++) {
      if (seen[i]) continue;
      const s = scores[base + i];
      if (size < k) {
        heapItem[size] = i;
        heapScore[size] = s;
        siftUp(heapItem, heapScore, size++);
      } else if (s > heapScore[0]) {
        // A later item only replaces the root on a strictly higher score, so ties keep the lower id.
        heapItem[0] = i;
        heapScore[0] = s;
        siftDown(heapItem, heapScore, size);
      }
    }
    const list = new Int32Array(size);
    for (let n = size - 1; n >= 0; n--) {
      list[n] = heapItem[0];
      heapItem[0] = heapItem[n];
      heapScore[0] = heapScore[n];
      siftDown(heapItem, heapScore, n);
    }
    out.push(list);
    for (const i of excluded) seen[i] = 0;
  }
  return out;
}

/** Heap order: the root is the worst kept item (lowest score; among equal scores, the highest id). */
function worse(items: Int32Array, scores: Float64Array, a: number, b: number): boolean {
  return scores[a] < scores[b] || (scores[a] === scores[b] && items[a] > items[b]);
}

function swap(items: Int32Array, scores: Float64Array, a: number, b: number): void {
  const ti = items[a];
  items[a] = items[b];
  items[b] = ti;
  const ts = scores[a];
  scores[a] = scores[b];
  scores[b] = ts;
}

function siftUp(items: Int32Array, scores: Float64Array, i: number): void {
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (!worse(items, scores, i, p)) return;
    swap(items, scores, i, p);
    i = p;
  }
}

function siftDown(items: Int32Array, scores: Float64Array, size: number): void {
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    if (l < size && worse(items, scores, l, m)) m = l;
    if (r < size && worse(items, scores, r, m)) m = r;
    if (m === i) return;
    swap(items, scores, i, m);
    i = m;
  }
}

/** Indices of the k largest values, descending; ties by the lower index. */
export function topIndices(values: ArrayLike<number>, k: number): number[] {
  const idx = Array.from({ length: values.length }, (_, i) => i);
  idx.sort((a, b) => values[b] - values[a] || a - b);
  return idx.slice(0, k);
}
