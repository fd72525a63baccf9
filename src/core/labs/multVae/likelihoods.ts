// Per-user log-likelihoods log p(x_u | f_u) of a click vector under the decoder's logits: the lab's objectives.
import * as tf from '@tensorflow/tfjs';
import { logSoftmax } from '../../tf/ops';
import type { LikelihoodName } from './variants';

/** Settings of the likelihoods that have any. */
export interface LikelihoodOptions {
  /**
   * Gaussian confidence weight of a click, c₁ (c₀ = 1 for a non-click). Liang et al. (2018, eq. 3) follow
   * Hu, Koren & Volinsky (ICDM 2008): c_ui = c_{x_ui} with c₁ > c₀, because the 0's far outnumber the 1's.
   */
  gaussianConfidence: number;
}

/**
 * Multinomial log-likelihood, log p(x_u | f_u) = Σ_i x_ui · log softmax(f_u)_i (up to the multinomial
 * coefficient, a constant). Items compete for one unit of probability mass, as top-N ranking does.
 * `x` and `logits` are B × I; returns the B per-user values, in nats (≤ 0). Higher is better.
 */
export function multinomialLogLik(x: tf.Tensor2D, logits: tf.Tensor2D): tf.Tensor1D {
  return tf.sum(tf.mul(x, logSoftmax(logits)), 1) as tf.Tensor1D;
}

/**
 * Gaussian log-likelihood with unit variance and confidence weights, up to a constant:
 * log p(x_u | f_u) = −Σ_i (c_ui / 2) · (x_ui − f_ui)², with c_ui = 1 for x_ui = 0 and c_ui = `confidence` for
 * x_ui = 1. Returns the B per-user values (≤ 0). Higher is better.
 */
export function gaussianLogLik(x: tf.Tensor2D, logits: tf.Tensor2D, confidence: number): tf.Tensor1D {
  return tf.tidy(() => {
    const c = tf.add(1, tf.mul(confidence - 1, x));
    return tf.neg(tf.sum(tf.mul(tf.mul(0.5, c), tf.square(tf.sub(x, logits))), 1)) as tf.Tensor1D;
  });
}

/**
 * Logistic (Bernoulli) log-likelihood: Σ_i x_ui · log σ(f_ui) + (1 − x_ui) · log(1 − σ(f_ui)), computed as
 * Σ_i x_ui · f_ui − softplus(f_ui) with softplus(f) = max(f, 0) + log(1 + e^(−|f|)), which neither overflows for
 * large |f| nor loses the log of tiny probabilities. Returns the B per-user values, in nats (≤ 0). Higher is better.
 */
export function logisticLogLik(x: tf.Tensor2D, logits: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => {
    const softplus = tf.add(tf.relu(logits), tf.log1p(tf.exp(tf.neg(tf.abs(logits)))));
    return tf.sum(tf.sub(tf.mul(x, logits), softplus), 1) as tf.Tensor1D;
  });
}

/** The per-user log-likelihood of the named kind (B values; higher is better). */
export function logLikelihood(name: LikelihoodName, x: tf.Tensor2D, logits: tf.Tensor2D, opts: LikelihoodOptions): tf.Tensor1D {
  switch (name) {
    case 'multinomial':
      return multinomialLogLik(x, logits);
    case 'gaussian':
      return gaussianLogLik(x, logits, opts.gaussianConfidence);
    case 'logistic':
      return logisticLogLik(x, logits);
  }
}
