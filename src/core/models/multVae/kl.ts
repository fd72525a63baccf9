// The KL term of the Mult-VAE objective: how far each user's posterior q(z | x) is from the prior N(0, I).
import * as tf from '@tensorflow/tfjs';

/**
 * KL(N(μ, diag σ²) ‖ N(0, I)) = ½ Σ_k (μ_k² + σ_k² − 1 − log σ_k²) per user, in nats (≥ 0, 0 only at the
 * prior). `mu` and `logVar` are B × latent; returns the B values. Lower = the code carries less information
 * about the user (the regulariser's direction); it is a cost, not a score.
 */
export function klToStandardNormal(mu: tf.Tensor2D, logVar: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => tf.mul(0.5, tf.sum(tf.sub(tf.add(tf.square(mu), tf.exp(logVar)), tf.add(1, logVar)), 1)) as tf.Tensor1D);
}

/** The same KL for one user in plain numbers (float64), the closed form tests and tools check against. */
export function klClosedForm(mu: ArrayLike<number>, logVar: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < mu.length; k++) s += mu[k] * mu[k] + Math.exp(logVar[k]) - 1 - logVar[k];
  return 0.5 * s;
}
