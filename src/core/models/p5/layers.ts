// Transformer building blocks for the P5 encoder–decoder: LayerNorm, multi-head attention with additive masks, masks.
import * as tf from '@tensorflow/tfjs';
import { batchMatMulFast } from '../../tf/ops';

/** What a masked attention score gets added: large enough that exp() underflows to exactly 0 in float32. */
export const MASKED = -1e9;

/**
 * LayerNorm over the last axis of x [n, d]: y = g ⊙ (x − μ) / √(σ² + ε) + b, with μ and σ² the row's mean and
 * (biased) variance, g and b learned [1, d].
 */
export function layerNorm(x: tf.Tensor2D, gain: tf.Tensor2D, bias: tf.Tensor2D, eps = 1e-5): tf.Tensor2D {
  const { mean, variance } = tf.moments(x, 1, true);
  return tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, eps))), gain), bias) as tf.Tensor2D;
}

/**
 * Key padding bias [B, 1, 1, L] from token ids [B·L] (row-major): MASKED where the token is the pad id 0, else 0.
 * Broadcast over heads and query positions, it stops every query from attending to pad keys.
 */
export function paddingBias(tokens: tf.Tensor1D, B: number, L: number): tf.Tensor4D {
  return tf.reshape(tf.mul(tf.cast(tf.equal(tokens, 0), 'float32'), MASKED), [B, 1, 1, L]) as tf.Tensor4D;
}

/** Causal bias [1, 1, L, L]: MASKED where key position j > query position i (a position sees itself and earlier). */
export function causalBias(L: number): tf.Tensor4D {
  const m = new Float32Array(L * L);
  for (let i = 0; i < L; i++) for (let j = i + 1; j < L; j++) m[i * L + j] = MASKED;
  return tf.tensor4d(m, [1, 1, L, L]);
}

/** Shape facts of one attention call: B sequences, `heads` heads, Lq queries and Lk keys per sequence. */
export interface AttentionShape {
  B: number;
  heads: number;
  Lq: number;
  Lk: number;
}

/**
 * Multi-head scaled dot-product attention on already projected q [B·Lq, d], k, v [B·Lk, d] (rows grouped by
 * sequence): per head h, O_h = softmax(Q_h K_hᵀ / √d_h + bias) V_h with d_h = d / heads; the heads' outputs are
 * concatenated back to [B·Lq, d]. `bias` broadcasts to [B, heads, Lq, Lk] (padding and/or causal). Both products go
 * through batchMatMulFast with Kᵀ transposed explicitly, so neither pass hits wasm's slow transposed matmul.
 */
export function attention(q: tf.Tensor2D, k: tf.Tensor2D, v: tf.Tensor2D, bias: tf.Tensor4D, s: AttentionShape): tf.Tensor2D {
  const { B, heads, Lq, Lk } = s;
  const d = q.shape[1];
  const dh = d / heads;
  const split = (x: tf.Tensor2D, L: number) =>
    tf.reshape(tf.transpose(tf.reshape(x, [B, L, heads, dh]), [0, 2, 1, 3]), [B * heads, L, dh]) as tf.Tensor3D;
  const qh = split(q, Lq);
  const kT = tf.reshape(tf.transpose(tf.reshape(k, [B, Lk, heads, dh]), [0, 2, 3, 1]), [B * heads, dh, Lk]) as tf.Tensor3D;
  const vh = split(v, Lk);
  const scores = tf.add(tf.reshape(tf.mul(batchMatMulFast(qh, kT), 1 / Math.sqrt(dh)), [B, heads, Lq, Lk]), bias);
  const p = tf.reshape(tf.softmax(scores), [B * heads, Lq, Lk]) as tf.Tensor3D;
  const o = batchMatMulFast(p, vh);
  return tf.reshape(tf.transpose(tf.reshape(o, [B, heads, Lq, dh]), [0, 2, 1, 3]), [B * Lq, d]) as tf.Tensor2D;
}
