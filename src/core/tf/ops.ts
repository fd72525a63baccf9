// tfjs operations with the gradients that make training fast and portable on every backend (tfjs-notes.md).
import * as tf from '@tensorflow/tfjs';

type Arg = tf.Tensor | tf.GradSaveFunc;

/**
 * Rows `idx` of `table` (an embedding lookup), with the gradient scattered back by `scatterND`.
 * tfjs's own gather gradient uses UnsortedSegmentSum: 7 s per MF step on cpu and missing on wasm.
 * Repeated indices add up in scatterND, exactly as the gather gradient requires.
 */
export function gatherRows(table: tf.Tensor2D, idx: tf.Tensor1D): tf.Tensor2D {
  const f = tf.customGrad((...args: Arg[]) => {
    const [t, save] = args as [tf.Tensor2D, tf.GradSaveFunc];
    // Saved, not just captured: an index tensor made inside the differentiated function is otherwise freed
    // before the backward pass runs.
    save([idx]);
    return {
      value: tf.gather(t, idx),
      gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => tf.scatterND(tf.expandDims(saved[0], 1), dy as tf.Tensor, t.shape),
    };
  });
  return f(table) as tf.Tensor2D;
}

/**
 * a·b whose backward pass transposes first: tfjs-wasm runs transposed matmuls ~14× slower than plain ones.
 * dA = dY·Bᵀ, dB = Aᵀ·dY.
 */
export const matMulFast = tf.customGrad((...args: Arg[]) => {
  const [a, b, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.GradSaveFunc];
  save([a, b]);
  return {
    value: tf.matMul(a, b),
    gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
      const [sa, sb] = saved as tf.Tensor2D[];
      const g = dy as tf.Tensor2D;
      return [tf.matMul(g, tf.transpose(sb)), tf.matMul(tf.transpose(sa), g)];
    },
  };
}) as (a: tf.Tensor2D, b: tf.Tensor2D) => tf.Tensor2D;

/** Optimisers the labs offer. */
export type OptimizerName = 'adam' | 'sgd';

/**
 * An optimiser with an explicit Adam epsilon: tfjs otherwise picks 1e-4 on webgl (float16 precision flag)
 * and 1e-7 elsewhere, and runs diverge across backends.
 */
export function makeOptimizer(name: OptimizerName, learningRate: number): tf.Optimizer {
  return name === 'adam' ? tf.train.adam(learningRate, 0.9, 0.999, 1e-7) : tf.train.sgd(learningRate);
}

/** A trainable variable initialised from our seeded RNG's draws (same numbers on every backend). */
export function variableFrom(values: Float32Array, shape: [number, number]): tf.Variable<tf.Rank.R2> {
  // tf.variable copies the initial tensor's data reference without owning it: free the tensor here.
  const init = tf.tensor2d(values, shape);
  try {
    return tf.variable(init, true);
  } finally {
    init.dispose();
  }
}
