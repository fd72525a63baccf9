// The encoder's first layer over the catalogue, x̃·W₁, as a gather-sum of W₁'s rows (sparse) or a dense matmul.
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../../random/rng';

/** How the first layer is computed; both give the same values and gradients (firstLayer.test.ts). */
export type FirstLayerMode = 'sparse' | 'dense';

/**
 * A batch of users' input vectors in sparse form. The encoder's input for user r is
 * x̃_r = m_r ⊙ x_r / (‖x_r‖₂ · (1 − p)), with x_r the binary item vector, m_r the dropout keep-mask (all ones when
 * not training) and p the dropout rate — Mult-VAE's L2-normalised, dropout-corrupted input (Liang et al. 2018).
 * Every kept entry of a row has the same value, so a row is stored as its kept items and one scale.
 */
export interface InputBatch {
  /** Number of users (rows). */
  size: number;
  /** Kept item ids of all rows, row after row. */
  items: Int32Array;
  /** The row of each entry of `items`. */
  rowOf: Int32Array;
  /** Per row: 1 / (‖x_r‖₂ · (1 − p)) while training, 1 / ‖x_r‖₂ in evaluation; 0 for an empty row. */
  scale: Float32Array;
}

/**
 * Builds the input batch of `rows` (each user's items). While training, each item is kept with probability
 * 1 − dropout, drawn from `rng` in row order (tfjs has no global seed, so the mask must come from ours).
 * The norm is that of the full row, before dropout, as in the reference implementation (normalise, then drop).
 */
export function buildInputBatch(rows: readonly ArrayLike<number>[], opts: { training: boolean; dropout: number; rng?: Rng }): InputBatch {
  const drop = opts.training ? opts.dropout : 0;
  if (drop > 0 && !opts.rng) throw new Error('a training batch with dropout needs an Rng for its keep-mask');
  if (!(drop >= 0 && drop < 1)) throw new RangeError(`dropout must be in [0, 1), got ${drop}`);
  let total = 0;
  for (const r of rows) total += r.length;
  const items = new Int32Array(total);
  const rowOf = new Int32Array(total);
  const scale = new Float32Array(rows.length);
  let n = 0;
  rows.forEach((row, r) => {
    if (row.length === 0) return;
    scale[r] = 1 / (Math.sqrt(row.length) * (1 - drop));
    for (let j = 0; j < row.length; j++) {
      if (drop > 0 && opts.rng!.float() < drop) continue;
      items[n] = row[j];
      rowOf[n++] = r;
    }
  });
  return { size: rows.length, items: items.subarray(0, n), rowOf: rowOf.subarray(0, n), scale };
}

/** The batch as a dense row-major size × numItems matrix x̃ (for the dense first layer and for tests). */
export function denseInput(batch: InputBatch, numItems: number): Float32Array {
  const x = new Float32Array(batch.size * numItems);
  for (let e = 0; e < batch.items.length; e++) x[batch.rowOf[e] * numItems + batch.items[e]] = batch.scale[batch.rowOf[e]];
  return x;
}

type Arg = tf.Tensor | tf.GradSaveFunc;

/** The entries of `batch` ordered by item (counting sort, stable): the layout the backward pass sums over. */
function byItem(batch: InputBatch, numItems: number): { rows: Int32Array; items: Int32Array } {
  const start = new Int32Array(numItems + 1);
  for (const i of batch.items) start[i + 1]++;
  for (let i = 0; i < numItems; i++) start[i + 1] += start[i];
  const rows = new Int32Array(batch.items.length);
  const items = new Int32Array(batch.items.length);
  for (let e = 0; e < batch.items.length; e++) {
    const p = start[batch.items[e]]++;
    rows[p] = batch.rowOf[e];
    items[p] = batch.items[e];
  }
  return { rows, items };
}

/** Pads `t` (n × H, n ≤ rows) with zero rows at the bottom: a segment sum stops at its last non-empty segment. */
function padRows(t: tf.Tensor2D, rows: number): tf.Tensor2D {
  return t.shape[0] === rows ? t : tf.pad(t, [[0, rows - t.shape[0]], [0, 0]]);
}

/**
 * x̃·W₁ without touching the zeros of x̃: row r = scale_r · Σ_{i kept in r} W₁[i, :], one SparseSegmentSum
 * (gather rows of W₁ and add them per user, in a single kernel). Cost O(nnz · H) instead of O(B · I · H).
 * Gradient: ∂L/∂W₁[i] = Σ_{entries (r, i)} scale_r · ∂L/∂h_r — the same kernel with the roles swapped (gather rows
 * of dY ⊙ scale by user, add them per item, entries sorted by item on the CPU). Not tf.gather + a segment sum:
 * tfjs's gather gradient needs UnsortedSegmentSum, which wasm lacks, and wasm's gather of 26k × 600 rows alone
 * takes ~480 ms where SparseSegmentSum takes ~6 ms. Differentiable with respect to W₁ only.
 * Fast on wasm, cpu and webgpu; webgl runs SparseSegmentSum on the CPU (a download of W₁ per step): use 'dense' there.
 */
export function sparseFirstLayer(W1: tf.Tensor2D, batch: InputBatch): tf.Tensor2D {
  const [numItems, hidden] = W1.shape;
  if (batch.items.length === 0) return tf.mul(tf.zeros([batch.size, hidden]), tf.sum(W1, undefined, true)) as tf.Tensor2D;
  const back = byItem(batch, numItems);
  const f = tf.customGrad((...args: Arg[]) => {
    const [w, save] = args as [tf.Tensor2D, tf.GradSaveFunc];
    const scale = tf.tensor2d(batch.scale, [batch.size, 1]);
    const backRows = tf.tensor1d(back.rows, 'int32');
    const backItems = tf.tensor1d(back.items, 'int32');
    // Saved, not just captured: tensors made inside the differentiated function are otherwise freed before the
    // backward pass runs (see gatherRows in tf/ops.ts).
    save([scale, backRows, backItems]);
    const summed = tf.sparse.sparseSegmentSum(w, tf.tensor1d(batch.items, 'int32'), tf.tensor1d(batch.rowOf, 'int32')) as tf.Tensor2D;
    return {
      value: tf.mul(padRows(summed, batch.size), scale),
      gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
        const [ss, sr, si] = saved;
        return padRows(tf.sparse.sparseSegmentSum(tf.mul(dy as tf.Tensor, ss), sr as tf.Tensor1D, si as tf.Tensor1D) as tf.Tensor2D, numItems);
      },
    };
  });
  return f(W1) as tf.Tensor2D;
}

/**
 * x̃·W₁ as a dense matmul over the whole catalogue, O(B · I · H) forward and again backward. Its gradient is
 * computed for W₁ only (x̃ is data), with the transpose done first: tfjs-wasm runs transposed matmuls ~14× slower.
 */
export function denseFirstLayer(W1: tf.Tensor2D, batch: InputBatch): tf.Tensor2D {
  const [numItems] = W1.shape;
  const x = tf.tensor2d(denseInput(batch, numItems), [batch.size, numItems]);
  const f = tf.customGrad((...args: Arg[]) => {
    const [w, save] = args as [tf.Tensor2D, tf.GradSaveFunc];
    save([x]);
    return {
      value: tf.matMul(x, w),
      gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => tf.matMul(tf.transpose(saved[0]), dy as tf.Tensor2D),
    };
  });
  return f(W1) as tf.Tensor2D;
}

/** x̃·W₁ by the chosen method. */
export function firstLayer(mode: FirstLayerMode, W1: tf.Tensor2D, batch: InputBatch): tf.Tensor2D {
  return mode === 'sparse' ? sparseFirstLayer(W1, batch) : denseFirstLayer(W1, batch);
}
