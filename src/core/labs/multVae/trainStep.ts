// One gradient step of a Mult-VAE / Mult-DAE under a chosen likelihood: minimise −E_q[log p(x|z)] + β·KL.
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../../random/rng';
import { klToStandardNormal } from '../../models/multVae/kl';
import { logLikelihood, type LikelihoodOptions } from './likelihoods';
import type { MultVae } from '../../models/multVae/model';
import type { LikelihoodName } from './variants';

/** What one step leaves on the device for a later, batched read-back (the caller owns both). */
export interface StepTensors {
  /** The minimised objective, mean over the batch: −log p(x_u | z_u) + β · KL_u, per user (nats for mult./logistic), + λ Σ ‖W‖². */
  loss: tf.Scalar;
  /** Mean KL(q(z|x_u) ‖ N(0, I)) over the batch in nats; null for the DAE. */
  kl: tf.Scalar | null;
}

/** Binary targets x of `rows` as a row-major B × numItems matrix, written into `out` (reused between steps). */
export function clickMatrix(rows: readonly ArrayLike<number>[], numItems: number, out?: Float32Array): Float32Array {
  const n = rows.length * numItems;
  const x = out && out.length >= n ? out.subarray(0, n) : new Float32Array(n);
  x.fill(0);
  rows.forEach((row, r) => {
    for (let j = 0; j < row.length; j++) x[r * numItems + row[j]] = 1;
  });
  return x;
}

export interface TrainStepArgs {
  model: MultVae;
  optimizer: tf.Optimizer;
  likelihood: LikelihoodName;
  likelihoodOptions: LikelihoodOptions;
  /** The users of the batch, as item rows. */
  rows: readonly ArrayLike<number>[];
  /** Weight of the KL term (ignored by the DAE, which has none). */
  beta: number;
  /** Dropout mask and ε for this step. */
  rng: Rng;
  /** Scratch for the B × I targets. */
  scratch?: Float32Array;
  /** λ of the L2 weight decay λ · Σ_W ‖W‖²_F over the weight matrices (no biases); 0 or absent = none. */
  weightDecay?: number;
}

/**
 * The reference's weight decay, λ · Σ_W ‖W‖²_F summed over the weight matrices (biases are not penalised).
 * dawenl/vae_cf adds 2 · l2_regularizer(λ) to the batch-mean loss, and TensorFlow's l2 loss is ½‖W‖², so the
 * factor 2 leaves exactly λ · Σ ‖W‖².
 */
export function l2Penalty(weights: readonly tf.Tensor[], lambda: number): tf.Scalar {
  return tf.tidy(() => tf.mul(lambda, tf.addN(weights.map((w) => tf.sum(tf.square(w))))) as tf.Scalar);
}

/**
 * One Adam (or any optimiser) update of the model's variables on a batch. The loss is the negative of the
 * Mult-VAE objective, per user averaged over the batch: L = mean_u [−log p(x_u | f(z_u)) + β · KL_u]
 * (the DAE has no KL term), plus λ · Σ_W ‖W‖² when `weightDecay` = λ > 0. Nothing is read back here.
 */
export function trainStep(a: TrainStepArgs): StepTensors {
  const { model, rows } = a;
  const x = clickMatrix(rows, model.numItems, a.scratch);
  const kept: { kl: tf.Scalar | null } = { kl: null };
  const loss = tf.tidy(
    () =>
      a.optimizer.minimize(
        () => {
          const target = tf.tensor2d(x, [rows.length, model.numItems]);
          const f = model.forward(rows, { training: true, rng: a.rng });
          let perUser: tf.Tensor = tf.neg(logLikelihood(a.likelihood, target, f.logits, a.likelihoodOptions));
          if (f.logVar) {
            const kl = klToStandardNormal(f.mu, f.logVar);
            kept.kl = tf.keep(tf.mean(kl)) as tf.Scalar;
            perUser = tf.add(perUser, tf.mul(a.beta, kl));
          }
          const objective = tf.mean(perUser) as tf.Scalar;
          return a.weightDecay ? (tf.add(objective, l2Penalty(model.weightMatrices(), a.weightDecay)) as tf.Scalar) : objective;
        },
        true,
        model.variables(),
      ) as tf.Scalar,
  );
  return { loss, kl: kept.kl };
}
