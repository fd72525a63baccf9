// The ensemble: wide and deep trained apart, combined only at inference by a logistic blend of their logits.
import { sigmoid } from '../../metrics/classification';

/** ℓ_ens = a·ℓ_wide + b·ℓ_deep + c. */
export interface Blend {
  a: number;
  b: number;
  c: number;
}

/**
 * Fits the blend on held-out (validation) logits by Newton's method on the mean log-loss (a three-parameter
 * logistic regression, with a tiny ridge 1e-6 so it stays defined when the two logits are collinear). Starts from
 * a = b = ½ (the plain average of the logits).
 */
export function fitBlend(wide: ArrayLike<number>, deep: ArrayLike<number>, labels: ArrayLike<number>): Blend {
  let w = [0.5, 0.5, 0];
  const n = labels.length;
  if (n === 0) return { a: 0.5, b: 0.5, c: 0 };
  for (let it = 0; it < 25; it++) {
    const g = [0, 0, 0];
    const H = [
      [1e-6, 0, 0],
      [0, 1e-6, 0],
      [0, 0, 1e-6],
    ];
    for (let k = 0; k < n; k++) {
      const x = [wide[k], deep[k], 1];
      const p = sigmoid(w[0] * x[0] + w[1] * x[1] + w[2]);
      const r = p - labels[k];
      const s = p * (1 - p);
      for (let i = 0; i < 3; i++) {
        g[i] += (r * x[i]) / n;
        for (let j = 0; j < 3; j++) H[i][j] += (s * x[i] * x[j]) / n;
      }
    }
    const step = solve3(H, g);
    w = w.map((v, i) => v - step[i]);
    if (Math.hypot(...step) < 1e-10) break;
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
