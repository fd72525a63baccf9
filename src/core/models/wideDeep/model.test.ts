// The Wide & Deep model: the joint logit is the sum of the two parts, the loss is the log-loss, sizes add up, and a
// wide part learns a cross the raw features cannot express.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../random/rng';
import { useWasm } from '../../testing/tfSetup';
import { createWideDeep, logLossFromLogits, type WideDeepBatch } from './model';
import { createWideDeepTrainer } from './trainer';

beforeAll(useWasm);

/** Two fields (one slot each) over 4 features; wide slots = the 2 raw features + 1 cross slot (index 4 or empty 5). */
function batch(rows: [number, number, number][], labels: number[]): WideDeepBatch {
  const B = rows.length;
  return {
    wideIdx: tf.tensor1d(rows.flatMap((r) => r), 'int32'),
    wideVal: tf.tensor2d(rows.flatMap((r) => r.map((f) => (f === 5 ? 0 : 1))), [B, 3]),
    deepIdx: tf.tensor1d(rows.flatMap((r) => [r[0], r[1]]), 'int32'),
    deepWeight: tf.tensor3d(rows.flatMap(() => [1, 1]), [B, 2, 1]),
    labels: tf.tensor1d(labels),
  };
}
const deepSpec = { numFeatures: 4, dim: 3, slotField: Int32Array.from([0, 1]), numFields: 2, hidden: 4 };

describe('Wide & Deep model', () => {
  it('joint logit = wide logit + deep logit, from the same initial weights (biases start at 0)', async () => {
    const b = batch([[0, 2, 4], [1, 3, 5]], [1, 0]);
    const wide = createWideDeep({ wideSize: 5, deep: null, rng: new Rng(1) });
    const deep = createWideDeep({ wideSize: 0, deep: deepSpec, rng: new Rng(1) });
    const joint = createWideDeep({ wideSize: 5, deep: deepSpec, rng: new Rng(1) });
    // Give the wide weights values (they start at 0) and use the same in both.
    const w = tf.tensor2d([0.1, -0.2, 0.3, 0.4, 1.5, 99], [6, 1]);
    wide.wide!.assign(w);
    joint.wide!.assign(w);
    const [lw, ld, lj] = await Promise.all([wide, deep, joint].map((m) => m.logits(b).data()));
    // Biases start at 0, so joint = wide + deep; the empty slot's weight (99) never counts.
    expect(Array.from(lw)).toEqual([expect.closeTo(0.1 + 0.3 + 1.5, 6), expect.closeTo(-0.2 + 0.4, 6)]);
    lj.forEach((v, k) => expect(v).toBeCloseTo(lw[k] + ld[k], 5));
    [wide, deep, joint].forEach((m) => m.dispose());
    w.dispose();
  });

  it('counts parameters as wide weights + bias + embeddings + two ReLU layers + output', () => {
    const joint = createWideDeep({ wideSize: 5, deep: deepSpec, rng: new Rng(1) });
    // wide 5 + bias 1 + emb 4·3 + (2·3 + 1)·4 + (4 + 1)·2 + 2 + 1.
    expect(joint.paramCount()).toBe(5 + 1 + 12 + 28 + 10 + 3);
    joint.dispose();
  });

  it('log-loss from logits is the binary cross-entropy of σ(ℓ), stable for large |ℓ|', async () => {
    const l = tf.tensor1d([0, 2, -50]);
    const y = tf.tensor1d([1, 0, 0]);
    const v = await logLossFromLogits(l, y).data();
    const expected = (Math.LN2 + Math.log(1 + Math.exp(2)) + Math.log1p(Math.exp(-50))) / 3;
    expect(v[0]).toBeCloseTo(expected, 5);
    tf.dispose([l, y]);
  });

  it('a wide part learns an AND the raw features cannot: click only when features 0 and 2 co-occur', async () => {
    // Rows: (0,2) clicks, (0,3), (1,2), (1,3) do not. Raw features alone cannot separate (0,2) from the rest as
    // sharply as the cross can; with the cross feature 4 on for (0,2) the wide model gets it right.
    const rows: [number, number, number][] = [];
    const labels: number[] = [];
    for (let r = 0; r < 64; r++) {
      const a = r % 2;
      const c = 2 + ((r >> 1) % 2);
      rows.push([a, c, a === 0 && c === 2 ? 4 : 5]);
      labels.push(a === 0 && c === 2 ? 1 : 0);
    }
    const b = batch(rows, labels);
    const model = createWideDeep({ wideSize: 5, deep: null, rng: new Rng(3) });
    const trainer = createWideDeepTrainer(model, { learningRate: 0.05, l2: 0, ftrl: { alpha: 0.5, beta: 1, l1: 0, l2: 0 } });
    let last = 0;
    for (let s = 0; s < 60; s++) {
      const loss = trainer.step(b);
      last = (await loss.data())[0];
      loss.dispose();
    }
    expect(last).toBeLessThan(0.05);
    const w = await model.wide!.data();
    expect(w[4]).toBeGreaterThan(1);
    expect(w[5]).toBe(0);
    trainer.dispose();
    model.dispose();
  });
});
