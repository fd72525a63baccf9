// The weighting lab's policy: softmax matrix factorisation, π_u = softmax(U_u Vᵀ + b) over the catalogue.
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../../random/rng';
import { gatherRows, makeOptimizer, matMulFast, variableFrom } from '../../tf/ops';

export interface PolicyWeights {
  U: Float32Array;
  V: Float32Array;
  b: Float32Array;
}

export interface SoftmaxPolicy {
  readonly numItems: number;
  /** Logits U_u Vᵀ + b for `users` (B × I); differentiable w.r.t. the policy's variables. */
  logits(users: tf.Tensor1D): tf.Tensor2D;
  variables(): tf.Variable[];
  /** A copy of the current weights (the warm start every run of a sweep shares). */
  snapshot(): Promise<PolicyWeights>;
  restore(w: PolicyWeights): void;
  dispose(): void;
}

export function createSoftmaxPolicy(numUsers: number, numItems: number, dim: number, rng: Rng): SoftmaxPolicy {
  const U = variableFrom(rng.normalArray(numUsers * dim, 0.1), [numUsers, dim]);
  const V = variableFrom(rng.normalArray(numItems * dim, 0.1), [numItems, dim]);
  const b = variableFrom(new Float32Array(numItems), [1, numItems]);
  return {
    numItems,
    // U_u · (Vᵀ), transposed first: tfjs-wasm runs transposed matmuls (forward and backward) ~14× slower.
    logits: (users) => tf.add(matMulFast(gatherRows(U, users), tf.transpose(V)), b) as tf.Tensor2D,
    variables: () => [U, V, b],
    snapshot: async () => ({ U: (await U.data()) as Float32Array, V: (await V.data()) as Float32Array, b: (await b.data()) as Float32Array }),
    restore(w) {
      tf.tidy(() => {
        U.assign(tf.tensor2d(w.U, U.shape));
        V.assign(tf.tensor2d(w.V, V.shape));
        b.assign(tf.tensor2d(w.b, b.shape));
      });
    },
    dispose() {
      U.dispose();
      V.dispose();
      b.dispose();
    },
  };
}

/**
 * Warm start on the multinomial likelihood (accuracy only, Mult-VAE's loss): per user batch,
 * L = − mean_u Σ_{i ∈ train_u} log π_ui / |train_u|. Returns the mean loss of the last epoch.
 */
export async function warmStart(
  policy: SoftmaxPolicy,
  trainRows: readonly Int32Array[],
  opts: { epochs: number; batchUsers: number; learningRate: number },
  rng: Rng,
  signal?: AbortSignal,
): Promise<number> {
  const optimizer = makeOptimizer('adam', opts.learningRate);
  const numUsers = trainRows.length;
  let last = NaN;
  try {
    for (let e = 0; e < opts.epochs && !signal?.aborted; e++) {
      const order = rng.shuffle(Int32Array.from({ length: numUsers }, (_, u) => u));
      const losses: tf.Scalar[] = [];
      for (let s = 0; s < numUsers && !signal?.aborted; s += opts.batchUsers) {
        const users = order.subarray(s, s + opts.batchUsers);
        const target = new Float32Array(users.length * policy.numItems);
        users.forEach((u, r) => {
          const row = trainRows[u];
          for (const i of row) target[r * policy.numItems + i] = 1 / Math.max(1, row.length);
        });
        losses.push(
          tf.tidy(() => {
            const x = tf.tensor2d(target, [users.length, policy.numItems]);
            const u = tf.tensor1d(users, 'int32');
            return optimizer.minimize(() => tf.neg(tf.mean(tf.sum(tf.mul(x, tf.logSoftmax(policy.logits(u))), 1))) as tf.Scalar, true, policy.variables())!;
          }),
        );
      }
      if (!losses.length) break;
      // One read-back per epoch.
      const mean = tf.tidy(() => tf.mean(tf.stack(losses)));
      last = (await mean.data())[0];
      mean.dispose();
      losses.forEach((l) => l.dispose());
    }
  } finally {
    optimizer.dispose();
  }
  return last;
}
