// Ranking every unseen item for every user, and the lab's metrics: Recall@K, standard NDCG@K, the official code's
// NDCG (for comparison), and both by item-popularity and user-activity bucket.
import * as tf from '@tensorflow/tfjs';
import { itemCounts, userItems, type Interactions } from '../../data/dataset';
import { heartbeat } from '../../heartbeat';
import { ndcgAtK, recallAtK } from '../../metrics/ranking';
import { rankInBlocks } from '../../experiment/rankInBlocks';

/**
 * The top `k` items of every user by ŷ(u, i) = e*_uᵀ e*_i, skipping `exclude` (full ranking: every other item is a
 * candidate). `emb` holds users in rows 0 … U−1 and items in rows U … U+I−1.
 */
export async function topLists(emb: tf.Tensor2D, numUsers: number, numItems: number, exclude: Interactions, k: number): Promise<Int32Array[]> {
  const d = emb.shape[1];
  const itemsT = tf.tidy(() => tf.transpose(tf.slice(emb, [numUsers, 0], [numItems, d])));
  try {
    const users = Int32Array.from({ length: numUsers }, (_, u) => u);
    return await rankInBlocks(users, numItems, exclude, k, (block) => tf.matMul(tf.slice(emb, [block[0], 0], [block.length, d]), itemsT));
  } finally {
    itemsT.dispose();
  }
}

/**
 * NDCG@K as KGAT's official code computes it: the ideal DCG is built from the hits *inside the retrieved top K*
 * (sorted to the front), not from all of the user's held-out items, so a list with one hit at rank 5 scores
 * 1/log₂6 ÷ 1 ≈ 0.39 whatever the user held out. It overstates NDCG; shown only to say by how much.
 */
export function kgatCodeNdcgAtK(ranked: ArrayLike<number>, relevant: ReadonlySet<number>, k: number): number {
  let dcg = 0;
  let hits = 0;
  for (let r = 0; r < Math.min(k, ranked.length); r++) {
    if (!relevant.has(ranked[r])) continue;
    dcg += 1 / Math.log2(r + 2);
    hits++;
  }
  let ideal = 0;
  for (let r = 0; r < hits; r++) ideal += 1 / Math.log2(r + 2);
  return ideal > 0 ? dcg / ideal : 0;
}

/** A group of items (by training popularity) or of users (by training activity). */
export interface Bucket {
  id: string;
  /** e.g. "items with 0–3 training interactions". */
  label: string;
  /** Training-count range of its members. */
  min: number;
  max: number;
  /** Items (item buckets) or users (user buckets) in it. */
  members: number;
  /** Held-out interactions it covers. */
  heldOut: number;
}

/**
 * Items in ascending training popularity cut into `n` buckets that each hold about 1/n of the held-out interactions,
 * so every bucket's recall rests on a similar number of cases (the coldest bucket spans many rarely seen items).
 */
export function popularityBuckets(train: Interactions, heldOut: Interactions, n: number): { of: Int32Array; buckets: Bucket[] } {
  const counts = itemCounts(train);
  const held = itemCounts(heldOut);
  const order = Int32Array.from({ length: train.numItems }, (_, i) => i).sort((a, b) => counts[a] - counts[b] || a - b);
  const total = held.reduce((s, x) => s + x, 0);
  const of = new Int32Array(train.numItems);
  let cum = 0;
  for (const i of order) {
    // The bucket is fixed by the held-out mass before this item: ties in popularity may straddle a cut.
    of[i] = Math.min(n - 1, Math.floor((cum * n) / Math.max(1, total)));
    cum += held[i];
  }
  return { of, buckets: describe(n, of, counts, held, 'pop', (lo, hi) => `items with ${range(lo, hi)} training interactions`) };
}

/** Users in ascending number of training interactions cut into `n` equal-sized groups. */
export function activityBuckets(train: Interactions, heldOut: Interactions, n: number): { of: Int32Array; buckets: Bucket[] } {
  const U = train.numUsers;
  const counts = Int32Array.from({ length: U }, (_, u) => train.indptr[u + 1] - train.indptr[u]);
  const held = Int32Array.from({ length: U }, (_, u) => heldOut.indptr[u + 1] - heldOut.indptr[u]);
  const order = Int32Array.from({ length: U }, (_, u) => u).sort((a, b) => counts[a] - counts[b] || a - b);
  const of = new Int32Array(U);
  order.forEach((u, r) => (of[u] = Math.min(n - 1, Math.floor((r * n) / U))));
  return { of, buckets: describe(n, of, counts, held, 'act', (lo, hi) => `users with ${range(lo, hi)} training interactions`) };
}

function range(lo: number, hi: number): string {
  return lo === hi ? String(lo) : `${lo}–${hi}`;
}

function describe(n: number, of: Int32Array, counts: Int32Array, held: Int32Array, prefix: string, label: (lo: number, hi: number) => string): Bucket[] {
  return Array.from({ length: n }, (_, b) => {
    let min = Infinity;
    let max = -Infinity;
    let members = 0;
    let heldOut = 0;
    of.forEach((x, j) => {
      if (x !== b) return;
      members++;
      heldOut += held[j];
      min = Math.min(min, counts[j]);
      max = Math.max(max, counts[j]);
    });
    if (!members) min = max = 0;
    return { id: `${prefix}${b + 1}`, label: label(min, max), min, max, members, heldOut };
  });
}

/** Mean Recall@K and NDCG@K over the users that have at least one relevant item. */
export interface ListScores {
  recall: number;
  ndcg: number;
  /** Users averaged over. */
  users: number;
}

function mean(sum: { recall: number; ndcg: number; users: number }): ListScores {
  return { recall: sum.users ? sum.recall / sum.users : NaN, ndcg: sum.users ? sum.ndcg / sum.users : NaN, users: sum.users };
}

/** No grouping: validation is scored overall only. */
const NO_BUCKETS: { of: Int32Array; n: number } = { of: new Int32Array(0), n: 0 };

/** Everything the lab reports about one model's lists against held-out items. */
export interface Scored {
  all: ListScores;
  /** NDCG@K with the official code's ideal (see {@link kgatCodeNdcgAtK}), over the same users. */
  kgatCodeNdcg: number;
  /** By item-popularity bucket: each user's relevant items restricted to the bucket's items. */
  byPopularity: ListScores[];
  /** By user-activity bucket: the users of the bucket. */
  byActivity: ListScores[];
}

/** Scores `lists` (one per user) against `heldOut` overall and, when buckets are given, per bucket. */
export function scoreLists(lists: readonly Int32Array[], heldOut: Interactions, k: number, pop = NO_BUCKETS, act = NO_BUCKETS): Scored {
  const all = { recall: 0, ndcg: 0, users: 0 };
  let codeNdcg = 0;
  const byPop = Array.from({ length: pop.n }, () => ({ recall: 0, ndcg: 0, users: 0 }));
  const byAct = Array.from({ length: act.n }, () => ({ recall: 0, ndcg: 0, users: 0 }));
  lists.forEach((list, u) => {
    heartbeat();
    const target = userItems(heldOut, u);
    if (target.length === 0) return;
    const relevant = new Set(target);
    const r = recallAtK(list, relevant, k);
    const n = ndcgAtK(list, relevant, k);
    all.recall += r;
    all.ndcg += n;
    all.users++;
    codeNdcg += kgatCodeNdcgAtK(list, relevant, k);
    const a = byAct[act.of[u]];
    if (a) {
      a.recall += r;
      a.ndcg += n;
      a.users++;
    }
    for (let b = 0; b < pop.n; b++) {
      const inBucket = new Set(target.filter((i) => pop.of[i] === b));
      if (inBucket.size === 0) continue;
      byPop[b].recall += recallAtK(list, inBucket, k);
      byPop[b].ndcg += ndcgAtK(list, inBucket, k);
      byPop[b].users++;
    }
  });
  return { all: mean(all), kgatCodeNdcg: all.users ? codeNdcg / all.users : NaN, byPopularity: byPop.map(mean), byActivity: byAct.map(mean) };
}

/** The union of two interaction sets over the same users and items (training ∪ validation: what test ranking skips). */
export function unionOf(a: Interactions, b: Interactions): Interactions {
  const indptr = new Int32Array(a.numUsers + 1);
  const rows: Int32Array[] = [];
  for (let u = 0; u < a.numUsers; u++) {
    const row = Int32Array.from(new Set([...userItems(a, u), ...userItems(b, u)])).sort();
    rows.push(row);
    indptr[u + 1] = indptr[u] + row.length;
  }
  const indices = new Int32Array(indptr[a.numUsers]);
  rows.forEach((row, u) => indices.set(row, indptr[u]));
  return { numUsers: a.numUsers, numItems: a.numItems, indptr, indices };
}
