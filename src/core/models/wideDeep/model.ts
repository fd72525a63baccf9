// Wide & Deep (Cheng et al., DLRS 2016): a wide linear part over sparse one-hot and cross features, a deep part
// (embeddings → ReLU MLP), and one logit that adds them. Wide only, deep only and joint are the same code.
import * as tf from '@tensorflow/tfjs';
import { gatherRows, matMulConst, matMulFast, variableFrom } from '../../tf/ops';
import type { Rng } from '../../random/rng';

/** The deep part's shape. */
export interface DeepSpec {
  /** Embedding rows (global features); row `numFeatures` is the empty slot and stays 0. */
  numFeatures: number;
  dim: number;
  /** Field of each input slot, and how many fields: each field's slots are pooled into one embedding. */
  slotField: Int32Array;
  numFields: number;
  /** Units of the first ReLU layer; the second has half. */
  hidden: number;
}

export interface WideDeepSpec {
  /** Wide weights (raw features + crosses); 0 = no wide part. Row `wideSize` is the empty slot. */
  wideSize: number;
  deep: DeepSpec | null;
  rng: Rng;
}

/** One batch on the device. */
export interface WideDeepBatch {
  /** B × wideWidth wide features (flattened) and their values (1, or 0 for an empty slot). */
  wideIdx: tf.Tensor1D;
  wideVal: tf.Tensor2D;
  /** B × slots deep features (flattened) and their pooling weights, B × slots × 1. */
  deepIdx: tf.Tensor1D;
  deepWeight: tf.Tensor3D;
  labels: tf.Tensor1D;
}

export interface WideDeepModel {
  readonly spec: WideDeepSpec;
  /** The wide weights, (wideSize + 1) × 1, or null. */
  readonly wide: tf.Variable<tf.Rank.R2> | null;
  /** Every variable an Adam step updates: the deep part and the bias. */
  readonly adamVariables: tf.Variable[];
  /** The logit ℓ = w_wideᵀ[x, φ(x)] + w_deepᵀ a_L + b of each example (B). */
  logits(b: Omit<WideDeepBatch, 'labels'>): tf.Tensor1D;
  /**
   * The logits and the squared norm of the embedding rows the batch uses, summed over its slots and averaged over
   * its examples (0 without a deep part): the L2 penalty's base.
   */
  forward(b: Omit<WideDeepBatch, 'labels'>): { logits: tf.Tensor1D; sqNorm: tf.Scalar };
  /** Trainable parameters (the empty slots' rows excluded). */
  paramCount(): number;
  dispose(): void;
}

/** He-normal dense layer weights from our seeded RNG. */
function dense(rng: Rng, fanIn: number, fanOut: number, std = Math.sqrt(2 / fanIn)) {
  return { w: variableFrom(rng.normalArray(fanIn * fanOut, std), [fanIn, fanOut]), b: variableFrom(new Float32Array(fanOut), [1, fanOut]) };
}

export function createWideDeep(spec: WideDeepSpec): WideDeepModel {
  const { rng, deep } = spec;
  const wide = spec.wideSize > 0 ? variableFrom(new Float32Array(spec.wideSize + 1), [spec.wideSize + 1, 1]) : null;
  const bias = variableFrom(new Float32Array(1), [1, 1]);
  let parts: { emb: tf.Variable<tf.Rank.R2>; pool: tf.Tensor2D; poolT: tf.Tensor2D; l1: ReturnType<typeof dense>; l2: ReturnType<typeof dense>; out: ReturnType<typeof dense> } | null = null;
  if (deep) {
    const init = rng.normalArray((deep.numFeatures + 1) * deep.dim, 0.05);
    init.fill(0, deep.numFeatures * deep.dim);
    const slots = deep.slotField.length;
    const pool = new Float32Array(slots * deep.numFields);
    deep.slotField.forEach((f, s) => (pool[s * deep.numFields + f] = 1));
    const h2 = Math.max(1, Math.floor(deep.hidden / 2));
    parts = {
      emb: variableFrom(init, [deep.numFeatures + 1, deep.dim]),
      pool: tf.tensor2d(pool, [slots, deep.numFields]),
      poolT: tf.tidy(() => tf.transpose(tf.tensor2d(pool, [slots, deep.numFields]))),
      l1: dense(rng, deep.numFields * deep.dim, deep.hidden),
      l2: dense(rng, deep.hidden, h2),
      out: dense(rng, h2, 1, Math.sqrt(1 / h2)),
    };
  }
  const adamVariables: tf.Variable[] = [bias];
  if (parts) adamVariables.push(parts.emb, parts.l1.w, parts.l1.b, parts.l2.w, parts.l2.b, parts.out.w, parts.out.b);

  const deepLogit = (b: Omit<WideDeepBatch, 'labels'>): { logit: tf.Tensor2D; sqNorm: tf.Scalar } => {
    const p = parts!;
    const d = deep!;
    const B = b.deepWeight.shape[0];
    const S = d.slotField.length;
    // Each slot's embedding times its pooling weight, then summed per field: B × S × d → B × d × S · S × F.
    const rows = gatherRows(p.emb, b.deepIdx);
    const sqNorm = tf.div(tf.sum(tf.square(rows)), B) as tf.Scalar;
    const e = tf.mul(tf.reshape(rows, [B, S, d.dim]), b.deepWeight);
    const pooled = matMulConst(tf.reshape(tf.transpose(e, [0, 2, 1]), [B * d.dim, S]), p.pool, p.poolT);
    const x: tf.Tensor2D = tf.reshape(tf.transpose(tf.reshape(pooled, [B, d.dim, d.numFields]), [0, 2, 1]), [B, d.numFields * d.dim]);
    const a1 = tf.relu(tf.add(matMulFast(x, p.l1.w), p.l1.b)) as tf.Tensor2D;
    const a2 = tf.relu(tf.add(matMulFast(a1, p.l2.w), p.l2.b)) as tf.Tensor2D;
    return { logit: tf.add(matMulFast(a2, p.out.w), p.out.b), sqNorm };
  };
  const wideLogit = (b: Omit<WideDeepBatch, 'labels'>): tf.Tensor2D => {
    const B = b.wideVal.shape[0];
    const W = b.wideVal.shape[1];
    return tf.sum(tf.mul(tf.reshape(gatherRows(wide!, b.wideIdx), [B, W]), b.wideVal), 1, true);
  };

  return {
    spec,
    wide,
    adamVariables,
    forward(b) {
      return tf.tidy(() => {
        let l: tf.Tensor2D = tf.reshape(bias, [1, 1]);
        let sqNorm: tf.Scalar = tf.scalar(0);
        if (wide) l = tf.add(l, wideLogit(b));
        if (parts) {
          const dl = deepLogit(b);
          l = tf.add(l, dl.logit);
          sqNorm = dl.sqNorm;
        }
        return { logits: tf.reshape(tf.add(l, tf.zeros([b.wideVal.shape[0], 1])), [-1]) as tf.Tensor1D, sqNorm };
      });
    },
    logits(b) {
      const f = this.forward(b);
      f.sqNorm.dispose();
      return f.logits;
    },
    paramCount() {
      let n = 1 + spec.wideSize;
      if (deep) {
        const h2 = Math.max(1, Math.floor(deep.hidden / 2));
        n += deep.numFeatures * deep.dim + (deep.numFields * deep.dim + 1) * deep.hidden + (deep.hidden + 1) * h2 + h2 + 1;
      }
      return n;
    },
    dispose() {
      wide?.dispose();
      bias.dispose();
      if (parts) {
        parts.pool.dispose();
        parts.poolT.dispose();
        for (const v of adamVariables) if (v !== bias) v.dispose();
      }
    },
  };
}

/**
 * Mean log-loss of logits ℓ against labels y ∈ {0, 1}, in a form that never overflows:
 * L = mean[ max(ℓ, 0) − ℓ·y + ln(1 + e^(−|ℓ|)) ]  (nats per impression; lower = better).
 */
export function logLossFromLogits(logits: tf.Tensor1D, labels: tf.Tensor1D): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.add(tf.sub(tf.relu(logits), tf.mul(logits, labels)), tf.log1p(tf.exp(tf.neg(tf.abs(logits)))))) as tf.Scalar);
}
