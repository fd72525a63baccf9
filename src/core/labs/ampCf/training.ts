// AMP-CF's training objective: sampled softmax over [positive, negatives] plus the attention-entropy term, and Adam steps.
import * as tf from '@tensorflow/tfjs';
import { makeOptimizer } from '../../tf/ops';
import type { AmpCf } from '../../models/ampCf/model';

/**
 * Sampled-softmax cross-entropy, column 0 of each row being the positive:
 * L = mean_b [ −log softmax(s_b)_0 ] = mean_b [ logsumexp_j s_bj − s_b0 ]  (nats per positive; lower = better).
 * With 1 + K candidates scored alike the loss is ln(1 + K).
 */
export function sampledSoftmaxLoss(scores: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.sub(tf.logSumExp(scores, 1), tf.squeeze(tf.slice(scores, [0, 0], [-1, 1]), [1]))) as tf.Scalar);
}

/**
 * Shannon entropy in nats of each attention distribution over the last axis: H(α) = −Σ_p α_p ln α_p, in [0, ln P]
 * (0 = one persona takes it all, ln P = spread evenly). Terms with α_p = 0 count 0 (α is offset by 1e-12 in the log).
 */
export function attentionEntropy(attention: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.neg(tf.sum(tf.mul(attention, tf.log(tf.add(attention, 1e-12))), -1)));
}

/**
 * The attention-entropy term, attention B × n × P with column 0 the positive:
 * E = mean_b H(α_{b,0}) − mean_{b, j ≥ 1} H(α_{b,j}).
 * Minimising it makes attention peaked on items the user took (one persona explains each) and spread on sampled
 * negatives (no persona claims them). It is 0 for P = 1 (every entropy is 0) and lies in [−ln P, ln P].
 */
export function entropyTerm(attention: tf.Tensor3D): tf.Scalar {
  return tf.tidy(() => {
    const H = attentionEntropy(attention) as tf.Tensor2D; // B × n
    const pos = tf.mean(tf.slice(H, [0, 0], [-1, 1]));
    const neg = H.shape[1] > 1 ? tf.mean(tf.slice(H, [0, 1], [-1, -1])) : tf.scalar(0);
    return tf.sub(pos, neg) as tf.Scalar;
  });
}

export interface AmpCfTrainingOptions {
  learningRate: number;
  /** Weight of the L2 penalty {@link AmpCfForward.sqNorm}. */
  l2: number;
  /** λ of the attention-entropy term (0 = off). */
  entropyWeight: number;
}

/**
 * The loss of one batch: L = sampledSoftmax + λ · entropyTerm + l2 · sqNorm, users int32 B, items int32 B × n
 * (column 0 the positive, the rest sampled negatives).
 */
export function ampCfLoss(model: AmpCf, users: tf.Tensor1D, items: tf.Tensor2D, opts: Omit<AmpCfTrainingOptions, 'learningRate'>): tf.Scalar {
  const f = model.forward(users, items);
  let loss = sampledSoftmaxLoss(f.scores);
  if (opts.entropyWeight > 0 && model.personas > 1) loss = tf.add(loss, tf.mul(opts.entropyWeight, entropyTerm(f.attention)));
  if (opts.l2 > 0) loss = tf.add(loss, tf.mul(opts.l2, f.sqNorm));
  return loss;
}

export interface AmpCfTrainer {
  /**
   * One Adam step on a batch: `users` (B) and `items` (row-major B × width, column 0 the positive). Returns the
   * batch loss as a scalar tensor the caller owns (read it back in bulk, not per step).
   */
  step(users: Int32Array, items: Int32Array, width: number): tf.Scalar;
  dispose(): void;
}

/** Adam (explicit epsilon, see tf/ops.ts) on all of the model's variables with {@link ampCfLoss}. */
export function createAmpCfTrainer(model: AmpCf, opts: AmpCfTrainingOptions): AmpCfTrainer {
  const optimizer = makeOptimizer('adam', opts.learningRate);
  return {
    step(users, items, width) {
      return tf.tidy(() => {
        const u = tf.tensor1d(users, 'int32');
        const i = tf.tensor2d(items, [users.length, width], 'int32');
        return optimizer.minimize(() => ampCfLoss(model, u, i, opts), true, model.variables()) as tf.Scalar;
      });
    },
    dispose: () => optimizer.dispose(),
  };
}
