// FTRL-Proximal (McMahan et al., KDD 2013) for the wide part's weights: per-coordinate steps and L1 sparsity.
import * as tf from '@tensorflow/tfjs';

export interface FtrlOptions {
  /** α: the per-coordinate step is α / (β + √Σg²). */
  alpha: number;
  /** β, added to √Σg² (1 in the paper's experiments). */
  beta: number;
  /** λ₁: |z| ≤ λ₁ sets a weight exactly to zero. */
  l1: number;
  /** λ₂: an L2 strength (0 here; the reference sets none). */
  l2: number;
}

/**
 * FTRL-Proximal on one weight vector (a variable of any shape), one coordinate at a time:
 *
 *   σ = (√(n + g²) − √n) / α,   z ← z + g − σ·w,   n ← n + g²,
 *   w = 0 if |z| ≤ λ₁, else −(z − sign(z)·λ₁) / ((β + √n)/α + λ₂).
 *
 * A coordinate whose gradient is 0 in a step keeps z, n and w unchanged, so running it on the whole (dense)
 * vector is the same as the sparse per-coordinate update of the paper: only the features an example has move.
 */
export class Ftrl {
  private readonly z: tf.Variable;
  private readonly n: tf.Variable;

  constructor(
    private readonly w: tf.Variable,
    private readonly opts: FtrlOptions,
  ) {
    // tf.variable does not own its initial tensor: each zeros is freed here.
    this.z = tf.tidy(() => tf.variable(tf.zerosLike(w), false));
    this.n = tf.tidy(() => tf.variable(tf.zerosLike(w), false));
  }

  /** Applies one step with the gradient g of the loss with respect to the weights. */
  apply(g: tf.Tensor): void {
    const { alpha, beta, l1, l2 } = this.opts;
    tf.tidy(() => {
      const nNew = tf.add(this.n, tf.square(g));
      const sigma = tf.div(tf.sub(tf.sqrt(nNew), tf.sqrt(this.n)), alpha);
      const z = tf.sub(tf.add(this.z, g), tf.mul(sigma, this.w));
      const shrunk = tf.sub(z, tf.mul(tf.sign(z), l1));
      const denom = tf.add(tf.div(tf.add(beta, tf.sqrt(nNew)), alpha), l2);
      const w = tf.where(tf.lessEqual(tf.abs(z), l1), tf.zerosLike(z), tf.neg(tf.div(shrunk, denom)));
      this.z.assign(z);
      this.n.assign(nNew);
      this.w.assign(w);
    });
  }

  dispose(): void {
    this.z.dispose();
    this.n.dispose();
  }
}
