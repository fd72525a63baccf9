// A recommender as a policy: per user, a softmax over the whole catalogue (the weighting lab's backbones, the shared warm start).
import * as tf from '@tensorflow/tfjs';
import { logSoftmax } from '../tf/ops';
import { heartbeat } from '../heartbeat';
import type { TrainableModel } from './model';

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
export interface SoftmaxPolicy extends TrainableModel {
  readonly numItems: number;
  readonly readsInputs?: boolean;
  /** Logits for `users` (B × I); differentiable w.r.t. the policy's variables. */
  logits(users: tf.Tensor1D, opts?: LogitOptions): tf.Tensor2D;
  /** The item-side variable every objective's gradient flows through (GradNorm normalises on it). */
  shared(): tf.Variable;
  /**
   * The model's own warm-start loss for `target` (B × I, each row the user's items weighted 1/|row|), when it
   * is more than the multinomial likelihood {@link multinomialNll} (e.g. Mult-VAE adds β·KL from the same pass).
   */
  warmLoss?(users: tf.Tensor1D, opts: LogitOptions, target: tf.Tensor2D): tf.Scalar;
}

/** The warm start's loss: −mean_u Σ_i target_ui log softmax(logits)_ui (Mult-VAE's multinomial likelihood). */
export function multinomialNll(logits: tf.Tensor2D, target: tf.Tensor2D): tf.Scalar {
  return tf.neg(tf.mean(tf.sum(tf.mul(target, logSoftmax(logits)), 1))) as tf.Scalar;
}

/**
 * Per-user logits of `users` in blocks of 256, handed to `each` with the block's users (one read-back per block).
 * A model that reads inputs reads each user's training items (`trainRows`).
 */
export async function forEachScoreBlock(policy: SoftmaxPolicy, users: Int32Array, trainRows: readonly Int32Array[], each: (scores: Float32Array, block: Int32Array) => void): Promise<void> {
  for (let s = 0; s < users.length; s += 256) {
    heartbeat();
    const block = users.subarray(s, s + 256);
    const inputs = policy.readsInputs ? Array.from(block, (u) => trainRows[u]) : undefined;
    const t = tf.tidy(() => policy.logits(tf.tensor1d(block, 'int32'), { inputs }));
    const scores = (await t.data()) as Float32Array;
    t.dispose();
    each(scores, block);
  }
}
