// Differentiable surrogates of accuracy, diversity and novelty on a batch of softmax policies, as tf ops.
import * as tf from '@tensorflow/tfjs';
import { matMulFast } from '../../tf/ops';

/**
 * Multinomial negative log-likelihood (Mult-VAE, Liang et al., WWW 2018), per user normalised by the
 * number of targets:
 *
 *   L_acc = − mean_u [ Σ_i x_ui log π_ui / max(1, Σ_i x_ui) ]      (nats per target item; lower is better)
 *
 * `logProbs` is log π (B×I), `targets` the multi-hot x (B×I). A user with no targets contributes 0.
 * Entries with x_ui = 0 are dropped before the product, so masked items may carry log π = −∞ without
 * turning the loss into NaN (0·−∞). Their gradient is still NaN-free only if log π itself is computed
 * with a finite mask (e.g. logits − 1e9); prefer that for anything you differentiate.
 */
export function accuracyLoss(logProbs: tf.Tensor2D, targets: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => {
    const hit = tf.greater(targets, 0);
    // where, not a plain product: 0 · (−∞) would be NaN for masked items the user did not pick.
    const weighted = tf.mul(targets, tf.where(hit, logProbs, tf.zerosLike(logProbs)));
    const perUser = tf.div(tf.sum(weighted, 1), tf.maximum(tf.sum(targets, 1), 1));
    return tf.neg(tf.mean(perUser)) as tf.Scalar;
  });
}

/**
 * Expected pairwise genre distance of two items drawn independently from π (higher = more diverse):
 *
 *   E_div = mean_u πᵀ D π,   D_ij = 1 − cos(g_i, g_j) = 1 − ĝ_i·ĝ_j
 *         = mean_u [ (Σ_i π_ui)² − ‖Ĝᵀ π_u‖² ]  =  mean_u [ 1 − ‖Ĝᵀ π_u‖² ]  when rows of π sum to 1,
 *
 * with Ĝ = `genresNormalised` (I×G), each row the item's genre vector scaled to unit L2 norm. Computed
 * through the G-dimensional projection, never the dense I×I matrix D. Range [0, 1]: 0 when all mass sits
 * on one genre profile, near 1 − 1/G when spread evenly over G disjoint genres.
 *
 * Items without genres: the caller passes a zero row. The formula then gives them cos = 0 with every item,
 * *themselves included*, so D_ij = 1 for every j and D_ii = 1 (not 0). A policy that puts all its mass on
 * genre-less items scores the maximum diversity 1 — a loophole an optimiser will find. The formula is
 * exact for the lab's datasets because every item there has at least one genre; with genre-less items,
 * mask them out of π or give them a "no genre" genre column of their own.
 */
export function expectedDiversity(pi: tf.Tensor2D, genresNormalised: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => {
    const projected = matMulFast(pi, genresNormalised); // B×G: Ĝᵀπ_u per row
    const mass = tf.sum(pi, 1); // Σ_i π_ui, 1 for a proper policy; kept so the value is exactly πᵀDπ
    const perUser = tf.sub(tf.square(mass), tf.sum(tf.square(projected), 1));
    return tf.mean(perUser) as tf.Scalar;
  });
}

/**
 * Expected novelty of one item drawn from π (higher = more novel):
 *
 *   E_nov = mean_u πᵀ n,   n_i = the item's novelty in [0, 1] (e.g. normalised self-information of popularity).
 */
export function expectedNovelty(pi: tf.Tensor2D, novelty: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => tf.mean(matMulFast(pi, tf.expandDims(novelty, 1) as tf.Tensor2D)) as tf.Scalar);
}
