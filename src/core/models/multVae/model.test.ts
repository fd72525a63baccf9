// The Mult-VAE / Mult-DAE network as a backbone: shapes, determinism, μ at evaluation, snapshot/restore, no leaks.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../random/rng';
import { useWasm } from '../../testing/tfSetup';
import { paramCount } from './memory';
import { createMultVae, firstLayerFor, type MultVaeOptions } from './model';

beforeAll(useWasm);

const ROWS = [Int32Array.of(0, 3, 7), Int32Array.of(2), Int32Array.of(1, 4, 5, 6, 9)];
const make = (over: Partial<MultVaeOptions> = {}) => createMultVae({ numItems: 10, hidden: 8, latent: 4, variant: 'vae', rng: new Rng(1), ...over });
const read = async (t: tf.Tensor) => {
  const v = Array.from(await t.data());
  t.dispose();
  return v;
};

describe('createMultVae', () => {
  it('maps B users to B × I logits, B × latent μ and log σ² (VAE); the DAE has no log σ²', () => {
    for (const variant of ['vae', 'dae'] as const) {
      const m = make({ variant });
      tf.tidy(() => {
        const f = m.forward(ROWS, { training: true, rng: new Rng(2) });
        expect(f.logits.shape).toEqual([3, 10]);
        expect(f.mu.shape).toEqual([3, 4]);
        if (variant === 'vae') expect(f.logVar?.shape).toEqual([3, 4]);
        else expect(f.logVar).toBeNull();
      });
      expect(m.numParams).toBe(paramCount(10, 8, 4, variant));
      expect(m.variables()).toHaveLength(8);
      m.dispose();
    }
  });

  it('evaluates deterministically (no dropout, z = μ), and trains with the Rng’s mask and ε', async () => {
    const m = make();
    const evalA = await read(m.logitsFromRows(ROWS, { training: false }));
    const evalB = await read(m.logitsFromRows(ROWS, { training: false }));
    expect(evalB).toEqual(evalA);
    const trainA = await read(m.logitsFromRows(ROWS, { training: true, rng: new Rng(3) }));
    const trainB = await read(m.logitsFromRows(ROWS, { training: true, rng: new Rng(3) }));
    const trainC = await read(m.logitsFromRows(ROWS, { training: true, rng: new Rng(4) }));
    expect(trainB).toEqual(trainA);
    expect(trainC).not.toEqual(trainA);
    expect(trainA).not.toEqual(evalA);
    expect(() => m.logitsFromRows(ROWS, { training: true })).toThrow(/Rng/);
    m.dispose();
  });

  it('samples z only in the VAE: without dropout the DAE trains on exactly its evaluation output', async () => {
    for (const variant of ['vae', 'dae'] as const) {
      const m = make({ variant, dropout: 0 });
      const train = await read(m.logitsFromRows(ROWS, { training: true, rng: new Rng(3) }));
      const evaluation = await read(m.logitsFromRows(ROWS, { training: false }));
      if (variant === 'dae') expect(train).toEqual(evaluation);
      else expect(train).not.toEqual(evaluation);
      m.dispose();
    }
  });

  it('gives the same logits with the sparse and the dense first layer', async () => {
    const sparse = make({ firstLayer: 'sparse' });
    const dense = make({ firstLayer: 'dense' });
    const a = await read(sparse.logitsFromRows(ROWS, { training: true, rng: new Rng(5) }));
    const b = await read(dense.logitsFromRows(ROWS, { training: true, rng: new Rng(5) }));
    a.forEach((v, j) => expect(v).toBeCloseTo(b[j], 5));
    sparse.dispose();
    dense.dispose();
    expect(firstLayerFor('wasm')).toBe('sparse');
    expect(firstLayerFor('webgl')).toBe('dense');
  });

  it('restores a snapshot into another model, which then scores identically', async () => {
    const a = make({ rng: new Rng(10) });
    const b = make({ rng: new Rng(11) });
    const la = await read(a.logitsFromRows(ROWS, { training: false }));
    expect(await read(b.logitsFromRows(ROWS, { training: false }))).not.toEqual(la);
    b.restore(await a.snapshot());
    expect(await read(b.logitsFromRows(ROWS, { training: false }))).toEqual(la);
    expect(() => b.restore([])).toThrow(/cannot restore 8 variables/);
    a.dispose();
    b.dispose();
  });

  // A 2-item, 1-wide network with weights set by hand: W₁ = [0.5, 0.2]ᵀ, b₁ = 0, W₂ = 2, b₂ = 0.1, W₃ = 1, b₃ = 0,
  // W₄ = [1, −1], b₄ = 0. User clicks item 0 only, so the L2-normalised input is [1, 0] and
  //   h₁ = tanh(0.5) = 0.46211715726…, pre-code = 2 h₁ + 0.1 = 1.02423431452…
  //   linear code (the lab's DAE): z = 1.0242343145…, logits = ±tanh(z) = ±0.7715855815…
  //   tanh code (the reference):   z = tanh(1.0242…) = 0.7715855815…, logits = ±tanh(z) = ±0.6478504924…
  it('puts tanh on the DAE’s code only when asked (the reference Mult-DAE), and never on the VAE’s μ', async () => {
    const weights = [[0.5, 0.2], [0], [2], [0.1], [1], [0], [1, -1], [0, 0]].map((w) => Float32Array.from(w));
    const run = async (tanhCode: boolean) => {
      const m = createMultVae({ numItems: 2, hidden: 1, latent: 1, variant: 'dae', rng: new Rng(1), tanhCode });
      m.restore(weights);
      const f = m.forward([Int32Array.of(0)], { training: false });
      const out = { tanhCode: m.tanhCode, mu: await read(f.mu), logits: await read(f.logits) };
      m.dispose();
      return out;
    };
    const linear = await run(false);
    const reference = await run(true);
    expect(linear.tanhCode).toBe(false);
    expect(reference.tanhCode).toBe(true);
    expect(linear.mu[0]).toBeCloseTo(1.0242343145200195, 6);
    expect(linear.logits[0]).toBeCloseTo(0.771585581456574, 6);
    expect(linear.logits[1]).toBeCloseTo(-0.771585581456574, 6);
    expect(reference.mu[0]).toBeCloseTo(0.771585581456574, 6);
    expect(reference.logits[0]).toBeCloseTo(0.6478504924327348, 6);
    expect(reference.logits[1]).toBeCloseTo(-0.6478504924327348, 6);
    // The VAE ignores the option: its μ / log σ² heads stay linear, as in the reference.
    const vae = make({ tanhCode: true });
    expect(vae.tanhCode).toBe(false);
    const plain = make();
    expect(await read(vae.logitsFromRows(ROWS, { training: false }))).toEqual(await read(plain.logitsFromRows(ROWS, { training: false })));
    vae.dispose();
    plain.dispose();
  });

  it('lists the four weight matrices, without biases, for weight decay', () => {
    const m = make({ variant: 'dae' });
    expect(m.weightMatrices().map((w) => w.shape)).toEqual([
      [10, 8],
      [8, 4],
      [4, 8],
      [8, 10],
    ]);
    m.dispose();
  });

  it('frees every tensor it made on dispose', () => {
    const before = tf.memory().numTensors;
    const m = make();
    tf.tidy(() => {
      m.forward(ROWS, { training: true, rng: new Rng(1) });
    });
    m.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
