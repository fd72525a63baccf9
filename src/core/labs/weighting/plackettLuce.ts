// Slates from a softmax policy: Plackett–Luce sampling without replacement (Gumbel top-k) and its log-probability.
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../../random/rng';

/** Smallest remaining mass the tensor log-probability takes the log of (float32-normal; reached only on underflow). */
const MASS_FLOOR = 1e-30;

/** 0/1 mask of the items not in `exclude` (ids checked), and how many are allowed. */
function allowedItems(numItems: number, exclude: ArrayLike<number>): { allowed: Uint8Array; count: number } {
  const allowed = new Uint8Array(numItems).fill(1);
  let count = numItems;
  for (let j = 0; j < exclude.length; j++) {
    const i = exclude[j];
    if (!(Number.isInteger(i) && i >= 0 && i < numItems)) {
      throw new RangeError(`excluded item id ${i} is not an integer in [0, ${numItems})`);
    }
    if (allowed[i]) count--;
    allowed[i] = 0;
  }
  return { allowed, count };
}

/**
 * G slates of N distinct items each, drawn from the Plackett–Luce model of one user's logits l (the softmax
 * policy sampled without replacement), by Gumbel top-k: key_i = l_i + g_i, g_i = −log(−log U_i), U_i ~ U(0, 1)
 * from `rng`; the slate is the N allowed items with the largest keys, in decreasing key order (which is the
 * PL order of picks). Excluded items are never chosen.
 * Speed: the key is ranked in the equivalent form k_i = log(U_i) · exp(m − l_i) (m = max logit), since
 * l_i + g_i = m − log(−k_i) is increasing in k_i: one log per draw instead of two, the exps shared by the G
 * slates — same U, same slates. (A logit more than ~709 below the max gets k = −∞: probability < e⁻⁷⁰⁹.)
 * @param logits the user's logits over the catalogue (length I), all finite.
 * @param exclude item ids never to recommend (the user's input items).
 * @throws RangeError when fewer than N items are allowed, or on a bad id, G, N or logit.
 */
export function sampleSlates(
  logits: Float32Array,
  exclude: ArrayLike<number>,
  G: number,
  N: number,
  rng: Rng,
): Int32Array[] {
  const I = logits.length;
  if (!(Number.isInteger(G) && G >= 1)) throw new RangeError(`group size G = ${G} must be an integer ≥ 1`);
  if (!(Number.isInteger(N) && N >= 1)) throw new RangeError(`slate size N = ${N} must be an integer ≥ 1`);
  for (let i = 0; i < I; i++) {
    if (!Number.isFinite(logits[i])) throw new RangeError(`logit ${logits[i]} of item ${i} is not finite`);
  }
  const { allowed, count } = allowedItems(I, exclude);
  if (count < N) {
    throw new RangeError(`cannot sample ${N} distinct items: only ${count} of ${I} items are allowed (${I - count} excluded)`);
  }
  let m = -Infinity;
  for (let i = 0; i < I; i++) if (allowed[i] && logits[i] > m) m = logits[i];
  const scale = new Float64Array(I);
  for (let i = 0; i < I; i++) scale[i] = Math.exp(m - logits[i]);
  const slates: Int32Array[] = [];
  const topKey = new Float64Array(N);
  for (let g = 0; g < G; g++) {
    const slate = new Int32Array(N);
    topKey.fill(-Infinity);
    let filled = 0;
    for (let i = 0; i < I; i++) {
      if (!allowed[i]) continue;
      // U in (0, 1): float() is in [0, 1 − 2⁻³²]; the half-step keeps log U finite and < 0.
      const u = rng.float() + 2 ** -33;
      const key = Math.log(u) * scale[i]; // the Gumbel key l_i − log(−log U_i), up to a monotone map
      if (filled === N && key <= topKey[N - 1]) continue;
      // Insertion into the sorted top-N (N is small: ~10).
      let pos = filled < N ? filled++ : N - 1;
      while (pos > 0 && topKey[pos - 1] < key) {
        topKey[pos] = topKey[pos - 1];
        slate[pos] = slate[pos - 1];
        pos--;
      }
      topKey[pos] = key;
      slate[pos] = i;
    }
    slates.push(slate);
  }
  return slates;
}

/**
 * Plackett–Luce log-probability of an ordered slate (i_1, …, i_N), in float64 — the reference:
 * log p = Σ_j [ l_{i_j} − log Σ_{i allowed, i ∉ {i_1..i_{j−1}}} exp(l_i) ] (natural log).
 * @returns −Infinity when the slate repeats an item or holds an excluded one (probability 0).
 */
export function plLogProb(logits: ArrayLike<number>, slate: ArrayLike<number>, exclude: ArrayLike<number>): number {
  const { allowed } = allowedItems(logits.length, exclude);
  let lp = 0;
  for (let j = 0; j < slate.length; j++) {
    const pick = slate[j];
    if (!(Number.isInteger(pick) && pick >= 0 && pick < logits.length)) {
      throw new RangeError(`slate item id ${pick} is not an integer in [0, ${logits.length})`);
    }
    if (!allowed[pick]) return -Infinity;
    // log-sum-exp over what remains, shifted by its max for stability.
    let m = -Infinity;
    for (let i = 0; i < logits.length; i++) if (allowed[i] && logits[i] > m) m = logits[i];
    let z = 0;
    for (let i = 0; i < logits.length; i++) if (allowed[i]) z += Math.exp(logits[i] - m);
    lp += logits[pick] - m - Math.log(z);
    allowed[pick] = 0;
  }
  return lp;
}

/**
 * Plackett–Luce log-probabilities of R ordered slates, differentiable w.r.t. `logits`, in O(R·(I + N)) memory
 * (no N×R×I mask). With m = max of the row's allowed logits, e_j = exp(l_{pick_j} − m) and
 * Z = Σ_{allowed} exp(l − m), the mass left before pick j is Z − Σ_{t<j} e_t, so
 *   log p = Σ_j [ (l_{pick_j} − m) − log(Z − Σ_{t<j} e_t) ].
 * Numerical caveat: in float32, Z − Σ_{t<j} e_t loses its digits when the earlier picks hold nearly all of the
 * row's mass (absolute error ≈ 6·10⁻⁸·Z, so a remainder of 10⁻⁵ Z is off by ~1% and one that rounds to ≤ 0
 * gives NaN). So the same quantity is computed without a subtraction, as
 *   Z − Σ_{t<j} e_t = Z_out + Σ_{t≥j} e_t,  Z_out = Σ_{allowed, not picked} exp(l − m),
 * a sum of positive terms (Z_out uses an R×I not-picked mask, and a reverse cumulative sum), clamped below at
 * 10⁻³⁰ for the case where every remaining term underflows. Error is then float32 rounding only.
 * @param logits R × I logits, one row per slate (repeat a user's row for each of its slates).
 * @param picks R × N int32 item ids in pick order; each must be allowed in its row, and distinct.
 * @param allowedMask R × I, 0 where the item may be picked and −Infinity where it is excluded (≥ N allowed per row).
 * @returns R natural-log probabilities (≤ 0).
 */
export function plLogProbTensor(logits: tf.Tensor2D, picks: tf.Tensor2D, allowedMask: tf.Tensor2D): tf.Tensor1D {
  const [R, I] = logits.shape;
  const N = picks.shape[1];
  if (picks.shape[0] !== R) throw new RangeError(`picks have ${picks.shape[0]} rows, logits ${R}`);
  if (allowedMask.shape[0] !== R || allowedMask.shape[1] !== I) {
    throw new RangeError(`allowedMask shape [${allowedMask.shape}] differs from logits [${logits.shape}]`);
  }
  return tf.tidy(() => {
    const masked = tf.add(logits, allowedMask);
    const shifted = tf.sub(masked, tf.max(masked, 1, true)); // ≤ 0; −∞ where excluded
    const ids = tf.cast(picks, 'int32');
    const rows = tf.tile(tf.range(0, R, 1, 'int32').reshape([R, 1]), [1, N]);
    const flatIdx = tf.add(tf.mul(rows, tf.scalar(I, 'int32')), ids).reshape([R * N]) as tf.Tensor1D;
    const picked = gatherFlat(shifted.reshape([R * I]) as tf.Tensor1D, flatIdx).reshape([R, N]);
    const e = tf.exp(picked);
    // 1 where the item is not in the slate (a constant: R × I, built by scattering the picks).
    const hit = tf.scatterND(tf.stack([rows.reshape([R * N]), ids.reshape([R * N])], 1), tf.ones([R * N]), [R, I]);
    const notPicked = tf.cast(tf.equal(hit, 0), 'float32');
    const zOut = tf.sum(tf.mul(tf.exp(shifted), notPicked), 1, true); // R × 1
    const remaining = tf.add(zOut, tf.cumsum(e, 1, false, true)); // Z_out + Σ_{t≥j} e_t
    return tf.sum(tf.sub(picked, tf.log(tf.maximum(remaining, MASS_FLOOR))), 1) as tf.Tensor1D;
  });
}

/**
 * table[idx] for a flat table, with the gradient scattered back by scatterND: tfjs's own gather gradient needs
 * UnsortedSegmentSum, which wasm lacks (tfjs-notes.md). Unlike `gatherRows` of tf/ops it saves `idx` for the
 * backward pass, so `idx` may be an intermediate that the forward pass's tidy disposes.
 */
function gatherFlat(table: tf.Tensor1D, idx: tf.Tensor1D): tf.Tensor1D {
  const size = table.shape[0];
  const f = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [t, save] = args as [tf.Tensor1D, tf.GradSaveFunc];
    save([idx]);
    return {
      value: tf.gather(t, idx),
      gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) =>
        tf.scatterND(tf.expandDims(saved[0], 1), dy as tf.Tensor, [size]),
    };
  });
  return f(table) as tf.Tensor1D;
}
