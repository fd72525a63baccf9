// Softmax matrix factorisation: π_u = softmax(U_u Vᵀ + b) over the whole catalogue.
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../random/rng';
import { gatherRows, matMulFast, variableFrom } from '../tf/ops';
import { restoreVariables, snapshotVariables } from './model';
import type { SoftmaxPolicy } from './softmaxPolicy';

/** A user vector U_u and an item vector V_i of size `dim` (N(0, 0.1²) from `rng`) and an item bias b_i (0). */
export function createSoftmaxMf(numUsers: number, numItems: number, dim: number, rng: Rng): SoftmaxPolicy {
  const U = variableFrom(rng.normalArray(numUsers * dim, 0.1), [numUsers, dim]);
  const V = variableFrom(rng.normalArray(numItems * dim, 0.1), [numItems, dim]);
  const b = variableFrom(new Float32Array(numItems), [1, numItems]);
  return {
    numItems,
    // U_u · (Vᵀ), transposed first: tfjs-wasm runs transposed matmuls (forward and backward) ~14× slower.
    logits: (users) => tf.add(matMulFast(gatherRows(U, users), tf.transpose(V)), b) as tf.Tensor2D,
    variables: () => [U, V, b],
    shared: () => V,
    snapshot: () => snapshotVariables([U, V, b]),
    restore: (w) => restoreVariables([U, V, b], w),
    dispose() {
      U.dispose();
      V.dispose();
      b.dispose();
    },
  };
}
