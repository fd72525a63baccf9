// One variant in training: its model, optimiser, random stream, β schedule and the values waiting on the device.
import * as tf from '@tensorflow/tfjs';
import { Rng } from '../../random/rng';
import { makeOptimizer } from '../../tf/ops';
import { betaAt, type BetaSchedule } from './beta';
import type { FirstLayerMode } from '../../models/multVae/firstLayer';
import type { LikelihoodOptions } from './likelihoods';
import { createMultVae, type MultVae } from '../../models/multVae/model';
import { trainStep } from './trainStep';
import type { Variant } from './variants';

export interface TrainerSettings {
  numItems: number;
  hidden: number;
  latent: number;
  dropout: number;
  learningRate: number;
  firstLayer: FirstLayerMode;
  beta: BetaSchedule;
  likelihood: LikelihoodOptions;
  /** The reference Mult-DAE (see {@link referenceDae}): tanh on the DAE's code and this λ of weight decay. Absent = the lab's DAE. */
  daeReference?: { lambda: number };
}

/**
 * The official Mult-DAE's settings (dawenl/vae_cf, VAE_ML20M_WWW2018.ipynb): tanh on the code layer and L2 weight
 * decay λ = 0.01 / batch size on the weight matrices (2 · 10⁻⁵ at the paper's batch of 500). The reference's
 * Mult-VAE has λ = 0, so only the DAE changes.
 */
export function referenceDae(batchSize: number): { lambda: number } {
  return { lambda: 0.01 / batchSize };
}

export interface Trainer {
  readonly variant: Variant;
  readonly model: MultVae;
  /** Updates taken so far. */
  readonly updates: number;
  /** β of the next update (always 0 for the DAE, which has no KL term). */
  nextBeta(): number;
  /** β of the last update taken (0 before any). */
  lastBeta(): number;
  /** This epoch's order of the training users, drawn from the variant's own stream. */
  shuffle(users: Int32Array): Int32Array;
  /** One update on `rows`: its loss, left on the device for the caller (who frees it); its KL goes into this epoch's tally. */
  step(rows: readonly ArrayLike<number>[]): tf.Scalar;
  /** Mean batch KL of the updates since the last call (nats per user; one read-back), or null for the DAE / no updates. */
  takeEpochKl(): Promise<number | null>;
  dispose(): void;
}

/**
 * A variant's trainer. Its random stream is forked from the seed and the variant id alone, so a variant gives the
 * same numbers whichever other variants train beside it.
 */
export function createTrainer(variant: Variant, seed: number, s: TrainerSettings): Trainer {
  const root = new Rng(seed).fork(`variant/${variant.id}`);
  const init = root.fork('init');
  const train = root.fork('train');
  const order = root.fork('order');
  const model = createMultVae({ numItems: s.numItems, hidden: s.hidden, latent: s.latent, variant: variant.model, rng: init, dropout: s.dropout, firstLayer: s.firstLayer, tanhCode: !!s.daeReference });
  const weightDecay = variant.model === 'dae' && s.daeReference ? s.daeReference.lambda : 0;
  const optimizer = makeOptimizer('adam', s.learningRate);
  let kls: tf.Scalar[] = [];
  let updates = 0;
  let scratchBuf = new Float32Array(0);
  const beta = (n: number) => (variant.model === 'vae' ? betaAt(n, s.beta) : 0);
  return {
    variant,
    model,
    get updates() {
      return updates;
    },
    nextBeta: () => beta(updates),
    lastBeta: () => (updates === 0 ? 0 : beta(updates - 1)),
    shuffle: (users) => order.shuffle(Int32Array.from(users)),
    step(rows) {
      if (scratchBuf.length < rows.length * s.numItems) scratchBuf = new Float32Array(rows.length * s.numItems);
      const out = trainStep({ model, optimizer, likelihood: variant.likelihood, likelihoodOptions: s.likelihood, rows, beta: beta(updates), rng: train, scratch: scratchBuf, weightDecay });
      updates++;
      if (out.kl) kls.push(out.kl);
      return out.loss;
    },
    async takeEpochKl() {
      if (!kls.length) return null;
      const batch = kls;
      kls = [];
      const m = tf.tidy(() => tf.mean(tf.stack(batch)));
      try {
        return (await m.data())[0];
      } finally {
        m.dispose();
        batch.forEach((k) => k.dispose());
      }
    },
    dispose() {
      kls.forEach((k) => k.dispose());
      kls = [];
      optimizer.dispose();
      model.dispose();
    },
  };
}
