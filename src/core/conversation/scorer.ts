// Embeddings of users, items and attributes for conversation: BPR pretraining in tfjs, then scoring in plain JS.
import * as tf from '@tensorflow/tfjs';
import type { Interactions } from '../data/dataset';
import { bprEpochTriples } from '../models/bprMf';
import { heartbeat } from '../heartbeat';
import type { Rng } from '../random/rng';
import { gatherRows, makeOptimizer, variableFrom } from '../tf/ops';
import { itemAttributes, itemHas, numAttributes, type AttributeTable } from './attributes';

/** Row-major embedding tables (n × dim each), plain arrays so the environment runs without tensors. */
export interface ConversationEmbeddings {
  dim: number;
  numUsers: number;
  numItems: number;
  numAttributes: number;
  users: Float32Array;
  items: Float32Array;
  attributes: Float32Array;
}

export interface PretrainOptions {
  dim: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** L2 penalty on the embeddings used in a step (mean over the batch of their squared norms). */
  l2: number;
  /** Std of the N(0, std²) initialisation. */
  initStd: number;
}

export const DEFAULT_PRETRAIN: PretrainOptions = { dim: 32, epochs: 5, batchSize: 1024, learningRate: 0.01, l2: 1e-4, initStd: 0.1 };

/**
 * Pretrains user, item and attribute embeddings on the training interactions only. Per training pair (u, v⁺),
 * drawn once per epoch in a seeded order, with an unseen item v⁻, an attribute p⁺ of v⁺ and an attribute p⁻
 * that v⁺ lacks (all drawn with `rng`):
 *
 *   L = softplus(−(⟨u,v⁺⟩ − ⟨u,v⁻⟩)) + softplus(−(⟨u,p⁺⟩ − ⟨u,p⁻⟩)) + softplus(−(⟨v⁺,p⁺⟩ − ⟨v⁺,p⁻⟩))
 *       + l2 · (‖u‖² + ‖v⁺‖² + ‖v⁻‖² + ‖p⁺‖² + ‖p⁻‖²),
 *
 * averaged over the batch (the attribute terms over rows whose v⁺ has an attribute). Three BPR terms because
 * the conversation reads three kinds of dot products: user–item and attribute–item (the item score) and
 * user–attribute (the attribute preference). The official code pretrains TransE on its graph instead; this is
 * the BPR-shaped stand-in. Adam (explicit epsilon), gathers with the scatterND gradient; the loss is read back
 * once per epoch. Returns the tables as Float32Arrays and the mean loss per epoch; every tensor is freed.
 */
export async function pretrainEmbeddings(
  train: Interactions,
  table: AttributeTable,
  opts: PretrainOptions,
  rng: Rng,
  onEpoch?: (epoch: number, loss: number) => void,
): Promise<{ embeddings: ConversationEmbeddings; losses: number[] }> {
  const { dim } = opts;
  const nu = train.numUsers;
  const ni = train.numItems;
  const na = numAttributes(table);
  const init = rng.fork('init');
  const U = variableFrom(init.normalArray(nu * dim, opts.initStd), [nu, dim]);
  const V = variableFrom(init.normalArray(ni * dim, opts.initStd), [ni, dim]);
  const P = variableFrom(init.normalArray(Math.max(na, 1) * dim, opts.initStd), [Math.max(na, 1), dim]);
  const optimizer = makeOptimizer('adam', opts.learningRate);
  const sampler = rng.fork('sampling');
  const losses: number[] = [];
  try {
    for (let epoch = 0; epoch < opts.epochs; epoch++) {
      const t = conversationEpochTriples(train, table, sampler);
      const n = t.users.length;
      const stepLosses: tf.Scalar[] = [];
      let loss = NaN;
      // Freed however the epoch ends: an error mid-epoch (a thrown heartbeat, a bad batch) leaks nothing.
      try {
        for (let s = 0; s < n; s += opts.batchSize) {
          heartbeat();
          const e = Math.min(n, s + opts.batchSize);
          stepLosses.push(
            tf.tidy(() => {
              const u = tf.tensor1d(t.users.subarray(s, e), 'int32');
              const vp = tf.tensor1d(t.pos.subarray(s, e), 'int32');
              const vn = tf.tensor1d(t.neg.subarray(s, e), 'int32');
              const pp = tf.tensor1d(t.posAttr.subarray(s, e), 'int32');
              const pn = tf.tensor1d(t.negAttr.subarray(s, e), 'int32');
              const mask = tf.tensor1d(t.hasAttr.subarray(s, e), 'float32');
              const maskSum = Math.max(1, t.hasAttr.subarray(s, e).reduce((a, b) => a + b, 0));
              return optimizer.minimize(
                () => {
                  const eu = gatherRows(U, u);
                  const evp = gatherRows(V, vp);
                  const evn = gatherRows(V, vn);
                  const epp = gatherRows(P, pp);
                  const epn = gatherRows(P, pn);
                  const dot = (a: tf.Tensor2D, b: tf.Tensor2D) => tf.sum(tf.mul(a, b), 1);
                  const ui = tf.mean(tf.softplus(tf.neg(dot(eu, tf.sub(evp, evn)))));
                  const ua = tf.softplus(tf.neg(dot(eu, tf.sub(epp, epn))));
                  const va = tf.softplus(tf.neg(dot(evp, tf.sub(epp, epn))));
                  const attr = tf.div(tf.sum(tf.mul(tf.add(ua, va), mask)), maskSum);
                  const sq = (a: tf.Tensor2D) => tf.sum(tf.square(a), 1);
                  const reg = tf.mean(tf.addN([sq(eu), sq(evp), sq(evn), tf.mul(tf.add(sq(epp), sq(epn)), mask)]));
                  return tf.addN([ui, attr, tf.mul(opts.l2, reg)]) as tf.Scalar;
                },
                true,
                [U, V, P],
              ) as tf.Scalar;
            }),
          );
        }
        const total = tf.addN(stepLosses);
        try {
          loss = (await total.data())[0] / Math.max(1, stepLosses.length);
        } finally {
          total.dispose();
        }
      } finally {
        stepLosses.forEach((l) => l.dispose());
      }
      if (!Number.isFinite(loss)) throw new Error(`conversation pretraining diverged at epoch ${epoch + 1}`);
      losses.push(loss);
      onEpoch?.(epoch + 1, loss);
    }
    const [users, items, attrs] = await Promise.all([U.data(), V.data(), P.data()]);
    return {
      embeddings: {
        dim,
        numUsers: nu,
        numItems: ni,
        numAttributes: na,
        users: users as Float32Array,
        items: items as Float32Array,
        attributes: (attrs as Float32Array).slice(0, na * dim),
      },
      losses,
    };
  } finally {
    U.dispose();
    V.dispose();
    P.dispose();
    optimizer.dispose();
  }
}

/**
 * One epoch of pretraining samples: every training pair once in a seeded order, each with an unseen item, one
 * of the positive item's attributes and one attribute it lacks. `hasAttr[b] = 0` where the positive item has no
 * attribute (its attribute slots are then 0 and masked out of the loss).
 */
export function conversationEpochTriples(
  train: Interactions,
  table: AttributeTable,
  rng: Rng,
): { users: Int32Array; pos: Int32Array; neg: Int32Array; posAttr: Int32Array; negAttr: Int32Array; hasAttr: Float32Array } {
  // The user–item part is plain BPR's epoch; each pair then gets an attribute of its item and one the item lacks.
  const { users, pos, neg } = bprEpochTriples(train, rng);
  const n = users.length;
  const na = numAttributes(table);
  const posAttr = new Int32Array(n);
  const negAttr = new Int32Array(n);
  const hasAttr = new Float32Array(n);
  for (let b = 0; b < n; b++) {
    const v = pos[b];
    const attrs = itemAttributes(table, v);
    if (attrs.length > 0 && attrs.length < na) {
      posAttr[b] = attrs[rng.int(attrs.length)];
      let q: number;
      do q = rng.int(na);
      while (itemHas(table, v, q));
      negAttr[b] = q;
      hasAttr[b] = 1;
    }
  }
  return { users, pos, neg, posAttr, negAttr, hasAttr };
}

/** Plain-JS scoring over pretrained embeddings; caches one user's item scores and all item–attribute products. */
export interface Scorer {
  readonly embeddings: ConversationEmbeddings;
  readonly table: AttributeTable;
  /** ⟨e_u, e_v⟩ for every item v (cached for the last user asked: an episode asks for one user many times). */
  userItemScores(u: number): Float32Array;
  /** ⟨e_p, e_v⟩ at [v · numAttributes + p]. */
  readonly itemAttrDot: Float32Array;
}

const dotRows = (a: Float32Array, i: number, b: Float32Array, j: number, d: number): number => {
  let s = 0;
  const oa = i * d;
  const ob = j * d;
  for (let k = 0; k < d; k++) s += a[oa + k] * b[ob + k];
  return s;
};

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** Builds a scorer: precomputes ⟨e_p, e_v⟩ for all items and attributes (numItems × numAttributes floats). */
export function createScorer(embeddings: ConversationEmbeddings, table: AttributeTable): Scorer {
  const { dim: d, numItems: ni, numAttributes: na } = embeddings;
  const itemAttrDot = new Float32Array(ni * na);
  for (let v = 0; v < ni; v++) for (let p = 0; p < na; p++) itemAttrDot[v * na + p] = dotRows(embeddings.items, v, embeddings.attributes, p, d);
  let cachedUser = -1;
  const cache = new Float32Array(ni);
  return {
    embeddings,
    table,
    itemAttrDot,
    userItemScores(u) {
      if (u !== cachedUser) {
        for (let v = 0; v < ni; v++) cache[v] = dotRows(embeddings.users, u, embeddings.items, v, d);
        cachedUser = u;
      }
      return cache;
    },
  };
}

/**
 * The official code's item score given accepted attributes P⁺ and rejected P⁻:
 *   s(u, v) = ⟨e_u, e_v⟩ + Σ_{p∈P⁺} ⟨e_p, e_v⟩ − Σ_{p∈P⁻, p∈attrs(v)} σ(⟨e_p, e_v⟩).
 * A rejected attribute never filters; it only lowers the items that have it.
 */
export function itemScore(s: Scorer, u: number, v: number, accepted: readonly number[], rejected: readonly number[]): number {
  const na = s.embeddings.numAttributes;
  let x = s.userItemScores(u)[v];
  for (const p of accepted) x += s.itemAttrDot[v * na + p];
  for (const p of rejected) if (itemHas(s.table, v, p)) x -= sigmoid(s.itemAttrDot[v * na + p]);
  return x;
}

/** `itemScore` for each of `items`, aligned with it. */
export function scoreItems(s: Scorer, u: number, items: ArrayLike<number>, accepted: readonly number[], rejected: readonly number[]): Float64Array {
  const out = new Float64Array(items.length);
  for (let k = 0; k < items.length; k++) out[k] = itemScore(s, u, items[k], accepted, rejected);
  return out;
}

/**
 * The official code's attribute preference (its ranking of attributes on LastFM, LastFM*, Yelp*):
 *   pref(u, p) = ⟨e_u, e_p⟩ + Σ_{p'∈P⁺} ⟨e_p, e_p'⟩.
 */
export function attributePreference(s: Scorer, u: number, p: number, accepted: readonly number[]): number {
  const e = s.embeddings;
  let x = dotRows(e.users, u, e.attributes, p, e.dim);
  for (const q of accepted) x += dotRows(e.attributes, p, e.attributes, q, e.dim);
  return x;
}

/**
 * Weighted entropy of every attribute over the candidates (UNICORN §3.3), with w_v = σ(s_v):
 *   p₁(a) = Σ_{v∈cand, a∈attrs(v)} w_v / Σ_{v∈cand} w_v,   H(a) = −p₁ log₂ p₁ − (1−p₁) log₂(1−p₁)  (0 log 0 = 0),
 * in bits, in [0, 1]. `scores` is aligned with `candidates`. Returns H for all attributes (0 where p₁ ∈ {0, 1}).
 */
export function weightedEntropies(table: AttributeTable, candidates: ArrayLike<number>, scores: ArrayLike<number>): Float64Array {
  const na = numAttributes(table);
  const mass = new Float64Array(na);
  let total = 0;
  for (let k = 0; k < candidates.length; k++) {
    const w = sigmoid(scores[k]);
    total += w;
    const v = candidates[k];
    for (let e = table.itemPtr[v]; e < table.itemPtr[v + 1]; e++) mass[table.itemAttrs[e]] += w;
  }
  const h = new Float64Array(na);
  if (total <= 0) return h;
  for (let p = 0; p < na; p++) {
    const p1 = Math.min(1, mass[p] / total);
    h[p] = (p1 > 0 ? -p1 * Math.log2(p1) : 0) + (p1 < 1 ? -(1 - p1) * Math.log2(1 - p1) : 0);
  }
  return h;
}
