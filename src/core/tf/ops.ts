// tfjs operations with the gradients that make training fast and portable on every backend (tfjs-notes.md).
import * as tf from '@tensorflow/tfjs';

type Arg = tf.Tensor | tf.GradSaveFunc;

/**
 * Rows `idx` of `table` (an embedding lookup), with the gradient scattered back by `scatterND`.
 * tfjs's own gather gradient uses UnsortedSegmentSum: 7 s per MF step on cpu and missing on wasm.
 * Repeated indices add up in scatterND, exactly as the gather gradient requires. The forward pass is
 * gatherND(table, idx[:, None]) — the same values as tf.gather, but on wasm tf.gather of 4,096 rows × 32 takes
 * ~5 ms and gatherND ~0.2 ms (Node, tfjs 4.22).
 */
export function gatherRows(table: tf.Tensor2D, idx: tf.Tensor1D): tf.Tensor2D {
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

/**
 * a·C for a constant C (a fixed pooling or selection matrix): only a gets a gradient, dA = dY·Cᵀ, with Cᵀ given by
 * the caller (computed once), so a step neither transposes C nor computes the unused Aᵀ·dY.
 */
export function matMulConst(a: tf.Tensor2D, c: tf.Tensor2D, cT: tf.Tensor2D): tf.Tensor2D {
  const f = tf.customGrad((...args: Arg[]) => {
    const [x] = args as [tf.Tensor2D, tf.GradSaveFunc];
    return { value: tf.matMul(x, c), gradFunc: (dy: tf.Tensor | tf.Tensor[]) => tf.matMul(dy as tf.Tensor2D, cT) };
  });
  return f(a) as tf.Tensor2D;
}

/**
 * Batched a·b (B × m × k times B × k × n) whose backward pass transposes first, like tf/ops.ts `matMulFast` for
 * 2-D: dA = dY·Bᵀ, dB = Aᵀ·dY, each as a plain batched product of an explicitly transposed operand. On wasm, plain
 * products with batch > 1 run in our WebAssembly SIMD kernel (tf/wasmBatchMatMul.ts, installed by selectBackend):
 * 5–9× tfjs-wasm's own scalar loop on P5's attention shapes; transpose flags would send them back to that loop.
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

/*
 * Transcendentals around tfjs-wasm's slow kernels. Its Tanh and Exp run a scalar libm loop (~13 ns an element here:
 * tanh of 500 × 600 takes ~13 ms, exp ~4 ms), while Sigmoid is XNNPACK's vectorised kernel (~1 ms for the same
 * 300,000 elements) and Softmax one native pass. The forms below give the same values to float32 rounding, on
 * every backend (they cost next to nothing on webgl / webgpu too, and keep the backends in step).
 */

/**
 * tanh(x) = 2σ(2x) − 1 (|error| < 3e-7 against tf.tanh); its gradient is σ's, through the same graph. Forward +
 * backward over 500 × 600 on wasm: ~3 ms against tf.tanh's ~8–15 ms.
 */
export function tanh<T extends tf.Tensor>(x: T): T {
  return tf.sub(tf.mul(2, tf.sigmoid(tf.mul(2, x))), 1) as T;
}

/**
 * log softmax over the last axis without an Exp kernel: with s = softmax(x) (tfjs-wasm's Softmax is one native
 * pass) and z = x − max x, the largest s is e⁰ / Σ e^z, so log Σ e^z = −log max s and log softmax = z + log max s
 * (max s ≥ 1/n: nothing underflows). The gradient is dy − (Σ dy) · s with the saved s. On wasm, forward + backward
 * over 500 × 1,700 logits: ~14 ms against tf.logSoftmax's ~28–49 ms (which runs max, sub, exp, sum, log and its
 * backward pass's exp as separate kernels), and closer to a float64 log softmax (max error 4e-6 against 1e-5).
 */
export const logSoftmax = tf.customGrad((...args: Arg[]) => {
  const [x, save] = args as [tf.Tensor, tf.GradSaveFunc];
  const axis = x.rank - 1;
  const s = tf.softmax(x);
  save([s]);
  return {
    value: tf.add(tf.sub(x, tf.max(x, axis, true)), tf.log(tf.max(s, axis, true))),
    gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
      const g = dy as tf.Tensor;
      return tf.sub(g, tf.mul(tf.sum(g, axis, true), saved[0]));
    },
  };
}) as <T extends tf.Tensor>(x: T) => T;

/** Optimisers the labs offer. */
export type OptimizerName = 'adam' | 'sgd';

/**
 * An optimiser with an explicit Adam epsilon: tfjs otherwise picks 1e-4 on webgl (float16 precision flag)
 * and 1e-7 elsewhere, and runs diverge across backends. tfjs's Adam runs 14 element-wise kernels per variable; an
 * Adam with one JavaScript kernel per variable on the wasm heap (bit for bit the same numbers, Math.fround after each
 * operation) was measured and dropped (issue 18): slower for every variable past a few thousand weights (BPR-MF's
 * step 3.3 → 4.7 ms), as XNNPACK's vectorised passes beat one scalar JavaScript loop.
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
