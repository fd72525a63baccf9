// Mult-VAE (Liang et al., WWW 2018) as a policy of the weighting lab: it reads the items a user shows and
// decodes a softmax over the catalogue. Its warm start is the VAE objective (multinomial likelihood + β·KL).
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../../random/rng';
import { activeBackend } from '../../tf/backends';
import { klToStandardNormal } from '../multVae/kl';
import { createMultVae, firstLayerFor } from '../multVae/model';
import { multinomialNll, type LogitOptions, type SoftmaxPolicy } from './policy';

/** Hidden width of the encoder and decoder (the Mult-VAE lab's 'small' size); the latent size is the lab's `dim`. */
export const BACKBONE_HIDDEN = 200;
/** Cap of the KL weight β during the warm start (the paper's best cap). */
export const WARM_BETA = 0.2;
/**
 * Updates over which β rises linearly from 0 to its cap (the paper's annealing). With β at its cap from the first
 * update the posterior collapses and the policy is popularity. Measured on workshop (default warm start, 160
 * updates, so β ends near 0.03): Precision@10 0.377 and coverage 0.38, against 0.242 / 0.044 with β = 0.2 at once,
 * 0.289 / 0.085 when β reaches its cap in 200 updates, and 0.279 / 0.61 with β = 0.
 */
export const WARM_ANNEAL_UPDATES = 1000;

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
      const pass = model.forward(rowsOf(opts), { training: true, rng: noise });
      const kl = pass.logVar ? tf.mean(klToStandardNormal(pass.mu, pass.logVar)) : tf.scalar(0);
      const beta = Math.min(WARM_BETA, (updates++ * WARM_BETA) / WARM_ANNEAL_UPDATES);
      return tf.add(multinomialNll(pass.logits, target), tf.mul(beta, kl)) as tf.Scalar;
    },
    variables: () => model.variables(),
    shared: () => shared,
    snapshot: () => model.snapshot(),
    restore: (w) => model.restore(w),
    dispose: () => model.dispose(),
  };
}
