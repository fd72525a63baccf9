// Each likelihood against a case worked by hand, and the logistic one's stability at large logits.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasm } from '../../testing/tfSetup';
import { gaussianLogLik, logisticLogLik, logLikelihood, multinomialLogLik } from './likelihoods';

beforeAll(useWasm);

const values = async (t: tf.Tensor) => {
  const v = Array.from(await t.data());
  t.dispose();
  return v;
};
const m = (rows: number[][]) => tf.tensor2d(rows);

describe('the multinomial log-likelihood', () => {
  it('is Σ_i x_i log softmax(f)_i, per user', async () => {
    // Row 1: softmax([0, ln 2, 0]) = [1/4, 1/2, 1/4]; clicks on items 0 and 2 → 2 · ln(1/4) = −2 ln 4.
    // Row 2: softmax([1, 1, 1]) = 1/3 each; one click → ln(1/3).
    const ll = await values(multinomialLogLik(m([[1, 0, 1], [0, 1, 0]]), m([[0, Math.LN2, 0], [1, 1, 1]])));
    expect(ll[0]).toBeCloseTo(-2 * Math.log(4), 5);
    expect(ll[1]).toBeCloseTo(Math.log(1 / 3), 5);
  });

  it('does not change when every logit of a user moves by the same amount (items compete)', async () => {
    const a = await values(multinomialLogLik(m([[1, 0, 1]]), m([[0.3, -1, 2]])));
    const b = await values(multinomialLogLik(m([[1, 0, 1]]), m([[10.3, 9, 12]])));
    expect(b[0]).toBeCloseTo(a[0], 4);
  });
});

describe('the Gaussian log-likelihood', () => {
  it('is −Σ_i (c_i/2)(x_i − f_i)² with c = c₁ on clicks and 1 elsewhere', async () => {
    // x = [1, 0, 1], f = [0.5, 2, 1], c₁ = 3: −(3/2 · 0.25 + 1/2 · 4 + 3/2 · 0) = −2.375.
    const [ll] = await values(gaussianLogLik(m([[1, 0, 1]]), m([[0.5, 2, 1]]), 3));
    expect(ll).toBeCloseTo(-2.375, 6);
  });

  it('with c₁ = 1 is minus half the squared error', async () => {
    const [ll] = await values(gaussianLogLik(m([[1, 0]]), m([[0, 1]]), 1));
    expect(ll).toBeCloseTo(-1, 6);
  });
});

describe('the logistic log-likelihood', () => {
  it('is Σ_i x_i log σ(f_i) + (1 − x_i) log(1 − σ(f_i))', async () => {
    // x = [1, 0], f = [0, ln 3]: ln σ(0) = ln ½; σ(ln 3) = 3/4, so ln(1 − 3/4) = ln ¼. Sum = −ln 8.
    const [ll] = await values(logisticLogLik(m([[1, 0]]), m([[0, Math.log(3)]])));
    expect(ll).toBeCloseTo(-Math.log(8), 5);
  });

  it('stays finite and exact at large logits, where σ rounds to 0 or 1 in float32', async () => {
    // Right at ±100: log σ(100) ≈ −e^−100 ≈ 0; wrong at ±100: log σ(−100) ≈ −100 each.
    const [right, wrong] = await values(logisticLogLik(m([[1, 0], [0, 1]]), m([[100, -100], [100, -100]])));
    expect(right).toBeCloseTo(0, 6);
    expect(wrong).toBeCloseTo(-200, 3);
  });
});

describe('logLikelihood', () => {
  it('dispatches by name, the Gaussian with its confidence', async () => {
    const x = m([[1, 0, 1]]);
    const f = m([[0.5, 2, 1]]);
    const opts = { gaussianConfidence: 3 };
    expect((await values(logLikelihood('gaussian', x, f, opts)))[0]).toBeCloseTo(-2.375, 6);
    expect(await values(logLikelihood('multinomial', x, f, opts))).toEqual(await values(multinomialLogLik(x, f)));
    expect(await values(logLikelihood('logistic', x, f, opts))).toEqual(await values(logisticLogLik(x, f)));
    tf.dispose([x, f]);
  });
});
