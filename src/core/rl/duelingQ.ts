// A dueling Q-network over variable candidate-action sets (Wang et al. 2016), as UNICORN's policy uses it.
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../random/rng';
import { matMulFast, variableFrom } from '../tf/ops';
import { restoreVariables, snapshotVariables, type ModelWeights, type TrainableModel } from '../models/model';

export interface DuelingQOptions {
  /** S: length of a state vector. */
  stateDim: number;
  /** A: length of one candidate action's feature vector. */
  actionDim: number;
  /** H: width of the one hidden layer of each stream (default 64). */
  hidden?: number;
  /** Draws the He-normal initial weights (biases start at 0). */
  rng: Rng;
}

/** The sizes of a network; also what {@link qValuesJs} needs beside the weights. */
export interface DuelingQDims {
  stateDim: number;
  actionDim: number;
  hidden: number;
}

/** The two streams and their dueling sum for a batch, each B × Kmax except `value` (B × 1). */
export interface DuelingQParts {
  value: tf.Tensor2D;
  advantage: tf.Tensor2D;
  q: tf.Tensor2D;
}

/**
 * Q(s, a) = V(s) + A(s, a) − mean_{a' valid} A(s, a'), with
 *
 *   V(s)    = w_v2ᵀ relu(W_v1ᵀ s + b_v1) + b_v2,
 *   A(s, a) = w_a2ᵀ relu(W_asᵀ s + W_aaᵀ a + b_a1) + b_a2     (an MLP over [s; a], its first layer split in two).
 *
 * The aggregation is the mean variant of Wang et al. (2016, eq. 9), not the max variant (eq. 8): subtracting the
 * mean advantage over the state's valid candidates makes V identifiable (V(s) = mean_a Q(s, a)) and, unlike the
 * max, does not move every Q-value when the best action's advantage changes. Padded candidates (mask 0) enter neither the mean nor anything downstream that masks; their Q-entries
 * are meaningless and must be masked by the caller (see {@link maskedArgMax}).
 * Splitting the first layer of A computes W_asᵀ s once per state instead of once per candidate.
 *
 * Variables, in `variables()` order: W_v1 (S × H), b_v1 (1 × H), w_v2 (H × 1), b_v2 (1 × 1),
 * W_as (S × H), W_aa (A × H), b_a1 (1 × H), w_a2 (H × 1), b_a2 (1 × 1).
 */
export interface DuelingQ extends TrainableModel, DuelingQDims {
  /**
   * V, A and Q for `states` (B × S), `candidates` (B × Kmax × A, padded with zeros) and `mask` (B × Kmax, 1 = real).
   * Differentiable w.r.t. `variables()`; the caller owns the results.
   */
  parts(states: tf.Tensor2D, candidates: tf.Tensor3D, mask: tf.Tensor2D): DuelingQParts;
  /** Q only, B × Kmax (padding entries meaningless). */
  q(states: tf.Tensor2D, candidates: tf.Tensor3D, mask: tf.Tensor2D): tf.Tensor2D;
  /** A network of the same shape holding a copy of these weights (the target network); it owns its variables. */
  copy(): DuelingQ;
}

function checkDims(d: DuelingQDims): void {
  for (const key of ['stateDim', 'actionDim', 'hidden'] as const) {
    const v = d[key];
    if (!(Number.isInteger(v) && v >= 1)) throw new RangeError(`dueling Q: ${key} must be a whole number ≥ 1, got ${v}`);
  }
}

/** He-normal initial weights (std √(2 / fan-in)) and zero biases, in `variables()` order. */
function initialWeights(d: DuelingQDims, rng: Rng): ModelWeights {
  const { stateDim: S, actionDim: A, hidden: H } = d;
  const he = (fanIn: number, n: number) => rng.normalArray(n, Math.sqrt(2 / fanIn));
  return [
    he(S, S * H),
    new Float32Array(H),
    he(H, H),
    new Float32Array(1),
    // W_as and W_aa are the two halves of one (S + A) × H layer: one fan-in.
    he(S + A, S * H),
    he(S + A, A * H),
    new Float32Array(H),
    he(H, H),
    new Float32Array(1),
  ];
}

function shapesOf(d: DuelingQDims): [number, number][] {
  const { stateDim: S, actionDim: A, hidden: H } = d;
  return [[S, H], [1, H], [H, 1], [1, 1], [S, H], [A, H], [1, H], [H, 1], [1, 1]];
}

function build(d: DuelingQDims, weights: ModelWeights): DuelingQ {
  const shapes = shapesOf(d);
  const vars = weights.map((w, i) => variableFrom(w, shapes[i]));
  const [Wv1, bv1, wv2, bv2, Was, Waa, ba1, wa2, ba2] = vars;
  const { hidden: H, actionDim: A } = d;

  const parts = (states: tf.Tensor2D, candidates: tf.Tensor3D, mask: tf.Tensor2D): DuelingQParts => {
    // Not wrapped in tidy: it returns three tensors and runs inside the optimiser's tape (callers tidy).
    const [B, K] = mask.shape;
    const value = tf.add(matMulFast(tf.relu(tf.add(matMulFast(states, Wv1), bv1)) as tf.Tensor2D, wv2), bv2) as tf.Tensor2D; // B × 1
    const hs = tf.add(matMulFast(states, Was), ba1); // B × H, shared by the state's candidates
    const ha = tf.reshape(matMulFast(tf.reshape(candidates, [B * K, A]) as tf.Tensor2D, Waa), [B, K, H]);
    const h = tf.reshape(tf.relu(tf.add(ha, tf.expandDims(hs, 1))), [B * K, H]) as tf.Tensor2D;
    const advantage = tf.reshape(tf.add(matMulFast(h, wa2), ba2), [B, K]) as tf.Tensor2D;
    // Mean over valid candidates; max(count, 1) keeps a state with no candidates finite (its row is all padding).
    const meanA = tf.div(tf.sum(tf.mul(advantage, mask), 1, true), tf.maximum(tf.sum(mask, 1, true), 1));
    const q = tf.add(value, tf.sub(advantage, meanA)) as tf.Tensor2D;
    return { value, advantage, q };
  };

  const net: DuelingQ = {
    ...d,
    parts,
    q(states, candidates, mask) {
      return tf.tidy(() => parts(states, candidates, mask).q);
    },
    copy() {
      // Copied through tensors (no read-back): tf.variable(clone) owns the clone's data.
      const copies = tf.tidy(() => vars.map((v) => v.clone()));
      const out = build(d, shapes.map((s) => new Float32Array(s[0] * s[1])));
      tf.tidy(() => out.variables().forEach((v, i) => v.assign(copies[i])));
      copies.forEach((c) => c.dispose());
      return out;
    },
    variables: () => vars,
    snapshot: () => snapshotVariables(vars),
    restore: (ws) => restoreVariables(vars, ws),
    dispose() {
      vars.forEach((v) => v.dispose());
    },
  };
  return net;
}

/** A dueling Q-network with He-normal weights drawn from `opts.rng`. */
export function createDuelingQ(opts: DuelingQOptions): DuelingQ {
  const d: DuelingQDims = { stateDim: opts.stateDim, actionDim: opts.actionDim, hidden: opts.hidden ?? 64 };
  checkDims(d);
  return build(d, initialWeights(d, opts.rng));
}

/**
 * Soft target update θ' ← τ θ + (1 − τ) θ' (Lillicrap et al. 2016), variable by variable; τ = 1 copies.
 */
export function softUpdate(target: DuelingQ, online: DuelingQ, tau: number): void {
  if (!(tau >= 0 && tau <= 1)) throw new RangeError(`soft update: τ must be in [0, 1], got ${tau}`);
  const tv = target.variables();
  const ov = online.variables();
  if (tv.length !== ov.length) throw new RangeError('soft update: the networks differ in shape');
  tf.tidy(() => tv.forEach((t, i) => t.assign(tf.add(tf.mul(ov[i], tau), tf.mul(t, 1 - tau)))));
}

/** Index of the largest `q[b·K + k]` over k with mask 1, per row (B); −1 for a row without candidates. */
export function maskedArgMax(q: ArrayLike<number>, mask: ArrayLike<number>, rows: number, k: number): Int32Array {
  const out = new Int32Array(rows).fill(-1);
  for (let b = 0; b < rows; b++) {
    let best = -Infinity;
    for (let j = 0; j < k; j++) {
      if (mask[b * k + j] > 0 && q[b * k + j] > best) {
        best = q[b * k + j];
        out[b] = j;
      }
    }
  }
  return out;
}

/**
 * Q(s, ·) for one state and its K candidates (K × A row-major) in plain JavaScript from weights in `variables()`
 * order: the same formula as {@link DuelingQ.parts}, accumulated in float64. Acting once per turn this way costs
 * ~S·H + (S + K·A)·H multiply-adds and no tfjs kernel launches or read-backs.
 */
export function qValuesJs(d: DuelingQDims, w: ModelWeights, state: Float32Array, candidates: Float32Array): Float64Array {
  const { stateDim: S, actionDim: A, hidden: H } = d;
  const K = candidates.length / A;
  const [Wv1, bv1, wv2, bv2, Was, Waa, ba1, wa2, ba2] = w;
  // Row-major S × H: column j of the layer is W[i·H + j]; loop over i outside for contiguous reads.
  const hv = Float64Array.from(bv1);
  const hs = Float64Array.from(ba1);
  for (let i = 0; i < S; i++) {
    const x = state[i];
    if (x === 0) continue;
    for (let j = 0; j < H; j++) {
      hv[j] += x * Wv1[i * H + j];
      hs[j] += x * Was[i * H + j];
    }
  }
  let value = bv2[0];
  for (let j = 0; j < H; j++) if (hv[j] > 0) value += hv[j] * wv2[j];
  const adv = new Float64Array(K);
  const h = new Float64Array(H);
  let mean = 0;
  for (let k = 0; k < K; k++) {
    h.set(hs);
    for (let i = 0; i < A; i++) {
      const x = candidates[k * A + i];
      if (x === 0) continue;
      for (let j = 0; j < H; j++) h[j] += x * Waa[i * H + j];
    }
    let a = ba2[0];
    for (let j = 0; j < H; j++) if (h[j] > 0) a += h[j] * wa2[j];
    adv[k] = a;
    mean += a / K;
  }
  for (let k = 0; k < K; k++) adv[k] = value + adv[k] - mean;
  return adv;
}
