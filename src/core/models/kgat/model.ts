// KGAT (Wang, He, Cao, Liu, Chua, KDD 2019) as its official code trains it: TransR embeddings and loss, attentive
// propagation with the Bi-Interaction aggregator, each layer's output L2-normalised before the concatenation, BPR.
import * as tf from '@tensorflow/tfjs';
import { heartbeat } from '../../heartbeat';
import type { Rng } from '../../random/rng';
import { gatherRows, makeOptimizer, matMulFast, tanh, variableFrom } from '../../tf/ops';
import { restoreVariables, snapshotVariables, type ModelWeights, type TrainableModel } from '../model';
import { softmaxByHead, type CollaborativeGraph } from './graph';
import { createAdjacency, propagate, type SparseAdjacency } from './propagate';

export interface KgatSpec {
  /** Size d of the base embeddings e (and of TransR's relation space). */
  dim: number;
  /** Output sizes of the propagation layers; [] = no propagation (BPR-MF on the base embeddings). */
  layers: readonly number[];
  /** Recompute π(h, r, t) from the embeddings once per epoch (true), or keep the initial row-normalised weights. */
  attention: boolean;
  /** Train the TransR loss on the graph's triples (false for BPR-MF). */
  transR: boolean;
  /** Message dropout on every layer's output while training. */
  dropout: number;
  learningRate: number;
  /** λ of the L2 terms on the batch's embeddings (the official code's 1e-5, for both losses). */
  l2: number;
}

export interface Kgat extends TrainableModel {
  spec: KgatSpec;
  /** Length of e* (d + Σ layer sizes): what ŷ(u, i) = e*_uᵀ e*_i multiplies. */
  outputDim: number;
  /**
   * One CF step (BPR on e*): L = mean −ln σ(ŷ(u,i) − ŷ(u,j)) + λ · mean (‖e*_u‖² + ‖e*_i‖² + ‖e*_j‖²) / 2, with the
   * whole graph propagated once (message dropout on). Items are item ids (not node ids). Returns the loss (caller owns it).
   */
  cfStep(users: Int32Array, pos: Int32Array, neg: Int32Array, dropoutSeed: number): tf.Scalar;
  /**
   * One TransR step on triples (h, r, t) against corrupted tails t′: g = ‖W_r e_h + e_r − W_r e_t‖²,
   * L = mean −ln σ(g(h,r,t′) − g(h,r,t)) + λ · mean (‖W_r e_h‖² + ‖e_r‖² + ‖W_r e_t‖² + ‖W_r e_t′‖²) / 2.
   */
  kgStep(h: Int32Array, r: Int32Array, t: Int32Array, tNeg: Int32Array): tf.Scalar;
  /** π(h, r, t) = (W_r e_t)ᵀ tanh(W_r e_h + e_r), softmax over each head's neighbours, as the new edge weights. */
  updateAttention(): Promise<void>;
  /** The current edge weights (graph edge order): the attention, or the initial weights. */
  edgeWeights(): Float32Array;
  /** Puts back edge weights from {@link edgeWeights} (with a snapshot of the variables: a best-validation copy). */
  setEdgeWeights(w: Float32Array): void;
  /** e* of every node without dropout, [numNodes, outputDim] (caller owns it). */
  embeddings(): tf.Tensor2D;
  /** Trainable scalars it uses: TransR's relation embeddings and matrices only when it trains TransR. */
  paramCount(): number;
}

/** The propagation layers' sizes the official code uses, scaled: d, d/2, d/4, … (at least 2). */
export function layerSizes(dim: number, depth: number): number[] {
  return Array.from({ length: depth }, (_, l) => Math.max(2, Math.floor(dim / 2 ** l)));
}

/** Xavier-normal draws for a fan-in × fan-out matrix (the official port's xavier initialisation, normal form). */
function xavier(rng: Rng, rows: number, cols: number): Float32Array {
  return rng.normalArray(rows * cols, Math.sqrt(2 / (rows + cols)));
}

/** mean over rows of ‖x‖² / 2: the official code's `_L2_loss_mean`. */
function l2Mean(x: tf.Tensor2D): tf.Scalar {
  return tf.div(tf.mean(tf.sum(tf.square(x), 1)), 2) as tf.Scalar;
}

export function createKgat(graph: CollaborativeGraph, spec: KgatSpec, rng: Rng): Kgat {
  const N = graph.numNodes;
  const d = spec.dim;
  const R = graph.relationNames.length;
  const E = variableFrom(xavier(rng, N, d), [N, d]);
  const relE = variableFrom(xavier(rng, R, d), [R, d]);
  // W_r for every relation side by side, d × (R·d): E·W gives every node projected into every relation's space at
  // once (N × R·d, a few MFLOP), and a triple's W_r e_h is row h·R + r of it — rows gathered, not d × d matrices.
  const wInit = new Float32Array(d * R * d);
  for (let r = 0; r < R; r++) {
    const w = xavier(rng, d, d);
    for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) wInit[a * R * d + r * d + b] = w[a * d + b];
  }
  const relW = variableFrom(wInit, [d, R * d]);
  /** W_r e_n for every node n and relation r, as rows n·R + r of an (N·R) × d matrix. */
  const projected = () => tf.reshape(matMulFast(E, relW), [N * R, d]) as tf.Tensor2D;
  const layers = spec.layers.map((out, l) => {
    const inDim = l === 0 ? d : spec.layers[l - 1];
    return {
      W1: variableFrom(xavier(rng, inDim, out), [inDim, out]),
      b1: variableFrom(new Float32Array(out), [1, out]),
      W2: variableFrom(xavier(rng, inDim, out), [inDim, out]),
      b2: variableFrom(new Float32Array(out), [1, out]),
    };
  });
  const layerVars = layers.flatMap((x) => [x.W1, x.b1, x.W2, x.b2]);
  const adj: SparseAdjacency | null = spec.layers.length ? createAdjacency(graph, graph.initialWeights) : null;
  const cfOpt = makeOptimizer('adam', spec.learningRate);
  const kgOpt = makeOptimizer('adam', spec.learningRate);
  const cfVars = [E, ...layerVars];
  const kgVars = [E, relE, relW];
  const all = [E, relE, relW, ...layerVars];
  const outputDim = d + spec.layers.reduce((s, x) => s + x, 0);
  /** e* = [e⁽⁰⁾ ‖ ê⁽¹⁾ ‖ … ‖ ê⁽ᴸ⁾], ê⁽ˡ⁾ = e⁽ˡ⁾ / ‖e⁽ˡ⁾‖ and e⁽ˡ⁾ = LeakyReLU(W₁(e + e_N) + b₁) + LeakyReLU(W₂(e ⊙ e_N) + b₂), dropped out. */
  const forward = (dropoutSeed: number | null): tf.Tensor2D => {
    if (!adj) return E;
    let ego: tf.Tensor2D = E;
    const parts: tf.Tensor2D[] = [E];
    layers.forEach((layer, l) => {
      const side = propagate(adj, ego);
      const sum = tf.leakyRelu(tf.add(matMulFast(tf.add(ego, side), layer.W1), layer.b1), 0.01);
      const bi = tf.leakyRelu(tf.add(matMulFast(tf.mul(ego, side), layer.W2), layer.b2), 0.01);
      let out = tf.add(sum, bi) as tf.Tensor2D;
      if (dropoutSeed !== null && spec.dropout > 0) out = tf.dropout(out, spec.dropout, undefined, dropoutSeed + l) as tf.Tensor2D;
      ego = out;
      // F.normalize(x, p=2, dim=1): x / max(‖x‖, 1e-12), with the clamp under the square root: tf.norm's gradient at a
      // zero row (every unit dropped out) is 0/0 = NaN, the clamped one is 0, as PyTorch's.
      parts.push(tf.div(out, tf.sqrt(tf.maximum(tf.sum(tf.square(out), 1, true), 1e-24))) as tf.Tensor2D);
    });
    return tf.concat(parts, 1);
  };

  return {
    spec,
    outputDim,
    variables: () => all,
    snapshot: () => snapshotVariables(all),
    restore: (w: ModelWeights) => restoreVariables(all, w),
    cfStep(users, pos, neg, dropoutSeed) {
      return tf.tidy(() => {
        const u = tf.tensor1d(users, 'int32');
        const i = tf.tensor1d(Int32Array.from(pos, (x) => x + graph.numUsers), 'int32');
        const j = tf.tensor1d(Int32Array.from(neg, (x) => x + graph.numUsers), 'int32');
        return cfOpt.minimize(
          () => {
            const all = forward(dropoutSeed);
            const eu = gatherRows(all, u);
            const ei = gatherRows(all, i);
            const ej = gatherRows(all, j);
            const x = tf.sum(tf.mul(eu, tf.sub(ei, ej)), 1);
            const reg = tf.add(tf.add(l2Mean(eu), l2Mean(ei)), l2Mean(ej));
            return tf.add(tf.mean(tf.softplus(tf.neg(x))), tf.mul(spec.l2, reg)) as tf.Scalar;
          },
          true,
          cfVars,
        ) as tf.Scalar;
      });
    },
    kgStep(h, r, t, tNeg) {
      return tf.tidy(() => {
        const at = (nodes: Int32Array) => tf.tensor1d(Int32Array.from(nodes, (n, b) => n * R + r[b]), 'int32');
        const ri = tf.tensor1d(r, 'int32');
        const hr = at(h);
        const tr = at(t);
        const nr = at(tNeg);
        return kgOpt.minimize(
          () => {
            const P = projected();
            const rh = gatherRows(P, hr);
            const rt = gatherRows(P, tr);
            const rn = gatherRows(P, nr);
            const er = gatherRows(relE, ri);
            const base = tf.add(rh, er);
            const pos = tf.sum(tf.square(tf.sub(base, rt)), 1);
            const neg = tf.sum(tf.square(tf.sub(base, rn)), 1);
            const reg = tf.add(tf.add(l2Mean(rh), l2Mean(er)), tf.add(l2Mean(rt), l2Mean(rn)));
            return tf.add(tf.mean(tf.softplus(tf.sub(pos, neg))), tf.mul(spec.l2, reg)) as tf.Scalar;
          },
          true,
          kgVars,
        ) as tf.Scalar;
      });
    },
    async updateAttention() {
      if (!adj || !spec.attention) return;
      const parts = tf.tidy(() => {
        heartbeat();
        const P = projected();
        const rows = (nodes: Int32Array) => tf.tensor2d(Int32Array.from(nodes, (n, e) => n * R + graph.relation[e]), [nodes.length, 1], 'int32');
        const rh = tf.gatherND(P, rows(graph.head)) as tf.Tensor2D;
        const rt = tf.gatherND(P, rows(graph.tail)) as tf.Tensor2D;
        const er = tf.gatherND(relE, tf.tensor2d(graph.relation, [graph.relation.length, 1], 'int32')) as tf.Tensor2D;
        return [tf.sum(tf.mul(rt, tanh(tf.add(rh, er))), 1)];
      });
      const stacked = tf.concat(parts);
      let flat: Float32Array;
      try {
        flat = (await stacked.data()) as Float32Array;
      } finally {
        stacked.dispose();
        tf.dispose(parts);
      }
      adj.setWeights(softmaxByHead(flat, graph.start));
    },
    edgeWeights: () => (adj ? adj.weights() : Float32Array.from(graph.initialWeights)),
    setEdgeWeights: (w) => adj?.setWeights(w),
    paramCount: () => (spec.transR ? all : cfVars).reduce((n, v) => n + v.size, 0),
    embeddings: () => tf.tidy(() => (adj ? forward(null) : tf.clone(E))),
    dispose() {
      for (const v of all) v.dispose();
      adj?.dispose();
      cfOpt.dispose();
      kgOpt.dispose();
    },
  };
}
