// Loss-side combination for the weighting lab: differentiable surrogates of the three objectives, weighted
// by hand (fixed) or automatically (uncertainty weighting, DWA, GradNorm), in one optimiser step.
import * as tf from '@tensorflow/tfjs';
import { logSoftmax } from '../../tf/ops';
import type { Dataset, Interactions } from '../../data/dataset';
import { itemCounts, userItems } from '../../data/dataset';
import { dwa, fixedWeights, gradNorm, normaliseWeights, uncertaintyWeighting, type DynamicWeightAverage, type FixedWeighting, type LossWeighting, type LossWeightingMethod } from './lossWeighting';
import type { SoftmaxPolicy } from '../../models/softmaxPolicy';
import type { SlateBatch } from './slateBatch';
import { accuracyLoss, expectedDiversity, expectedNovelty } from './surrogates';

const MASKED = -1e9;

export interface LossSideState {
  method: LossWeightingMethod;
  weighting: LossWeighting;
  genres: tf.Tensor2D;
  novelty: tf.Tensor1D;
  train: Interactions;
  /** DWA compares epoch averages: the run calls this at each epoch's end. */
  endEpoch(): void;
  dispose(): void;
}

/** Unit-norm genre rows (I × G) and per-item novelty n_i = −log2(max(pop_i, 1)/|U|)/log2|U| in [0, 1]. */
export function createLossSide(method: LossWeightingMethod, data: Dataset, train: Interactions, policy: SoftmaxPolicy): LossSideState {
  const I = train.numItems;
  const G = data.genreNames.length;
  const g = new Float32Array(I * G);
  for (let i = 0; i < I; i++) {
    let n = 0;
    for (let k = 0; k < G; k++) n += data.itemGenres[i * G + k];
    for (let k = 0; k < G; k++) g[i * G + k] = n ? data.itemGenres[i * G + k] / Math.sqrt(n) : 0;
  }
  const counts = itemCounts(train);
  const users = Math.max(2, train.numUsers);
  const nov = Float32Array.from(counts, (c) => Math.min(1, Math.max(0, -Math.log2(Math.max(c, 1) / users) / Math.log2(users))));
  const K = 3;
  const weighting: LossWeighting =
    method === 'uw' ? uncertaintyWeighting(K) : method === 'dwa' ? dwa(K) : method === 'gradnorm' ? gradNorm(K, { shared: policy.shared() }) : fixedWeights([1 / 3, 1 / 3, 1 / 3]);
  const genres = tf.tensor2d(g, [I, G]);
  const novelty = tf.tensor1d(nov);
  return {
    method,
    weighting,
    genres,
    novelty,
    train,
    endEpoch: () => (method === 'dwa' ? (weighting as DynamicWeightAverage).endEpoch() : undefined),
    dispose() {
      weighting.dispose();
      genres.dispose();
      novelty.dispose();
    },
  };
}

/**
 * One step on L = combine(L_acc, 1 − E_div, 1 − E_nov): the multinomial likelihood of each user's hidden
 * items (those not visible this step), and one minus the policy's expected genre distance and novelty, so
 * every loss is positive and lower is better. `fixed` uses the sliders' base weights b as they are now.
 * Returns the total, the normalised weights and the three terms L_k themselves (the likelihood in nats per
 * hidden item, the other two in [0, 1]): a weight multiplies a term, so b_k is not term k's share of the loss.
 */
export async function lossSideStep(
  s: LossSideState,
  policy: SoftmaxPolicy,
  optimizer: tf.Optimizer,
  users: Int32Array,
  batch: SlateBatch,
  base: number[],
): Promise<{ loss: number; weights: number[]; terms: number[] }> {
  const I = policy.numItems;
  const B = users.length;
  const mask = new Float32Array(B * I);
  const targets = new Float32Array(B * I);
  users.forEach((u, r) => {
    for (const i of userItems(s.train, u)) targets[r * I + i] = 1;
    for (const i of batch.visible[r]) {
      mask[r * I + i] = MASKED;
      targets[r * I + i] = 0;
    }
  });
  // Fixed weights follow the sliders from this step on.
  if (s.method === 'fixed') (s.weighting as FixedWeighting).set(base);
  const losses = () => {
    const logits = policy.logits(tf.tensor1d(users, 'int32'), { inputs: batch.visible });
    const logPi = logSoftmax(tf.add(logits, tf.tensor2d(mask, [B, I]))) as tf.Tensor2D;
    const pi = tf.exp(logPi) as tf.Tensor2D;
    return [
      accuracyLoss(logPi, tf.tensor2d(targets, [B, I])),
      tf.sub(1, expectedDiversity(pi, s.genres)) as tf.Scalar,
      tf.sub(1, expectedNovelty(pi, s.novelty)) as tf.Scalar,
    ];
  };
  if (s.method === 'gradnorm') (s.weighting as unknown as { update(f: () => tf.Scalar[]): void }).update(losses);
  let parts: tf.Tensor | null = null;
  const total = tf.tidy(() =>
    optimizer.minimize(
      () => {
        const each = losses();
        // Kept past the gradient's tidy scope, so the step's three losses are read back with the total.
        parts = tf.keep(tf.stack(each));
        return s.weighting.combine(each);
      },
      true,
      [...policy.variables(), ...s.weighting.variables()],
    )!,
  );
  // One read-back: the total, the three losses and (for UW and GradNorm) the weights now on the accelerator.
  const onDevice = s.weighting.rawWeightsTensor?.();
  const packed = tf.tidy(() => tf.concat([tf.reshape(total, [1]), parts!, ...(onDevice ? [onDevice] : [])]));
  const all = Array.from(await packed.data());
  packed.dispose();
  total.dispose();
  parts!.dispose();
  onDevice?.dispose();
  const values = all.slice(0, 4);
  const weights = onDevice ? normaliseWeights(all.slice(4)) : s.weighting.weights();
  if (s.method === 'dwa') (s.weighting as DynamicWeightAverage).recordStep(values.slice(1));
  return { loss: values[0], weights, terms: values.slice(1) };
}

