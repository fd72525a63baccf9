// One step of propagation over the whole graph, e_N(h) = Σ_{(h,r,t)} π(h,r,t) e_t, as two sparse segment sums.
import * as tf from '@tensorflow/tfjs';
import type { CollaborativeGraph } from './graph';

type Arg = tf.Tensor | tf.GradSaveFunc;

/**
 * The weighted adjacency A (A[h, t] = π of edge (h, r, t)) on the device, in the two orders its product and the
 * product's gradient read: by head (forward, e_N = A·X) and by tail (backward, dX = Aᵀ·dY). The weights change
 * once per epoch (the attention update); the structure never does.
 */
export interface SparseAdjacency {
  numNodes: number;
  /** Replaces the edge weights (in the graph's edge order). */
  setWeights(w: Float32Array): void;
  /** The current weights, in edge order (a copy). */
  weights(): Float32Array;
  dispose(): void;
  /** @internal the device tensors */
  readonly t: {
    tailAt: tf.Tensor2D;
    headSeg: tf.Tensor1D;
    headAt: tf.Tensor2D;
    tailSeg: tf.Tensor1D;
    edges: tf.Tensor1D;
    w: tf.Tensor2D;
    wT: tf.Tensor2D;
  };
}

export function createAdjacency(g: CollaborativeGraph, initial: Float32Array): SparseAdjacency {
  const E = g.head.length;
  const headByTail = Int32Array.from(g.byTail, (e) => g.head[e]);
  const tailByTail = Int32Array.from(g.byTail, (e) => g.tail[e]);
  let current = Float32Array.from(initial);
  const t = {
    tailAt: tf.tensor2d(g.tail, [E, 1], 'int32'),
    headSeg: tf.tensor1d(g.head, 'int32'),
    headAt: tf.tensor2d(headByTail, [E, 1], 'int32'),
    tailSeg: tf.tensor1d(tailByTail, 'int32'),
    edges: tf.tensor1d(Int32Array.from({ length: E }, (_, e) => e), 'int32'),
    w: tf.tensor2d(current, [E, 1]),
    wT: tf.tensor2d(Float32Array.from(g.byTail, (e) => current[e]), [E, 1]),
  };
  return {
    numNodes: g.numNodes,
    t,
    setWeights(w) {
      if (w.length !== E) throw new RangeError(`expected ${E} edge weights, got ${w.length}`);
      current = Float32Array.from(w);
      t.w.dispose();
      t.wT.dispose();
      t.w = tf.tensor2d(current, [E, 1]);
      t.wT = tf.tensor2d(Float32Array.from(g.byTail, (e) => current[e]), [E, 1]);
    },
    weights: () => Float32Array.from(current),
    dispose() {
      for (const x of Object.values(t)) x.dispose();
    },
  };
}

/** Σ over each segment of `rows` (segment ids sorted), padded with zero rows to `n` (a segment sum stops at its last id). */
function segmentSum(rows: tf.Tensor2D, edges: tf.Tensor1D, seg: tf.Tensor1D, n: number): tf.Tensor2D {
  const s = tf.sparse.sparseSegmentSum(rows, edges, seg) as tf.Tensor2D;
  return s.shape[0] === n ? s : (tf.pad(s, [[0, n - s.shape[0]], [0, 0]]) as tf.Tensor2D);
}

/**
 * A·X over the graph: row h = Σ_{edges e with head h} w_e · X[tail_e]. Gradient for X only (the weights are
 * constants of the step): dX = Aᵀ·dY, row t = Σ_{edges e with tail t} w_e · dY[head_e] — the same two kernels
 * over the edges in tail order. A gather of the rows and a sorted segment sum: no UnsortedSegmentSum (missing on
 * wasm) and no dense N × N matrix.
 */
export function propagate(adj: SparseAdjacency, X: tf.Tensor2D): tf.Tensor2D {
  const { t } = adj;
  const n = adj.numNodes;
  const f = tf.customGrad((...args: Arg[]) => {
    const [x] = args as [tf.Tensor2D, tf.GradSaveFunc];
    const messages = tf.mul(tf.gatherND(x, t.tailAt) as tf.Tensor2D, t.w) as tf.Tensor2D;
    return {
      value: segmentSum(messages, t.edges, t.headSeg, n),
      gradFunc: (dy: tf.Tensor | tf.Tensor[]) => segmentSum(tf.mul(tf.gatherND(dy as tf.Tensor2D, t.headAt), t.wT) as tf.Tensor2D, t.edges, t.tailSeg, n),
    };
  });
  return f(X) as tf.Tensor2D;
}
