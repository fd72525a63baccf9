// The ensemble: wide and deep trained apart, combined only at inference by a logistic blend of their logits.
import { sigmoid } from '../../metrics/classification';

/** The blend's own parameters (a, b, c): what the ensemble adds to its two models' sizes. */
export const BLEND_PARAMS = 3;

/** ℓ_ens = a·ℓ_wide + b·ℓ_deep + c. */
export interface Blend {
  a: number;
  b: number;
  c: number;
}

/** Mean log-loss of the blend w = (a, b, c) on the given logits. */
function blendLoss(w: readonly number[], wide: ArrayLike<number>, deep: ArrayLike<number>, labels: ArrayLike<number>): number {
  let sum = 0;
  for (let k = 0; k < labels.length; k++) {
    const l = w[0] * wide[k] + w[1] * deep[k] + w[2];
    // ln(1 + e^l) − y·l, written so it never overflows.
    sum += Math.max(l, 0) + Math.log1p(Math.exp(-Math.abs(l))) - (labels[k] ? l : 0);
  }
  return sum / labels.length;
}

/**
 * Fits the blend on held-out (validation) logits: a three-parameter logistic regression minimising the mean log-loss,
 * by Newton's method with step halving (a step is taken only if it lowers the loss), from a = b = 0 and c = the
 * logit of the click rate (the best constant). The Hessian gets 1e-6 on its diagonal so it stays invertible when the
 * two logits are collinear. Non-finite logits or labels of one class leave that starting blend.
 */
export function fitBlend(wide: ArrayLike<number>, deep: ArrayLike<number>, labels: ArrayLike<number>): Blend {
  const n = labels.length;
  let pos = 0;
  for (let k = 0; k < n; k++) pos += labels[k] ? 1 : 0;
  if (pos === 0 || pos === n) return { a: 0, b: 0, c: n === 0 ? 0 : pos === 0 ? -Infinity : Infinity };
  let w = [0, 0, Math.log(pos / (n - pos))];
  let loss = blendLoss(w, wide, deep, labels);
  if (!Number.isFinite(loss)) return { a: 0, b: 0, c: w[2] };
  for (let it = 0; it < 50; it++) {
    const g = [0, 0, 0];
    const H = [
      [1e-6, 0, 0],
      [0, 1e-6, 0],
      [0, 0, 1e-6],
    ];
    for (let k = 0; k < n; k++) {
      const x = [wide[k], deep[k], 1];
      const p = sigmoid(w[0] * x[0] + w[1] * x[1] + w[2]);
      const r = p - (labels[k] ? 1 : 0);
      const s = p * (1 - p);
      for (let i = 0; i < 3; i++) {
        g[i] += (r * x[i]) / n;
        for (let j = 0; j < 3; j++) H[i][j] += (s * x[i] * x[j]) / n;
      }
    }
    const step = solve3(H, g);
    if (!step.every(Number.isFinite)) break;
    let t = 1;
    let next = w;
    let nextLoss = Infinity;
    for (let half = 0; half < 30; half++, t /= 2) {
      next = w.map((v, i) => v - t * step[i]);
      nextLoss = blendLoss(next, wide, deep, labels);
      if (nextLoss <= loss) break;
    }
    if (!(nextLoss <= loss)) break;
    const done = loss - nextLoss < 1e-12;
    w = next;
    loss = nextLoss;
    if (done) break;
  }
  return { a: w[0], b: w[1], c: w[2] };
}

/** Solves H·x = g for a 3 × 3 system (Cramer's rule; H is positive definite here). */
function solve3(H: number[][], g: number[]): number[] {
  const det = (m: number[][]) =>
    m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
  const d = det(H);
  return [0, 1, 2].map((c) => det(H.map((row, i) => row.map((v, j) => (j === c ? g[i] : v)))) / d);
}

/** The blend's logits. */
export function blendLogits(blend: Blend, wide: ArrayLike<number>, deep: ArrayLike<number>): Float64Array {
  return Float64Array.from({ length: wide.length }, (_, k) => blend.a * wide[k] + blend.b * deep[k] + blend.c);
}
