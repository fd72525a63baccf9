import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../random/rng';
import { useWasm } from '../../testing/tfSetup';
import { layerNorm } from './layers';
import { createP5Transformer, type P5Batch, type P5TransformerSpec } from './transformer';

beforeAll(useWasm);

const spec: P5TransformerSpec = { vocabSize: 12, dim: 16, heads: 4, encoderLayers: 2, decoderLayers: 2, maxLen: 8, learningRate: 3e-3 };

async function values(t: tf.Tensor): Promise<number[]> {
  try {
    return Array.from(await t.data());
  } finally {
    t.dispose();
  }
}

function expectClose(a: number[], b: number[], digits = 5): void {
  expect(a.length).toBe(b.length);
  a.forEach((x, i) => expect(x).toBeCloseTo(b[i], digits));
}

describe('the P5 transformer', () => {
  it('gives logits [size, tgtLen, vocab] at every decoder position, and the last of them as the next token’s logits', async () => {
    const m = createP5Transformer(spec, new Rng(1));
    const src = Int32Array.of(3, 4, 5, 6, 7, 0);
    const tgt = Int32Array.of(1, 5, 4, 1, 7, 6);
    const all = m.logits(src, 3, tgt, 3, 2);
    expect(all.shape).toEqual([2, 3, 12]);
    const last = tf.tidy(() => tf.reshape(tf.slice(all, [0, 2, 0], [2, 1, 12]), [2, 12]));
    const next = m.nextTokenLogits(src, 3, tgt, 3, 2);
    expect(next.shape).toEqual([2, 12]);
    expectClose(await values(next), await values(last));
    all.dispose();
    m.dispose();
  });

  it('shares one encoder pass between decoder rows with srcOf: the same logits as repeating the prompts', async () => {
    const m = createP5Transformer(spec, new Rng(4));
    const tgt = Int32Array.of(1, 5, 4, 1, 8, 0, 1, 9, 9);
    const repeated = await values(m.logits(Int32Array.of(3, 4, 5, 6, 7, 0, 3, 4, 5), 3, tgt, 3, 3));
    const shared = await values(m.logits(Int32Array.of(3, 4, 5, 6, 7, 0), 3, tgt, 3, 3, Int32Array.of(0, 1, 0)));
    expectClose(shared, repeated);
    expect(() => m.logits(Int32Array.of(3, 4, 5), 3, tgt, 3, 3, Int32Array.of(0, 1, 0))).toThrow(RangeError);
    m.dispose();
  });

  it('counts its parameters: shared tokens, the output bias, two position tables, and each block’s norms, projections and FFN', () => {
    const m = createP5Transformer(spec, new Rng(1));
    const d = 16;
    const ff = 64;
    const norm = 2 * d;
    const ffn = norm + d * ff + ff + ff * d + d;
    const enc = norm + 3 * d * d + d * d + ffn;
    const dec = enc + norm + d * d + 2 * d * d + d * d;
    expect(m.paramCount()).toBe(12 * d + 12 + 2 * 8 * d + 2 * enc + norm + 2 * dec + norm);
    m.dispose();
  });

  it('is causal: changing a later decoder input token leaves the earlier positions’ logits unchanged', async () => {
    const m = createP5Transformer(spec, new Rng(2));
    const src = Int32Array.of(3, 4, 5);
    const a = await values(m.logits(src, 3, Int32Array.of(1, 5, 4, 3), 4, 1));
    const b = await values(m.logits(src, 3, Int32Array.of(1, 5, 9, 8), 4, 1));
    expectClose(a.slice(0, 2 * 12), b.slice(0, 2 * 12));
    expect(a.slice(2 * 12)).not.toEqual(b.slice(2 * 12));
    m.dispose();
  });

  it('ignores source padding: appending pad tokens to the prompt does not change the logits', async () => {
    const m = createP5Transformer(spec, new Rng(3));
    const tgt = Int32Array.of(1, 5, 4, 1, 8, 0);
    const short = await values(m.logits(Int32Array.of(3, 4, 5, 6, 7, 0), 3, tgt, 3, 2));
    const long = await values(m.logits(Int32Array.of(3, 4, 5, 0, 0, 6, 7, 0, 0, 0), 5, tgt, 3, 2));
    expectClose(short, long);
    const other = await values(m.logits(Int32Array.of(3, 4, 9, 6, 7, 9), 3, tgt, 3, 2));
    expect(other).not.toEqual(short);
    m.dispose();
  });

  it('normalises a row with LayerNorm: g ⊙ (x − mean) / √(var + ε) + b', async () => {
    const x = [1, 2, 3, 4];
    const g = [1, 2, 1, 1];
    const b = [0, 0, 1, 0];
    const sd = Math.sqrt(1.25 + 1e-5); // mean 2.5, biased variance 1.25
    const y = tf.tidy(() => layerNorm(tf.tensor2d([x]), tf.tensor2d([g]), tf.tensor2d([b])));
    expectClose(await values(y), x.map((v, i) => ((v - 2.5) / sd) * g[i] + b[i]));
  });

  it('takes the loss as the mean −log p(target) over the non-pad targets only', async () => {
    const src = Int32Array.of(3, 4, 5, 6, 7, 8);
    const batch: P5Batch = { src, srcLen: 3, tgtIn: Int32Array.of(1, 5, 0, 1, 6, 7), tgtOut: Int32Array.of(5, 2, 0, 6, 7, 2), tgtLen: 3, size: 2 };
    const m1 = createP5Transformer(spec, new Rng(4));
    const z = await values(m1.logits(batch.src, 3, batch.tgtIn, 3, 2));
    let sum = 0;
    let n = 0;
    batch.tgtOut.forEach((y, r) => {
      if (y === 0) return;
      const row = z.slice(r * 12, r * 12 + 12);
      const max = Math.max(...row);
      const lse = max + Math.log(row.reduce((s, v) => s + Math.exp(v - max), 0));
      sum += lse - row[y];
      n++;
    });
    const loss1 = (await values(m1.trainStep(batch)))[0];
    expect(loss1).toBeCloseTo(sum / n, 4);
    // Same weights, a batch that differs only where the target is pad (decoder input after the answer): same loss.
    const m2 = createP5Transformer(spec, new Rng(4));
    const loss2 = (await values(m2.trainStep({ ...batch, tgtIn: Int32Array.of(1, 5, 9, 1, 6, 7) })))[0];
    expect(loss2).toBeCloseTo(loss1, 5);
    m1.dispose();
    m2.dispose();
  });

  it('learns to reverse a 3-token sequence: the loss falls below half its start within 150 steps', async () => {
    const rng = new Rng(7);
    const m = createP5Transformer({ ...spec, dim: 32, encoderLayers: 1, decoderLayers: 1 }, rng.fork('model'));
    const B = 32;
    const batch = (): P5Batch => {
      const src = new Int32Array(B * 3);
      const tgtIn = new Int32Array(B * 4);
      const tgtOut = new Int32Array(B * 4);
      for (let b = 0; b < B; b++) {
        const s = [3 + rng.int(9), 3 + rng.int(9), 3 + rng.int(9)];
        src.set(s, b * 3);
        tgtIn.set([1, s[2], s[1], s[0]], b * 4); // 1 = start
        tgtOut.set([s[2], s[1], s[0], 2], b * 4); // 2 = end
      }
      return { src, srcLen: 3, tgtIn, tgtOut, tgtLen: 4, size: B };
    };
    const first = (await values(m.trainStep(batch())))[0];
    let last = first;
    for (let step = 1; step < 150; step++) {
      const loss = m.trainStep(batch());
      if (step % 50 === 49) last = (await values(loss))[0];
      else loss.dispose();
    }
    expect(last).toBeLessThan(first / 2);
    m.dispose();
  });

  it('leaks no tensors: the count stays flat across steps and returns to its start after dispose', async () => {
    const before = tf.memory().numTensors;
    const m = createP5Transformer({ ...spec, dropout: 0.1 }, new Rng(5));
    const batch: P5Batch = { src: Int32Array.of(3, 4, 0), srcLen: 3, tgtIn: Int32Array.of(1, 5), tgtOut: Int32Array.of(5, 2), tgtLen: 2, size: 1 };
    m.trainStep(batch).dispose();
    const afterOne = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) m.trainStep(batch).dispose();
    m.nextTokenLogits(batch.src, 3, Int32Array.of(1), 1, 1).dispose();
    m.logits(batch.src, 3, batch.tgtIn, 2, 1).dispose();
    expect(tf.memory().numTensors).toBe(afterOne);
    m.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('gives the same first loss from the same seed', async () => {
    const batch: P5Batch = { src: Int32Array.of(3, 4, 5), srcLen: 3, tgtIn: Int32Array.of(1, 5, 4), tgtOut: Int32Array.of(5, 4, 2), tgtLen: 3, size: 1 };
    const run = async (seed: number) => {
      const m = createP5Transformer({ ...spec, dropout: 0.1 }, new Rng(seed));
      try {
        return (await values(m.trainStep(batch)))[0];
      } finally {
        m.dispose();
      }
    };
    expect(await run(9)).toBe(await run(9));
    expect(await run(9)).not.toBe(await run(10));
  });
});
