// The weighting lab's policy: softmax matrix factorisation, π_u = softmax(U_u Vᵀ + b) over the catalogue.
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../../random/rng';
import { gatherRows, makeOptimizer, matMulFast, variableFrom } from '../../tf/ops';

/** A policy's weights as plain arrays, one per variable in `variables()` order (the shared warm start). */
export type PolicyWeights = Float32Array[];

/** What a policy may read besides the user id: the items the user shows now, and whether it is training. */
export interface LogitOptions {
  /**
   * Per user of the batch, the items the model may look at (models that encode a user's items, such as
   * autoencoders, must never see the items a reward or loss is about). Absent: the user's training items.
   */
  inputs?: readonly Int32Array[];
  /** Training pass (dropout on, sampled noise on); evaluation and sampling use false. */
  training?: boolean;
}

/**
 * A recommender as a policy: a softmax over the catalogue per user. MF ignores `inputs`; models that read them
 * set `readsInputs` so the lab splits visible from hidden items before asking for logits.
 */
export interface SoftmaxPolicy {
  readonly numItems: number;
  readonly readsInputs?: boolean;
  /** Logits for `users` (B × I); differentiable w.r.t. the policy's variables. */
  logits(users: tf.Tensor1D, opts?: LogitOptions): tf.Tensor2D;
  variables(): tf.Variable[];
  /** The item-side variable every objective's gradient flows through (GradNorm normalises on it). */
  shared(): tf.Variable;
  /**
   * The model's own warm-start loss for `target` (B × I, each row the user's items weighted 1/|row|), when it
   * is more than the multinomial likelihood {@link multinomialNll} (e.g. Mult-VAE adds β·KL from the same pass).
   */
  warmLoss?(users: tf.Tensor1D, opts: LogitOptions, target: tf.Tensor2D): tf.Scalar;
  /** A copy of the current weights (the warm start every run of a sweep shares). */
  snapshot(): Promise<PolicyWeights>;
  restore(w: PolicyWeights): void;
  dispose(): void;
}

/** The warm start's loss: −mean_u Σ_i target_ui log softmax(logits)_ui (Mult-VAE's multinomial likelihood). */
export function multinomialNll(logits: tf.Tensor2D, target: tf.Tensor2D): tf.Scalar {
  return tf.neg(tf.mean(tf.sum(tf.mul(target, tf.logSoftmax(logits)), 1))) as tf.Scalar;
}

/** Copies of `vars` as arrays, in order (one read-back each, at the end of a warm start). */
export async function snapshotVariables(vars: readonly tf.Variable[]): Promise<PolicyWeights> {
  return Promise.all(vars.map(async (v) => (await v.data()) as Float32Array));
}

/** Assigns arrays from {@link snapshotVariables} back to `vars`. */
export function restoreVariables(vars: readonly tf.Variable[], w: PolicyWeights): void {
  if (w.length !== vars.length) throw new RangeError(`snapshot has ${w.length} arrays for ${vars.length} variables`);
  tf.tidy(() => vars.forEach((v, j) => v.assign(tf.tensor(w[j], v.shape))));
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
        // A model that reads a user's items reads all of them here: the warm start is plain reconstruction
        // (denoised by the model's own dropout, if any).
        const logitOpts = { inputs: policy.readsInputs ? Array.from(users, (u) => trainRows[u]) : undefined, training: true };
        losses.push(
          tf.tidy(() => {
            const x = tf.tensor2d(target, [users.length, policy.numItems]);
            const u = tf.tensor1d(users, 'int32');
            return optimizer.minimize(() => (policy.warmLoss ? policy.warmLoss(u, logitOpts, x) : multinomialNll(policy.logits(u, logitOpts), x)), true, policy.variables())!;
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

/**
 * Per-user logits of `users` in blocks of 256, handed to `each` with the block's users (one read-back per block).
 * A model that reads inputs reads each user's training items (`trainRows`).
 */
export async function forEachScoreBlock(policy: SoftmaxPolicy, users: Int32Array, trainRows: readonly Int32Array[], each: (scores: Float32Array, block: Int32Array) => void): Promise<void> {
  for (let s = 0; s < users.length; s += 256) {
    const block = users.subarray(s, s + 256);
    const inputs = policy.readsInputs ? Array.from(block, (u) => trainRows[u]) : undefined;
    const t = tf.tidy(() => policy.logits(tf.tensor1d(block, 'int32'), { inputs }));
    const scores = (await t.data()) as Float32Array;
    t.dispose();
    each(scores, block);
  }
}
