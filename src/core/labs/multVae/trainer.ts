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
  const model = createMultVae({ numItems: s.numItems, hidden: s.hidden, latent: s.latent, variant: variant.model, rng: init, dropout: s.dropout, firstLayer: s.firstLayer });
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
      const out = trainStep({ model, optimizer, likelihood: variant.likelihood, likelihoodOptions: s.likelihood, rows, beta: beta(updates), rng: train, scratch: scratchBuf });
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
