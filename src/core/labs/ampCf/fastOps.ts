// Two tfjs operations with the forms that are fast on wasm: row lookup through gatherND, batched matmul without
// transposed products in its gradient.
import * as tf from '@tensorflow/tfjs';

type Arg = tf.Tensor | tf.GradSaveFunc;

/**
 * Rows `idx` of `table` (an embedding lookup) with the gradient scattered back by `scatterND` (repeated indices add
 * up, as the lookup's gradient requires). Same values as tf/ops.ts `gatherRows`, but the forward pass is
 * `gatherND(table, idx[:, None])`: on the wasm backend `tf.gather` of 4,096 rows × 32 takes ~5 ms and gatherND
 * ~0.2 ms (Node, tfjs 4.22, measured while building this lab), which made gather most of an AMP-CF step.
 */
export function gatherRowsNd(table: tf.Tensor2D, idx: tf.Tensor1D): tf.Tensor2D {
  const f = tf.customGrad((...args: Arg[]) => {
    const [t, save] = args as [tf.Tensor2D, tf.GradSaveFunc];
    const at = tf.expandDims(idx, 1);
    // Saved, not just captured: an index tensor made inside the differentiated function is otherwise freed
    // before the backward pass runs.
    save([at]);
    return {
      value: tf.gatherND(t, at) as tf.Tensor2D,
      gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => tf.scatterND(saved[0], dy as tf.Tensor, t.shape),
    };
  });
  return f(table) as tf.Tensor2D;
}

/**
 * Batched a·b (B × m × k times B × k × n) whose backward pass transposes first, like tf/ops.ts `matMulFast` for
 * 2-D: dA = dY·Bᵀ, dB = Aᵀ·dY, each as a plain batched product of an explicitly transposed operand.
 */
export const batchMatMulFast = tf.customGrad((...args: Arg[]) => {
  const [a, b, save] = args as [tf.Tensor3D, tf.Tensor3D, tf.GradSaveFunc];
  save([a, b]);
  return {
    value: tf.matMul(a, b),
    gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
      const [sa, sb] = saved as tf.Tensor3D[];
      const g = dy as tf.Tensor3D;
      return [tf.matMul(g, tf.transpose(sb, [0, 2, 1])), tf.matMul(tf.transpose(sa, [0, 2, 1]), g)];
    },
  };
}) as (a: tf.Tensor3D, b: tf.Tensor3D) => tf.Tensor3D;
