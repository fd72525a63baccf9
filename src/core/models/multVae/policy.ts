// Mult-VAE (Liang et al., WWW 2018) as a softmax policy: it reads the items a user shows and decodes a softmax
// over the catalogue. Its warm start is the VAE objective (multinomial likelihood + β·KL).
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../../random/rng';
import { activeBackend } from '../../tf/backends';
import { multinomialNll, type LogitOptions, type SoftmaxPolicy } from '../softmaxPolicy';
import { klToStandardNormal } from './kl';
import { createMultVae, firstLayerFor } from './model';

/** Hidden width of the encoder and decoder as a policy (the Mult-VAE lab's 'small' size); the latent size is `dim`. */
export const BACKBONE_HIDDEN = 200;
/** Cap of the KL weight β during the warm start (the paper's best cap). */
export const WARM_BETA = 0.2;
/**
 * Updates over which β rises linearly from 0 to its cap (the paper's annealing). Measured on workshop (default
 * warm start: 160 updates): Precision@10 0.322, coverage 0.55 annealed over 200 updates; 0.319 / 0.59 with β at
 * its cap from the second update; 0.288 / 0.59 over 1,000 updates (β stays below 0.03).
 */
export const WARM_ANNEAL_UPDATES = 200;

/**
 * The VAE objective in the warm start's units: the warm start weighs each of a user's n items 1/n (the mean
 * log-probability of their items), so the paper's −Σ_i x_ui log π_ui + β·KL is divided by n per user — the
 * KL term too, or β would act n times larger. Mean over users; lower is better.
 */
export function warmObjective(logits: tf.Tensor2D, mu: tf.Tensor2D, logVar: tf.Tensor2D | null, target: tf.Tensor2D, rowLengths: readonly number[], beta: number): tf.Scalar {
  const nll = multinomialNll(logits, target);
  if (!logVar) return nll;
  const perItem = tf.tensor1d(rowLengths.map((n) => 1 / Math.max(1, n)));
  return tf.add(nll, tf.mul(beta, tf.mean(tf.mul(klToStandardNormal(mu, logVar), perItem)))) as tf.Scalar;
}

export function createMultVaePolicy(_numUsers: number, numItems: number, dim: number, rng: Rng): SoftmaxPolicy {
  const model = createMultVae({ numItems, hidden: BACKBONE_HIDDEN, latent: dim, variant: 'vae', rng: rng.fork('weights'), firstLayer: firstLayerFor(activeBackend()) });
  // Dropout masks and ε while training (the warm start); decisions use z = μ.
  const noise = rng.fork('noise');
  const rowsOf = (opts?: LogitOptions) => {
    if (!opts?.inputs) throw new RangeError("the Mult-VAE policy reads each user's items: the caller must pass them as inputs");
    return opts.inputs;
  };
  // W₄ (hidden × I): the decoder's item side, through which every objective's gradient flows.
  const shared = model.variables()[6];
  let updates = 0;
  return {
    numItems,
    readsInputs: true,
    logits: (_users, opts) => model.logitsFromRows(rowsOf(opts), { training: Boolean(opts?.training), rng: noise }),
    warmLoss(_users, opts, target) {
      const rows = rowsOf(opts);
      const pass = model.forward(rows, { training: true, rng: noise });
      const beta = Math.min(WARM_BETA, (updates++ * WARM_BETA) / WARM_ANNEAL_UPDATES);
      return warmObjective(pass.logits, pass.mu, pass.logVar, target, rows.map((r) => r.length), beta);
    },
    variables: () => model.variables(),
    shared: () => shared,
    snapshot: () => model.snapshot(),
    restore: (w) => model.restore(w),
    dispose: () => model.dispose(),
  };
}
