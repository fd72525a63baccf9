// Weight decay of the reference Mult-DAE: its value, what it penalises and how a step applies it.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMultVae } from '../../models/multVae/model';
import { Rng } from '../../random/rng';
import { useWasm } from '../../testing/tfSetup';
import { referenceDae } from './trainer';
import { l2Penalty, trainStep } from './trainStep';

beforeAll(useWasm);

const ROWS = [Int32Array.of(0, 3, 7), Int32Array.of(2, 5), Int32Array.of(1, 4, 6, 9)];

describe('the reference Mult-DAE weight decay', () => {
  it('is λ = 0.01 / batch size: 2·10⁻⁵ at the paper’s 500 users, 10⁻⁴ at the lab’s 100', () => {
    expect(referenceDae(500).lambda).toBeCloseTo(2e-5, 15);
    expect(referenceDae(100).lambda).toBeCloseTo(1e-4, 15);
  });

  it('penalises λ · Σ ‖W‖² summed over the matrices: W = [[1, 2], [3, 0]] and [[−1]] at λ = 0.1 give 0.1 · 15', async () => {
    const a = tf.tensor2d([
      [1, 2],
      [3, 0],
    ]);
    const b = tf.tensor2d([[-1]]);
    const p = l2Penalty([a, b], 0.1);
    expect((await p.data())[0]).toBeCloseTo(1.5, 6);
    tf.dispose([a, b, p]);
  });

  // With plain SGD (step η) two identical models fed the same batch and the same dropout draws differ after one
  // step by exactly the decay's gradient: W' (λ) − W' (0) = −η · 2λ · W for every weight matrix, biases equal;
  // and the loss reported differs by λ · Σ ‖W‖² at the weights before the step.
  it('adds λ Σ ‖W‖² to the loss and −2ηλW to each weight matrix’s step, leaving biases alone', async () => {
    const eta = 0.5;
    const lambda = 0.01;
    const make = () => createMultVae({ numItems: 10, hidden: 6, latent: 3, variant: 'dae', rng: new Rng(3), tanhCode: true });
    const plain = make();
    const decayed = make();
    const before = await plain.snapshot();
    const sumSq = before.filter((_, j) => j % 2 === 0).reduce((s, w) => s + w.reduce((t, v) => t + v * v, 0), 0);
    const step = (m: typeof plain, weightDecay: number) => {
      const opt = tf.train.sgd(eta);
      const out = trainStep({ model: m, optimizer: opt, likelihood: 'multinomial', likelihoodOptions: { gaussianConfidence: 1 }, rows: ROWS, beta: 0, rng: new Rng(9), weightDecay });
      opt.dispose();
      return out.loss;
    };
    const l0 = step(plain, 0);
    const l1 = step(decayed, lambda);
    const [v0, v1] = [(await l0.data())[0], (await l1.data())[0]];
    tf.dispose([l0, l1]);
    expect(v1 - v0).toBeCloseTo(lambda * sumSq, 4);
    expect(lambda * sumSq).toBeGreaterThan(1e-3); // the check above is not vacuous
    const after0 = await plain.snapshot();
    const after1 = await decayed.snapshot();
    after0.forEach((w0, j) => {
      for (let k = 0; k < w0.length; k++) {
        const want = j % 2 === 0 ? -eta * 2 * lambda * before[j][k] : 0;
        expect(after1[j][k] - w0[k]).toBeCloseTo(want, 5);
      }
    });
    plain.dispose();
    decayed.dispose();
  });
});
