// The training objective against hand-computed values, and one trainer step after another lowering it.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../random/rng';
import { useWasm } from '../../testing/tfSetup';
import { createAmpCf } from '../../models/ampCf/model';
import { ampCfLoss, attentionEntropy, createAmpCfTrainer, entropyTerm, sampledSoftmaxLoss } from './training';

beforeAll(useWasm);

async function value(f: () => tf.Tensor): Promise<number[]> {
  const t = tf.tidy(f);
  const v = Array.from(await t.data());
  t.dispose();
  return v;
}

const H = (p: number[]) => -p.reduce((s, x) => s + (x > 0 ? x * Math.log(x) : 0), 0);

describe('the sampled-softmax loss', () => {
  it('is −log softmax of the positive (column 0), averaged over rows', async () => {
    // Row 1: positive 2 against negatives 0, 0 → log(e² + 2) − 2. Row 2: positive 0 against 1, −1 → log(1 + e + 1/e).
    const want = (Math.log(Math.exp(2) + 2) - 2 + Math.log(1 + Math.E + 1 / Math.E)) / 2;
    const [got] = await value(() => sampledSoftmaxLoss(tf.tensor2d([[2, 0, 0], [0, 1, -1]])));
    expect(got).toBeCloseTo(want, 6);
  });

  it('is ln(1 + K) when the positive and its K negatives score alike', async () => {
    const [got] = await value(() => sampledSoftmaxLoss(tf.fill([3, 5], 0.7) as tf.Tensor2D));
    expect(got).toBeCloseTo(Math.log(5), 6);
  });
});

describe('the attention-entropy term', () => {
  it('measures each attention vector’s entropy in nats: 0 for one persona, ln P for an even spread', async () => {
    const got = await value(() => attentionEntropy(tf.tensor2d([[1, 0, 0], [1 / 3, 1 / 3, 1 / 3], [0.5, 0.5, 0], [0.7, 0.2, 0.1]])));
    [0, Math.log(3), Math.log(2), H([0.7, 0.2, 0.1])].forEach((h, r) => expect(got[r]).toBeCloseTo(h, 5));
  });

  it('is mean H(α of positives) − mean H(α of negatives): low when positives are peaked and negatives spread', async () => {
    // Two users, a positive and two negatives each, P = 2.
    const alpha = [
      [[1, 0], [0.5, 0.5], [0.9, 0.1]],
      [[0.8, 0.2], [0.5, 0.5], [0.5, 0.5]],
    ];
    const want = (H([1, 0]) + H([0.8, 0.2])) / 2 - (H([0.5, 0.5]) + H([0.9, 0.1]) + 2 * H([0.5, 0.5])) / 4;
    const [got] = await value(() => entropyTerm(tf.tensor3d(alpha)));
    expect(got).toBeCloseTo(want, 5);
    const [best] = await value(() => entropyTerm(tf.tensor3d([[[1, 0], [0.5, 0.5]]])));
    expect(best).toBeCloseTo(-Math.log(2), 5);
  });
});

describe('the AMP-CF loss', () => {
  const users = () => tf.tensor1d([0, 1, 2], 'int32');
  const items = () => tf.tensor2d([[0, 5, 6], [1, 7, 8], [2, 3, 9]], [3, 3], 'int32');

  it('for P = 1 is the sampled softmax of MF’s scores plus l2 · (‖u‖² + mean candidate ‖v‖²), and the entropy term adds nothing', async () => {
    const m = createAmpCf({ numUsers: 3, numItems: 10, dim: 4, personas: 1, rng: new Rng(2), initStd: 0.5 });
    const [U, V] = await m.snapshot();
    let ce = 0;
    let reg = 0;
    const I = [[0, 5, 6], [1, 7, 8], [2, 3, 9]];
    const dot = (u: number, i: number) => [0, 1, 2, 3].reduce((s, k) => s + U[u * 4 + k] * V[i * 4 + k], 0);
    const sq = (w: Float32Array, r: number) => [0, 1, 2, 3].reduce((s, k) => s + w[r * 4 + k] ** 2, 0);
    I.forEach((row, u) => {
      const s = row.map((i) => dot(u, i));
      ce += Math.log(s.reduce((q, x) => q + Math.exp(x), 0)) - s[0];
      reg += sq(U, u) + row.reduce((q, i) => q + sq(V, i), 0) / 3;
    });
    const [withEntropy] = await value(() => ampCfLoss(m, users(), items(), { l2: 0.1, entropyWeight: 5 }));
    expect(withEntropy).toBeCloseTo(ce / 3 + (0.1 * reg) / 3, 5);
    m.dispose();
  });

  it('for P = 3 adds λ · entropyTerm(α) to the cross-entropy', async () => {
    const m = createAmpCf({ numUsers: 3, numItems: 10, dim: 4, personas: 3, rng: new Rng(2), initStd: 1 });
    const [plain] = await value(() => ampCfLoss(m, users(), items(), { l2: 0, entropyWeight: 0 }));
    const [term] = await value(() => entropyTerm(m.attention(users(), items())));
    const [withEntropy] = await value(() => ampCfLoss(m, users(), items(), { l2: 0, entropyWeight: 0.5 }));
    expect(withEntropy).toBeCloseTo(plain + 0.5 * term, 5);
    m.dispose();
  });
});

describe('the trainer', () => {
  it('lowers the loss of a fixed batch step after step, and leaks no tensor', async () => {
    const base = tf.memory().numTensors;
    const m = createAmpCf({ numUsers: 20, numItems: 30, dim: 8, personas: 3, rng: new Rng(5) });
    const trainer = createAmpCfTrainer(m, { learningRate: 0.05, l2: 0.001, entropyWeight: 0.1 });
    const rng = new Rng(6);
    const users = Int32Array.from({ length: 64 }, () => rng.int(20));
    const lists = Int32Array.from({ length: 64 * 5 }, () => rng.int(30));
    const start = tf.memory().numTensors;
    const losses: number[] = [];
    for (let s = 0; s < 30; s++) {
      const l = trainer.step(users, lists, 5);
      losses.push((await l.data())[0]);
      l.dispose();
      // Adam adds its two moment slots per variable (U, V, b) at the first step, then nothing.
      if (s === 0) expect(tf.memory().numTensors).toBe(start + 6);
    }
    expect(tf.memory().numTensors).toBe(start + 6);
    expect(losses[29]).toBeLessThan(0.5 * losses[0]);
    trainer.dispose();
    m.dispose();
    expect(tf.memory().numTensors).toBe(base);
  });
});
