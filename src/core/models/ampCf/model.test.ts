// The AMP-CF model: attention is a distribution over personas, P = 1 is MF, the fast ops match the plain ones.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../random/rng';
import { useWasm } from '../../testing/tfSetup';
import { batchMatMulFast, gatherRows } from '../../tf/ops';
import { createAmpCf, type AmpCf } from './model';

beforeAll(useWasm);

const USERS = Int32Array.from([0, 3, 3, 7]);
/** 4 users × 5 candidates, with a repeated item. */
const ITEMS = Int32Array.from([1, 2, 3, 4, 5, 0, 9, 9, 8, 7, 11, 12, 13, 14, 15, 2, 4, 6, 8, 10]);

/** A model with vectors large enough (std 1) that attention is far from uniform. */
const model = (personas: number, itemBias = true) =>
  createAmpCf({ numUsers: 8, numItems: 16, dim: 6, personas, rng: new Rng(3), initStd: 1, itemBias });

async function read(f: () => tf.Tensor): Promise<Float32Array> {
  const t = tf.tidy(f);
  try {
    return (await t.data()) as Float32Array;
  } finally {
    t.dispose();
  }
}

const candidates = (m: AmpCf, what: 'scores' | 'attention') =>
  read(() => m[what](tf.tensor1d(USERS, 'int32'), tf.tensor2d(ITEMS, [4, 5], 'int32')));

describe('AMP-CF attention', () => {
  it('is a distribution over the P personas for every user and candidate, and not a uniform one', async () => {
    const m = model(3);
    const a = await candidates(m, 'attention');
    expect(a).toHaveLength(4 * 5 * 3);
    for (let r = 0; r < 20; r++) {
      const row = Array.from(a.subarray(r * 3, r * 3 + 3));
      expect(row.every((x) => x >= 0 && x <= 1)).toBe(true);
      expect(row.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 6);
    }
    expect(Math.max(...a)).toBeGreaterThan(0.6);
    m.dispose();
  });

  it('equals softmax_p(v_i·u_p) and the score equals Σ_p α_p (u_p·v_i) + b_i, recomputed in float64 from the weights', async () => {
    const m = model(3);
    const [U, V] = await m.snapshot();
    const bias = Float32Array.from({ length: 16 }, (_, i) => 0.1 * i - 0.5);
    m.restore([U, V, bias]);
    const [a, s] = [await candidates(m, 'attention'), await candidates(m, 'scores')];
    for (let b = 0; b < 4; b++) {
      for (let j = 0; j < 5; j++) {
        const i = ITEMS[b * 5 + j];
        const S = [0, 1, 2].map((p) => {
          let dot = 0;
          for (let k = 0; k < 6; k++) dot += U[(USERS[b] * 3 + p) * 6 + k] * V[i * 6 + k];
          return dot;
        });
        const z = S.map((x) => Math.exp(x - Math.max(...S)));
        const alpha = z.map((x) => x / z.reduce((q, y) => q + y, 0));
        alpha.forEach((x, p) => expect(a[(b * 5 + j) * 3 + p]).toBeCloseTo(x, 5));
        expect(s[b * 5 + j]).toBeCloseTo(alpha.reduce((q, x, p) => q + x * S[p], 0) + bias[i], 4);
      }
    }
    m.dispose();
  });

  it('scores candidates exactly as the full-catalogue logits score them', async () => {
    const m = model(4);
    const logits = await read(() => m.logits(tf.tensor1d(USERS, 'int32')));
    const s = await candidates(m, 'scores');
    for (let b = 0; b < 4; b++) for (let j = 0; j < 5; j++) expect(s[b * 5 + j]).toBeCloseTo(logits[b * 16 + ITEMS[b * 5 + j]], 5);
    m.dispose();
  });
});

describe('AMP-CF with one persona is matrix factorisation', () => {
  it('has attention exactly 1 and scores exactly u·v (the same float32 product MF computes)', async () => {
    const m = model(1, false);
    const [U, V] = await m.snapshot();
    expect(Array.from(await candidates(m, 'attention')).every((x) => x === 1)).toBe(true);
    // MF's scores: U_u Vᵀ as one float32 product of the same weights.
    const mfLogits = await read(() => tf.matMul(tf.gather(tf.tensor2d(U, [8, 6]), tf.tensor1d(USERS, 'int32')), tf.transpose(tf.tensor2d(V, [16, 6]))));
    const logits = await read(() => m.logits(tf.tensor1d(USERS, 'int32')));
    expect(Array.from(logits)).toEqual(Array.from(mfLogits));
    const s = await candidates(m, 'scores');
    for (let r = 0; r < 20; r++) {
      const u = USERS[Math.floor(r / 5)];
      let dot = 0;
      for (let k = 0; k < 6; k++) dot += U[u * 6 + k] * V[ITEMS[r] * 6 + k];
      expect(s[r]).toBeCloseTo(dot, 5);
    }
    m.dispose();
  });

  it('starts from the same item vectors whatever P (one rng draw order), so MF and AMP-CF differ only in P', async () => {
    const [a, b] = [model(1), model(5)];
    expect((await a.snapshot())[1]).toEqual((await b.snapshot())[1]);
    a.dispose();
    b.dispose();
  });
});

describe('AMP-CF weights', () => {
  it('has U (users·P × d), V (items × d) and b (1 × items), and b only when asked', () => {
    const m = model(3);
    expect(m.variables().map((v) => v.shape)).toEqual([[24, 6], [16, 6], [1, 16]]);
    const n = model(3, false);
    expect(n.variables()).toHaveLength(2);
    m.dispose();
    n.dispose();
  });

  it('restores a snapshot exactly, and frees every tensor on dispose', async () => {
    const before = tf.memory().numTensors;
    const m = model(2);
    const w = await m.snapshot();
    const s0 = await candidates(m, 'scores');
    m.restore(w.map((x) => x.map((v) => v + 1)));
    expect(await candidates(m, 'scores')).not.toEqual(s0);
    m.restore(w);
    expect(await candidates(m, 'scores')).toEqual(s0);
    m.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects a shape setting that is not a whole number ≥ 1, naming it', () => {
    expect(() => createAmpCf({ numUsers: 2, numItems: 2, dim: 2, personas: 0, rng: new Rng(1) })).toThrow(/personas must be a whole number ≥ 1, got 0/);
  });
});

describe('the fast ops', () => {
  it('gatherRows gives the values of tf.gather, and its gradient adds repeated rows up', async () => {
    const table = tf.tensor2d(Float32Array.from({ length: 12 }, (_, i) => i * 0.5 - 2), [4, 3]);
    const idx = tf.tensor1d([2, 0, 2, 3], 'int32');
    const wv = Float32Array.from({ length: 12 }, (_, i) => (i % 5) - 1);
    const w = tf.tensor2d(wv, [4, 3]);
    expect(await read(() => gatherRows(table, idx))).toEqual(await read(() => tf.gather(table, idx)));
    // d/dtable Σ gather(table, idx) ⊙ w: row r gets the sum of w's rows j with idx_j = r.
    const expected = new Float32Array(12);
    [2, 0, 2, 3].forEach((r, j) => {
      for (let c = 0; c < 3; c++) expected[r * 3 + c] += wv[j * 3 + c];
    });
    expect(await read(() => tf.grad((t: tf.Tensor) => tf.sum(tf.mul(gatherRows(t as tf.Tensor2D, idx), w)))(table))).toEqual(expected);
    tf.dispose([table, idx, w]);
  });

  it('batchMatMulFast gives the values and gradients of tf.matMul', async () => {
    const rng = new Rng(9);
    const a = tf.tensor3d(rng.normalArray(2 * 3 * 4, 1), [2, 3, 4]);
    const b = tf.tensor3d(rng.normalArray(2 * 4 * 5, 1), [2, 4, 5]);
    const w = tf.tensor3d(rng.normalArray(2 * 3 * 5, 1), [2, 3, 5]);
    const f = (mm: (x: tf.Tensor3D, y: tf.Tensor3D) => tf.Tensor) => (x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.mul(mm(x as tf.Tensor3D, y as tf.Tensor3D), w));
    const fast = tf.grads(f(batchMatMulFast))([a, b]);
    const plain = tf.grads(f((x, y) => tf.matMul(x, y)))([a, b]);
    for (let k = 0; k < 2; k++) {
      const [x, y] = [await fast[k].data(), await plain[k].data()];
      x.forEach((v, i) => expect(v).toBeCloseTo(y[i], 5));
    }
    const [v1, v2] = [await read(() => batchMatMulFast(a, b)), await read(() => tf.matMul(a, b))];
    v1.forEach((v, i) => expect(v).toBeCloseTo(v2[i], 5));
    tf.dispose([a, b, w, ...fast, ...plain]);
  });
});
