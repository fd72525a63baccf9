// gatherRows, matMulFast, matMulConst, tanh and logSoftmax must match tfjs's own ops in value and gradient, on wasm and on cpu.
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useWasm } from '../testing/tfSetup';
import { selectBackend } from './backends';
import { gatherRows, logSoftmax, makeOptimizer, matMulConst, matMulFast, tanh, variableFrom } from './ops';

const values = async (t: tf.Tensor) => Array.from(await t.data());

// Worked example for the gather gradient:
//   table = [[1, 2], [3, 4], [5, 6]],  idx = [0, 2, 0],  w = [[1, 10], [100, 1000], [2, 20]]
//   f(table) = Σ gather(table, idx) ⊙ w  ⇒  ∂f/∂table[r] = Σ_{b : idx_b = r} w_b
//   row 0 ← w_0 + w_2 = [3, 30];  row 1 ← nothing = [0, 0];  row 2 ← w_1 = [100, 1000]
const TABLE = [[1, 2], [3, 4], [5, 6]];
const IDX = [0, 2, 0];
const W = [[1, 10], [100, 1000], [2, 20]];

// matMul example: a is 2×3, b is 3×2; f = Σ (a·b) ⊙ w with w = [[1, 2], [3, 4]]
//   ∂f/∂a = w·bᵀ,  ∂f/∂b = aᵀ·w
const A = [[1, 2, 3], [4, 5, 6]];
const B = [[1, -1], [0, 2], [3, 1]];
const WM = [[1, 2], [3, 4]];

for (const backend of ['wasm', 'cpu'] as const) {
  describe(`on the ${backend} backend`, () => {
    beforeAll(async () => {
      if (backend === 'wasm') await useWasm();
      else await selectBackend('cpu');
    });

    it(`really runs on ${backend}`, () => {
      expect(tf.getBackend()).toBe(backend);
    });

    describe('gatherRows', () => {
      it('gives the same rows as tf.gather, repeated index included', async () => {
        const table = tf.tensor2d(TABLE);
        const idx = tf.tensor1d(IDX, 'int32');
        const ours = gatherRows(table, idx);
        const theirs = tf.gather(table, idx);
        expect(ours.shape).toEqual([3, 2]);
        expect(await values(ours)).toEqual(await values(theirs));
        expect(await values(ours)).toEqual([1, 2, 5, 6, 1, 2]);
        tf.dispose([table, idx, ours, theirs]);
      });

      it('scatters the gradient back, adding up rows picked twice', async () => {
        const table = tf.tensor2d(TABLE);
        const idx = tf.tensor1d(IDX, 'int32');
        const w = tf.tensor2d(W);
        const g = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(gatherRows(t as tf.Tensor2D, idx), w)))(table);
        expect(g.shape).toEqual([3, 2]);
        expect(await values(g)).toEqual([3, 30, 0, 0, 100, 1000]);
        tf.dispose([table, idx, w, g]);
      });

      it('leaves no tensors behind inside tf.tidy', () => {
        const table = tf.tensor2d(TABLE);
        const idx = tf.tensor1d(IDX, 'int32');
        const before = tf.memory().numTensors;
        tf.tidy(() => {
          tf.grad((t: tf.Tensor) => tf.sum(gatherRows(t as tf.Tensor2D, idx)))(table);
        });
        expect(tf.memory().numTensors).toBe(before);
        tf.dispose([table, idx]);
      });
    });

    describe('matMulFast', () => {
      it('gives the same product as tf.matMul', async () => {
        const a = tf.tensor2d(A);
        const b = tf.tensor2d(B);
        const ours = matMulFast(a, b);
        const theirs = tf.matMul(a, b);
        // a·b = [[1+0+9, -1+4+3], [4+0+18, -4+10+6]]
        expect(await values(ours)).toEqual([10, 6, 22, 12]);
        expect(await values(ours)).toEqual(await values(theirs));
        tf.dispose([a, b, ours, theirs]);
      });

      it('has the gradients of tf.matMul for both inputs', async () => {
        const a = tf.tensor2d(A);
        const b = tf.tensor2d(B);
        const w = tf.tensor2d(WM);
        const f = (mm: (x: tf.Tensor2D, y: tf.Tensor2D) => tf.Tensor2D) => (x: tf.Tensor, y: tf.Tensor) =>
          tf.sum(tf.mul(mm(x as tf.Tensor2D, y as tf.Tensor2D), w));
        const [ga, gb] = tf.grads(f(matMulFast))([a, b]);
        const [ta, tb] = tf.grads(f((x, y) => tf.matMul(x, y)))([a, b]);
        // w·bᵀ = [[1·1+2·(−1), 1·0+2·2, 1·3+2·1], [3·1+4·(−1), 3·0+4·2, 3·3+4·1]]
        expect(await values(ga)).toEqual([-1, 4, 5, -1, 8, 13]);
        // aᵀ·w = [[1+12, 2+16], [2+15, 4+20], [3+18, 6+24]]
        expect(await values(gb)).toEqual([13, 18, 17, 24, 21, 30]);
        expect(await values(ga)).toEqual(await values(ta));
        expect(await values(gb)).toEqual(await values(tb));
        tf.dispose([a, b, w, ga, gb, ta, tb]);
      });
    });

    describe('matMulConst', () => {
      it('has the product and the first input’s gradient of tf.matMul, with Cᵀ given once', async () => {
        const a = tf.tensor2d(A);
        const c = tf.tensor2d(B);
        const cT = tf.transpose(c) as tf.Tensor2D;
        const w = tf.tensor2d(WM);
        const ours = matMulConst(a, c, cT);
        expect(await values(ours)).toEqual([10, 6, 22, 12]);
        const ga = tf.grad((x: tf.Tensor) => tf.sum(tf.mul(matMulConst(x as tf.Tensor2D, c, cT), w)))(a);
        // The same dA = w·Cᵀ as matMulFast's above.
        expect(await values(ga)).toEqual([-1, 4, 5, -1, 8, 13]);
        tf.dispose([a, c, cT, w, ours, ga]);
      });
    });

    describe('tanh', () => {
      it('is tanh, and so is its gradient 1 − tanh², to float32 rounding', async () => {
        // tanh(0) = 0, tanh(±1) = ±0.7615942, tanh(3) = 0.9950548, tanh(−20) = −1 (saturated);
        // d/dx: 1, 0.4199743, 0.4199743, 0.0098660, 0
        const x = tf.tensor1d([0, 1, -1, 3, -20]);
        const got = await values(tanh(x));
        [0, 0.7615942, -0.7615942, 0.9950548, -1].forEach((v, i) => expect(got[i]).toBeCloseTo(v, 6));
        const g = await values(tf.grad((v: tf.Tensor) => tf.sum(tanh(v)))(x));
        [1, 0.4199743, 0.4199743, 0.009866, 0].forEach((v, i) => expect(g[i]).toBeCloseTo(v, 6));
        x.dispose();
      });
    });

    describe('logSoftmax', () => {
      // Row [0, ln 2, ln 5]: Σ e^x = 1 + 2 + 5 = 8, so log softmax = [−ln 8, ln 2 − ln 8, ln 5 − ln 8]
      //   = [−2.0794415, −1.3862944, −0.4700036]; softmax = [1/8, 2/8, 5/8].
      // Row [1000, 1000, −1000]: [−ln 2, −ln 2, −2000 − ln 2] — no overflow, and the tiny probability is not −∞.
      // Gradient of Σ w ⊙ log softmax, w = [1, 0, 2] on row 1: w − (Σ w) · softmax = [1 − 3/8, −6/8, 2 − 15/8].
      it('is the log softmax over the last axis, stable for huge and tiny probabilities', async () => {
        const x = tf.tensor2d([[0, Math.log(2), Math.log(5)], [1000, 1000, -1000]]);
        const got = await values(logSoftmax(x));
        [-2.0794415, -1.3862944, -0.4700036, -Math.LN2, -Math.LN2, -2000 - Math.LN2].forEach((v, i) => expect(got[i]).toBeCloseTo(v, 4));
        const w = tf.tensor2d([[1, 0, 2], [0, 0, 0]]);
        const g = await values(tf.grad((v: tf.Tensor) => tf.sum(tf.mul(logSoftmax(v), w)))(x));
        [0.625, -0.75, 0.125, 0, 0, 0].forEach((v, i) => expect(g[i]).toBeCloseTo(v, 6));
        tf.dispose([x, w]);
      });

      it('matches tf.logSoftmax in value and gradient on a 3-D batch', async () => {
        const x = tf.tidy(() => tf.mul(4, tf.randomNormal([2, 3, 50], 0, 1, 'float32', 7)));
        const w = tf.randomNormal([2, 3, 50], 0, 1, 'float32', 8);
        const ours = await values(logSoftmax(x));
        const theirs = await values(tf.logSoftmax(x));
        ours.forEach((v, i) => expect(v).toBeCloseTo(theirs[i], 4));
        const f = (ls: (t: tf.Tensor) => tf.Tensor) => tf.grad((v: tf.Tensor) => tf.sum(tf.mul(ls(v), w)))(x);
        const [ga, gb] = [await values(f(logSoftmax)), await values(f((t) => tf.logSoftmax(t)))];
        ga.forEach((v, i) => expect(v).toBeCloseTo(gb[i], 4));
        tf.dispose([x, w]);
      });
    });

    describe('makeOptimizer', () => {
      it('makes Adam with epsilon 1e-7 whatever the backend', () => {
        const opt = makeOptimizer('adam', 0.02);
        expect(opt).toBeInstanceOf(tf.AdamOptimizer);
        const fields = opt as unknown as { learningRate: number; beta1: number; beta2: number; epsilon: number };
        expect(fields).toMatchObject({ learningRate: 0.02, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 });
        opt.dispose();
      });

      it('makes plain SGD: one step moves x by −lr·∇f', async () => {
        // f(x) = Σ x²,  ∇f = 2x;  x = [1, −2], lr = 0.25  ⇒  x − 0.25·[2, −4] = [0.5, −1]
        const sgd = makeOptimizer('sgd', 0.25);
        expect(sgd).toBeInstanceOf(tf.SGDOptimizer);
        const x = variableFrom(new Float32Array([1, -2]), [1, 2]);
        sgd.minimize(() => tf.sum(tf.square(x)) as tf.Scalar, false, [x]);
        expect(await values(x)).toEqual([0.5, -1]);
        x.dispose();
        sgd.dispose();
      });
    });
  });
}

describe('variableFrom', () => {
  it('holds exactly the given draws in the given shape, trainable', async () => {
    const v = variableFrom(new Float32Array([0.5, -1.5, 2, 3, 4, 5]), [2, 3]);
    expect(v.shape).toEqual([2, 3]);
    expect(v.trainable).toBe(true);
    expect(await values(v)).toEqual([0.5, -1.5, 2, 3, 4, 5]);
    v.dispose();
  });

  it('owns exactly one tensor: disposing the variable brings the count back', () => {
    const before = tf.memory().numTensors;
    const v = variableFrom(new Float32Array(6), [2, 3]);
    expect(tf.memory().numTensors).toBe(before + 1);
    v.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

afterAll(async () => {
  await useWasm();
});
