// Times the encoder's first layer (sparse gather-sum vs dense X·W₁) and a whole Mult-VAE step, on real users.
import * as tf from '@tensorflow/tfjs';
import { trainStep } from '../labs/multVae/trainStep';
import { buildInputBatch, firstLayer, type FirstLayerMode } from '../models/multVae/firstLayer';
import { createMultVae } from '../models/multVae/model';
import { Rng } from '../random/rng';
import { makeOptimizer, variableFrom } from '../tf/ops';
import { median, timeSteps, type RepPlan } from './timing';

export interface FirstLayerTiming {
  mode: FirstLayerMode;
  /** Median ms of the first layer's forward + backward (gradient with respect to W₁) on one batch. */
  layerMs: number;
  /** Median ms of one whole Mult-VAE training step (multinomial likelihood, β = 0.2) with this first layer. */
  stepMs: number;
}

/**
 * Both first layers on the same `rows` (a batch of users' items), hidden/latent widths as given, dropout 0.5.
 * Each timed repetition draws a fresh dropout mask, as training does. Results are wall-clock medians.
 */
export async function benchFirstLayer(
  rows: readonly Int32Array[],
  numItems: number,
  sizes: { hidden: number; latent: number },
  plan: RepPlan = { warmup: 3, reps: 10 },
): Promise<FirstLayerTiming[]> {
  const out: FirstLayerTiming[] = [];
  for (const mode of ['sparse', 'dense'] as const) {
    const rng = new Rng(1);
    const W1 = variableFrom(rng.normalArray(numItems * sizes.hidden, 0.05), [numItems, sizes.hidden]);
    const layer = await timeSteps(
      () =>
        tf.tidy(() => {
          const batch = buildInputBatch(rows, { training: true, dropout: 0.5, rng });
          const { value, grads } = tf.variableGrads(() => tf.sum(tf.tanh(firstLayer(mode, W1, batch))), [W1]);
          return tf.add(value, tf.sum(grads[W1.name]));
        }),
      plan,
    );
    W1.dispose();
    const model = createMultVae({ numItems, ...sizes, variant: 'vae', rng: new Rng(2), firstLayer: mode });
    const optimizer = makeOptimizer('adam', 1e-3);
    const step = await timeSteps(() => {
      const s = trainStep({ model, optimizer, likelihood: 'multinomial', likelihoodOptions: { gaussianConfidence: 1 }, rows, beta: 0.2, rng });
      s.kl?.dispose();
      return s.loss;
    }, plan);
    model.dispose();
    optimizer.dispose();
    out.push({ mode, layerMs: median(layer), stepMs: median(step) });
  }
  return out;
}
