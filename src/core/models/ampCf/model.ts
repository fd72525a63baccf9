// AMP-CF (Barkan et al., RecSys 2020): each user is P persona vectors, and each item attends to them.
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../../random/rng';
import { batchMatMulFast, gatherRows, logSoftmax, matMulFast, variableFrom } from '../../tf/ops';
import { restoreVariables, snapshotVariables, type TrainableModel } from '../model';

export interface AmpCfOptions {
  numUsers: number;
  numItems: number;
  /** d: size of every persona and item vector. */
  dim: number;
  /** P ≥ 1 persona vectors per user; P = 1 is plain matrix factorisation (α ≡ 1). */
  personas: number;
  /** Draws the initial vectors: item vectors first, so every P starts from the same item vectors. */
  rng: Rng;
  /** Std of the N(0, std²) initialisation (default 0.1). */
  initStd?: number;
  /**
   * Adds a learned item bias b_i to every score (default true). It does not enter the attention. Under uniform
   * negative sampling the softmax scores learn log p(i | u) up to a per-user constant, and most of an item's
   * popularity is one number per item: the bias holds it, so the vectors (and the personas) are free for taste.
   */
  itemBias?: boolean;
}

/** Everything the training loss needs for one batch of candidate lists, from one pass over the gathered rows. */
export interface AmpCfForward {
  /** s(u, i) for each user's candidates, B × n. */
  scores: tf.Tensor2D;
  /** α_{u,i,p}, B × n × P (sums to 1 over p). */
  attention: tf.Tensor3D;
  /**
   * mean_b [ Σ_p ‖u_{b,p}‖² + (1/n) Σ_j ‖v_{b,j}‖² ]: the L2 penalty of the rows the batch used. Summed over personas,
   * so each persona vector is pulled to 0 as hard as MF's one user vector (the same prior per vector).
   */
  sqNorm: tf.Scalar;
}

/**
 * AMP-CF with P personas. For user u with persona vectors u_1..u_P and item i with vector v_i:
 *
 *   α_ip = softmax_p(v_iᵀ u_p),   ū_{u,i} = Σ_p α_ip u_p,   s(u, i) = ū_{u,i}ᵀ v_i (+ b_i),   p*(u, i) = argmax_p α_ip.
 *
 * Since ū_{u,i}ᵀ v_i = Σ_p α_ip (u_pᵀ v_i), the score is the α-weighted mean of the P persona scores S_p = u_pᵀ v_i,
 * computed for all personas at once: over the whole catalogue as one (I × d)·(d × B·P) product, for candidate lists
 * as one batched (n × d)·(d × P) product per user; the softmax then runs over p. With P = 1, α ≡ 1 and s = uᵀv (+ b):
 * MF, bit for bit.
 * Scores are unnormalised logits (higher = recommended first); every method is differentiable w.r.t. `variables()`
 * and returns tensors the caller owns.
 */
export interface AmpCf extends TrainableModel {
  readonly numUsers: number;
  readonly numItems: number;
  readonly dim: number;
  readonly personas: number;
  /** Scores of every item for `users` (int32, B): B × I, the backbone form (a softmax over the catalogue). */
  logits(users: tf.Tensor1D): tf.Tensor2D;
  /** Scores of candidate lists: `items` is int32 B × n (row b = user b's candidates); returns B × n. */
  scores(users: tf.Tensor1D, items: tf.Tensor2D): tf.Tensor2D;
  /** Attention α over personas for each candidate: B × n × P. The explanation is p* = argmax over the last axis. */
  attention(users: tf.Tensor1D, items: tf.Tensor2D): tf.Tensor3D;
  /** Scores, attention and the L2 penalty of a candidate batch in one pass (what training uses). */
  forward(users: tf.Tensor1D, items: tf.Tensor2D): AmpCfForward;
  /** [U (numUsers·P × d, row u·P + p = persona p of user u), V (numItems × d), b (1 × numItems) if itemBias]. */
  variables(): tf.Variable[];
}

/** Validates the shape settings, naming the bad one. */
function check(opts: AmpCfOptions): void {
  for (const key of ['numUsers', 'numItems', 'dim', 'personas'] as const) {
    const v = opts[key];
    if (!(Number.isInteger(v) && v >= 1)) throw new RangeError(`AMP-CF: ${key} must be a whole number ≥ 1, got ${v}`);
  }
}

export function createAmpCf(opts: AmpCfOptions): AmpCf {
  check(opts);
  const { numUsers, numItems, dim, personas: P } = opts;
  const std = opts.initStd ?? 0.1;
  const V = variableFrom(opts.rng.normalArray(numItems * dim, std), [numItems, dim]);
  const U = variableFrom(opts.rng.normalArray(numUsers * P * dim, std), [numUsers * P, dim]);
  const b = opts.itemBias === false ? null : variableFrom(new Float32Array(numItems), [1, numItems]);
  const vars: tf.Variable[] = b ? [U, V, b] : [U, V];

  /** Rows of U holding the personas of `users`, user-major: u·P + p. */
  const personaRows = (users: tf.Tensor1D): tf.Tensor1D =>
    tf.reshape(tf.add(tf.mul(tf.expandDims(users, 1), tf.scalar(P, 'int32')), tf.range(0, P, 1, 'int32')), [-1]);

  /** Persona vectors of `users` as B × P × d. */
  const personasOf = (users: tf.Tensor1D): tf.Tensor3D => tf.reshape(gatherRows(U, personaRows(users)), [users.shape[0], P, dim]);

  /**
   * Persona scores S (B × n × P) → log α and the mixed score: log α = logSoftmax_p S (over the last axis, where
   * tfjs's kernel and gradient are fast), s = Σ_p α S. With P = 1 this is exact: log α = S − S = 0, α = 1, s = S.
   */
  const mix = (S: tf.Tensor3D): { logAlpha: tf.Tensor3D; s: tf.Tensor2D } => {
    const logAlpha = logSoftmax(S) as tf.Tensor3D;
    return { logAlpha, s: tf.sum(tf.mul(tf.exp(logAlpha), S), 2) as tf.Tensor2D };
  };

  const candidates = (users: tf.Tensor1D, items: tf.Tensor2D) => {
    const [B, n] = items.shape;
    const Up = personasOf(users); // B × P × d
    const Vc = tf.reshape(gatherRows(V, tf.reshape(items, [-1]) as tf.Tensor1D), [B, n, dim]) as tf.Tensor3D; // B × n × d
    // S[b,j,p] = v_{b,j} · u_{b,p}: one small batched product per user (every candidate list is different).
    const S = batchMatMulFast(Vc, tf.transpose(Up, [0, 2, 1]) as tf.Tensor3D); // B × n × P
    return { Up, Vc, S };
  };

  const withBias = (s: tf.Tensor2D, items?: tf.Tensor2D): tf.Tensor2D => {
    if (!b) return s;
    if (!items) return tf.add(s, b) as tf.Tensor2D;
    const bias = tf.reshape(gatherRows(tf.reshape(b, [numItems, 1]) as tf.Tensor2D, tf.reshape(items, [-1]) as tf.Tensor1D), items.shape);
    return tf.add(s, bias) as tf.Tensor2D;
  };

  return {
    numUsers,
    numItems,
    dim,
    personas: P,
    logits(users) {
      return tf.tidy(() => {
        const B = users.shape[0];
        // S = V · Upᵀ (I × B·P) as one plain product (transposed first: tfjs-wasm runs transposed matmuls ~14×
        // slower), viewed as I × B × P so the softmax runs over the last axis; then s (I × B) → B × I.
        const S = tf.reshape(matMulFast(V, tf.transpose(gatherRows(U, personaRows(users)))), [numItems, B, P]) as tf.Tensor3D;
        return withBias(tf.transpose(mix(S).s) as tf.Tensor2D);
      });
    },
    scores(users, items) {
      return tf.tidy(() => withBias(mix(candidates(users, items).S).s, items));
    },
    attention(users, items) {
      return tf.tidy(() => tf.exp(mix(candidates(users, items).S).logAlpha) as tf.Tensor3D);
    },
    forward(users, items) {
      // Not wrapped in tidy: it returns three tensors and runs inside the optimiser's tape (the caller tidies).
      const { Up, Vc, S } = candidates(users, items);
      const { logAlpha, s } = mix(S);
      const sqNorm = tf.add(
        tf.div(tf.sum(tf.square(Up)), users.shape[0]),
        tf.div(tf.sum(tf.square(Vc)), items.shape[0] * items.shape[1]),
      ) as tf.Scalar;
      return { scores: withBias(s, items), attention: tf.exp(logAlpha) as tf.Tensor3D, sqNorm };
    },
    variables: () => vars,
    snapshot: () => snapshotVariables(vars),
    restore: (ws) => restoreVariables(vars, ws),
    dispose() {
      vars.forEach((v) => v.dispose());
    },
  };
}
