// A tiny transformer encoder–decoder for P5 (Geng et al., RecSys 2022): prompt tokens in, answer tokens out, one LM loss.
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../../random/rng';
import { gatherRows, logSoftmax, makeOptimizer, matMulFast, variableFrom } from '../../tf/ops';
import { restoreVariables, snapshotVariables, type ModelWeights, type TrainableModel } from '../model';
import { attention, causalBias, layerNorm, paddingBias } from './layers';

/** Token id 0 is padding everywhere: source, decoder input and target. */
export const PAD = 0;

export interface P5TransformerSpec {
  /** Number of token ids, pad (0) included. */
  vocabSize: number;
  /** Model width d (divisible by `heads`). */
  dim: number;
  heads: number;
  encoderLayers: number;
  decoderLayers: number;
  /** Hidden width of the ReLU feed-forward blocks; 4·dim when omitted. */
  ffnDim?: number;
  /** Longest source or decoder sequence (size of the position tables). */
  maxLen: number;
  /** Dropout rate on the embeddings and on every sublayer's output while training; 0 when omitted. */
  dropout?: number;
  /**
   * A learned bias per vocabulary token on the output logits (z = LN(h)·Eᵀ + b); default true. Without it a model
   * trained from scratch must bend the tied embeddings to say "popular items are likelier"; with it that marginal is
   * one vector and is learned in the first steps.
   */
  outputBias?: boolean;
  learningRate: number;
}

/** One teacher-forced batch: `size` rows, each row's tokens contiguous (row-major), pad = 0. */
export interface P5Batch {
  /** Prompt tokens [size · srcLen]. */
  src: Int32Array;
  srcLen: number;
  /** Decoder inputs [size · tgtLen]: the answer shifted right behind a start token. */
  tgtIn: Int32Array;
  /** Targets [size · tgtLen]: the answer (and an end token), pad where there is nothing to predict. */
  tgtOut: Int32Array;
  tgtLen: number;
  size: number;
}

export interface P5Transformer extends TrainableModel {
  spec: P5TransformerSpec;
  /**
   * One Adam step with teacher forcing. Loss L = Σ_{b,t: y_bt ≠ 0} −log softmax(z_bt)[y_bt] / #{b,t: y_bt ≠ 0}, where
   * z_bt = decoder logits at position t of row b given src_b and tgtIn_b[0..t], y = tgtOut. Pad targets count for
   * nothing (numerator and denominator). Returns L before the step (caller owns it). Throws when every target is pad.
   */
  trainStep(batch: P5Batch): tf.Scalar;
  /**
   * Decoder logits at every position, [size, tgtLen, vocabSize] (caller owns it): z_bt = LN(h_bt) · Eᵀ + b with E the
   * shared token table and b the output bias (absent when `outputBias` is false). Position t depends on src_b and tgtIn_b[0..t] only (causal mask). No dropout.
   * With `srcOf`, `src` holds fewer prompts than there are decoder rows and row b reads prompt `srcOf[b]`: the encoder
   * runs once per distinct prompt (scoring a catalogue of multi-token answers against one prompt).
   */
  logits(src: Int32Array, srcLen: number, tgtIn: Int32Array, tgtLen: number, size: number, srcOf?: Int32Array): tf.Tensor3D;
  /**
   * The logits of the token after the prefix, [size, vocabSize] (caller owns it): row b is z at position prefixLen − 1
   * given src_b and prefix_b[0..prefixLen) — one softmax over the whole vocabulary (score a catalogue of atomic item
   * tokens at once, or take the argmax for greedy decoding). No dropout.
   */
  nextTokenLogits(src: Int32Array, srcLen: number, prefix: Int32Array, prefixLen: number, size: number): tf.Tensor2D;
  /** Number of trainable scalars. */
  paramCount(): number;
}

type V = tf.Variable<tf.Rank.R2>;

interface Norm {
  g: V;
  b: V;
}

interface Ffn {
  norm: Norm;
  w1: V;
  b1: V;
  w2: V;
  b2: V;
}

interface EncoderLayer {
  selfNorm: Norm;
  /** Q, K and V projections side by side, d × 3d (one matmul). */
  qkv: V;
  out: V;
  ffn: Ffn;
}

interface DecoderLayer extends EncoderLayer {
  crossNorm: Norm;
  crossQ: V;
  /** Cross-attention K and V projections of the encoder output, d × 2d. */
  crossKv: V;
  crossOut: V;
}

export function createP5Transformer(spec: P5TransformerSpec, rng: Rng): P5Transformer {
  const { vocabSize: Vn, dim: d, heads, maxLen } = spec;
  if (d % heads !== 0) throw new RangeError(`dim ${d} is not divisible by ${heads} heads`);
  const ff = spec.ffnDim ?? 4 * d;
  const dropout = spec.dropout ?? 0;
  const init = rng.fork('p5-init');
  const dropRng = rng.fork('p5-dropout');
  const all: V[] = [];
  const add = (v: V) => (all.push(v), v);
  /** Weights N(0, 1/fan-in): unit-variance outputs from unit-variance inputs (no attention biases, as in T5). */
  const weight = (rows: number, cols: number) => add(variableFrom(init.normalArray(rows * cols, 1 / Math.sqrt(rows)), [rows, cols]));
  const filled = (cols: number, value: number) => add(variableFrom(new Float32Array(cols).fill(value), [1, cols]));
  const norm = (): Norm => ({ g: filled(d, 1), b: filled(d, 0) });
  const ffn = (): Ffn => ({ norm: norm(), w1: weight(d, ff), b1: filled(ff, 0), w2: weight(ff, d), b2: filled(d, 0) });

  // One table for encoder input, decoder input and output projection (tied, as T5 and Vaswani et al.). Rows are drawn
  // N(0, 1/d) and the input is scaled by √d (Vaswani et al.): unit-size inputs, and logits h·Eᵀ of unit size at start.
  const E = add(variableFrom(init.normalArray(Vn * d, 1 / Math.sqrt(d)), [Vn, d]));
  const outBias = spec.outputBias === false ? null : add(variableFrom(new Float32Array(Vn), [1, Vn]));
  // Learned positions, not sinusoidal: sequences are short (≤ maxLen, tens of tokens) so the tables are tiny, and a
  // P5 prompt's positions are fixed slots (task words, user id, history items) whose roles a table can learn outright.
  // Separate tables for encoder and decoder: the two sequences' positions mean different things.
  const posEnc = add(variableFrom(init.normalArray(maxLen * d, 0.5), [maxLen, d]));
  const posDec = add(variableFrom(init.normalArray(maxLen * d, 0.5), [maxLen, d]));
  const encoder: EncoderLayer[] = Array.from({ length: spec.encoderLayers }, () => ({
    selfNorm: norm(),
    qkv: weight(d, 3 * d),
    out: weight(d, d),
    ffn: ffn(),
  }));
  const encNorm = norm();
  const decoder: DecoderLayer[] = Array.from({ length: spec.decoderLayers }, () => ({
    selfNorm: norm(),
    qkv: weight(d, 3 * d),
    out: weight(d, d),
    crossNorm: norm(),
    crossQ: weight(d, d),
    crossKv: weight(d, 2 * d),
    crossOut: weight(d, d),
    ffn: ffn(),
  }));
  const decNorm = norm();
  const opt = makeOptimizer('adam', spec.learningRate);

  const drop = (x: tf.Tensor2D, training: boolean): tf.Tensor2D =>
    training && dropout > 0 ? (tf.dropout(x, dropout, undefined, dropRng.uint32()) as tf.Tensor2D) : x;
  const ln = (x: tf.Tensor2D, n: Norm) => layerNorm(x, n.g, n.b);
  /** x + FFN(LN(x)), FFN(u) = ReLU(u W₁ + b₁) W₂ + b₂. */
  const ffnBlock = (x: tf.Tensor2D, f: Ffn, training: boolean) => {
    const hidden = tf.relu(tf.add(matMulFast(ln(x, f.norm), f.w1), f.b1)) as tf.Tensor2D;
    return tf.add(x, drop(tf.add(matMulFast(hidden, f.w2), f.b2) as tf.Tensor2D, training)) as tf.Tensor2D;
  };
  /** x + SelfAttention(LN(x)) with the given bias, x [B·L, d]. */
  const selfBlock = (x: tf.Tensor2D, l: EncoderLayer, bias: tf.Tensor4D, B: number, L: number, training: boolean) => {
    const qkv = matMulFast(ln(x, l.selfNorm), l.qkv);
    const [q, k, v] = tf.split(qkv, 3, 1) as tf.Tensor2D[];
    const o = attention(q, k, v, bias, { B, heads, Lq: L, Lk: L });
    return tf.add(x, drop(matMulFast(o, l.out), training)) as tf.Tensor2D;
  };
  /** Token rows √d·E[t] plus position rows, [B·L, d], for ids [B·L]. */
  const embed = (ids: tf.Tensor1D, pos: V, B: number, L: number, training: boolean) => {
    if (L > maxLen) throw new RangeError(`sequence length ${L} exceeds maxLen ${maxLen}`);
    const tok = tf.reshape(tf.mul(gatherRows(E, ids), Math.sqrt(d)), [B, L, d]);
    const p = tf.slice(pos, [0, 0], [L, d]);
    return drop(tf.reshape(tf.add(tok, p), [B * L, d]) as tf.Tensor2D, training);
  };
  const checkLen = (a: Int32Array, size: number, L: number, name: string) => {
    if (a.length !== size * L) throw new RangeError(`${name} has ${a.length} tokens, expected ${size} × ${L}`);
  };

  /** Final decoder states LN(h), [B·Lt, d]: pre-LN encoder, then pre-LN decoder with causal+pad self- and cross-attention. */
  const forward = (src: Int32Array, Ls: number, tgt: Int32Array, Lt: number, B: number, training: boolean, srcOf?: Int32Array) => {
    const S = srcOf ? src.length / Ls : B;
    if (srcOf) {
      if (!Number.isInteger(S) || S < 1) throw new RangeError(`src has ${src.length} tokens, not a whole number of rows of ${Ls}`);
      if (srcOf.length !== B || srcOf.some((s) => s < 0 || s >= S)) throw new RangeError(`srcOf must give each of ${B} rows a prompt in 0..${S - 1}`);
    } else checkLen(src, B, Ls, 'src');
    checkLen(tgt, B, Lt, 'decoder input');
    const srcIds = tf.tensor1d(src, 'int32');
    const tgtIds = tf.tensor1d(tgt, 'int32');
    const ownBias = paddingBias(srcIds, S, Ls);
    let x = embed(srcIds, posEnc, S, Ls, training);
    for (const l of encoder) x = ffnBlock(selfBlock(x, l, ownBias, S, Ls, training), l.ffn, training);
    let memory = ln(x, encNorm);
    let srcBias = ownBias;
    if (srcOf) {
      // Each decoder row's copy of its prompt's encoding and padding bias.
      const rows = tf.tensor1d(srcOf, 'int32');
      memory = tf.reshape(tf.gather(tf.reshape(memory, [S, Ls * d]), rows), [B * Ls, d]) as tf.Tensor2D;
      srcBias = tf.gather(ownBias, rows) as tf.Tensor4D;
    }
    const selfBias = tf.add(causalBias(Lt), paddingBias(tgtIds, B, Lt)) as tf.Tensor4D;
    let y = embed(tgtIds, posDec, B, Lt, training);
    for (const l of decoder) {
      y = selfBlock(y, l, selfBias, B, Lt, training);
      const q = matMulFast(ln(y, l.crossNorm), l.crossQ);
      const [k, v] = tf.split(matMulFast(memory, l.crossKv), 2, 1) as tf.Tensor2D[];
      const o = attention(q, k, v, srcBias, { B, heads, Lq: Lt, Lk: Ls });
      y = ffnBlock(tf.add(y, drop(matMulFast(o, l.crossOut), training)) as tf.Tensor2D, l.ffn, training);
    }
    return ln(y, decNorm);
  };
  /** z = h · Eᵀ (+ b), [n, V]: Eᵀ transposed explicitly so matMulFast's backward stays on the fast path. */
  const project = (h: tf.Tensor2D) => {
    const z = matMulFast(h, tf.transpose(E));
    return outBias ? (tf.add(z, outBias) as tf.Tensor2D) : z;
  };

  return {
    spec,
    variables: () => all,
    snapshot: () => snapshotVariables(all),
    restore: (w: ModelWeights) => restoreVariables(all, w),
    paramCount: () => all.reduce((s, v) => s + v.size, 0),
    trainStep(batch) {
      const { src, srcLen, tgtIn, tgtOut, tgtLen, size } = batch;
      checkLen(tgtOut, size, tgtLen, 'tgtOut');
      const weights = Float32Array.from(tgtOut, (y) => (y === PAD ? 0 : 1));
      const count = weights.reduce((s, w) => s + w, 0);
      if (count === 0) throw new RangeError('every target token is pad: nothing to learn from');
      return tf.tidy(() => {
        const y = tf.oneHot(tf.tensor1d(tgtOut, 'int32'), Vn);
        const w = tf.tensor1d(weights);
        return opt.minimize(
          () => {
            const logp = logSoftmax(project(forward(src, srcLen, tgtIn, tgtLen, size, true)));
            const nll = tf.neg(tf.sum(tf.mul(logp, y), 1));
            return tf.div(tf.sum(tf.mul(nll, w)), count) as tf.Scalar;
          },
          true,
          all,
        ) as tf.Scalar;
      });
    },
    logits: (src, srcLen, tgtIn, tgtLen, size, srcOf) =>
      tf.tidy(() => tf.reshape(project(forward(src, srcLen, tgtIn, tgtLen, size, false, srcOf)), [size, tgtLen, Vn]) as tf.Tensor3D),
    nextTokenLogits: (src, srcLen, prefix, prefixLen, size) =>
      tf.tidy(() => {
        const h = tf.reshape(forward(src, srcLen, prefix, prefixLen, size, false), [size, prefixLen, d]);
        const last = tf.reshape(tf.slice(h, [0, prefixLen - 1, 0], [size, 1, d]), [size, d]) as tf.Tensor2D;
        return project(last);
      }),
    dispose() {
      for (const v of all) v.dispose();
      opt.dispose();
    },
  };
}
