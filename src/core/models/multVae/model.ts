// Mult-VAE and Mult-DAE (Liang et al., WWW 2018): an autoencoder over a user's clicks whose decoder gives logits
// over the whole catalogue. Own layers (seeded init, fast-gradient matmuls), a sparse first layer.
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../../random/rng';
import { matMulFast, tanh, variableFrom } from '../../tf/ops';
import { restoreVariables, snapshotVariables, type TrainableModel } from '../model';
import { buildInputBatch, firstLayer, type FirstLayerMode } from './firstLayer';
import type { ModelKind } from './options';

export { MODEL_SIZES, type ModelSize } from './options';

/**
 * The first layer measured faster on wasm in Node at MovieLens-100K size (1,700 items, batch 500, hidden 600,
 * dropout 0.5): the sparse gather-sum, ~10 ms forward + backward against ~54 ms for the dense X·W₁
 * (firstLayerBench.ts). The default wherever the backend has a native SparseSegmentSum (wasm, cpu, webgpu).
 */
export const DEFAULT_FIRST_LAYER: FirstLayerMode = 'sparse';

/** The faster first layer on a backend: webgl runs SparseSegmentSum on the CPU (a download per step), so dense there. */
export function firstLayerFor(backend: string): FirstLayerMode {
  return backend === 'webgl' ? 'dense' : DEFAULT_FIRST_LAYER;
}

export interface MultVaeOptions {
  numItems: number;
  hidden: number;
  latent: number;
  /** 'vae': stochastic encoder q(z|x) = N(μ, diag σ²); 'dae': deterministic encoder z = μ(x̃). */
  variant: ModelKind;
  /** Initialiser draws (Glorot normal weights, zero biases). */
  rng: Rng;
  /** Input dropout rate p while training (the paper's 0.5). */
  dropout?: number;
  firstLayer?: FirstLayerMode;
  /**
   * DAE only: tanh on the code layer, z = tanh(h₁W₂ + b₂), as the official Mult-DAE (dawenl/vae_cf applies tanh
   * after every layer but the output). Default false: a linear code, the VAE's network without its σ head.
   * The VAE's μ / log σ² heads are linear in the reference too, so this does not apply to it.
   */
  tanhCode?: boolean;
}

export interface ForwardOptions {
  /** Training: dropout on the input and, for the VAE, z sampled by reparameterisation. Evaluation: no dropout, z = μ. */
  training: boolean;
  /** Draws the dropout keep-mask and the VAE's ε ~ N(0, I); required when training. */
  rng?: Rng;
}

/** Everything one forward pass gives: the decoder's logits and what the KL term needs. */
export interface ForwardPass {
  /** B × I logits f(z) over the catalogue (differentiable). */
  logits: tf.Tensor2D;
  /** B × latent posterior means μ(x) (the DAE's code). */
  mu: tf.Tensor2D;
  /** B × latent log σ²(x); null for the DAE. */
  logVar: tf.Tensor2D | null;
}

/**
 * A Mult-VAE / Mult-DAE, reusable as a backbone anywhere a model must map a user's items to scores over the
 * catalogue. Tensors it returns belong to the caller (call it inside `tf.tidy` or `optimizer.minimize`).
 */
export interface MultVae extends TrainableModel {
  readonly numItems: number;
  readonly hidden: number;
  readonly latent: number;
  readonly variant: ModelKind;
  readonly firstLayer: FirstLayerMode;
  /** The full forward pass for users given by their item rows (B rows → B × I logits, μ, log σ²). */
  forward(rows: readonly ArrayLike<number>[], opts: ForwardOptions): ForwardPass;
  /** Just the logits, B × I; differentiable with respect to `variables()`. */
  logitsFromRows(rows: readonly ArrayLike<number>[], opts: ForwardOptions): tf.Tensor2D;
  /** W₁, b₁, W₂, b₂, W₃, b₃, W₄, b₄ (encoder then decoder). */
  variables(): tf.Variable[];
  /** The weight matrices W₁ … W₄ alone, no biases: what the reference's L2 weight decay penalises. */
  weightMatrices(): tf.Variable[];
  /** Whether the DAE's code layer goes through tanh (always false for the VAE). */
  readonly tanhCode: boolean;
  readonly numParams: number;
}

/** Glorot-normal weights N(0, 2 / (fan_in + fan_out)) from our seeded RNG: the same numbers on every backend. */
function dense(rng: Rng, fanIn: number, fanOut: number): tf.Variable<tf.Rank.R2> {
  return variableFrom(rng.normalArray(fanIn * fanOut, Math.sqrt(2 / (fanIn + fanOut))), [fanIn, fanOut]);
}

function bias(width: number): tf.Variable<tf.Rank.R2> {
  return variableFrom(new Float32Array(width), [1, width]);
}

/**
 * Builds the network I → hidden → latent → hidden → I with tanh on the hidden layers, linear μ / log σ² heads
 * and linear output logits. The encoder input is the L2-normalised click vector with dropout (firstLayer.ts).
 *
 * VAE: [μ, log σ²] = h₁W₂ + b₂ (W₂ is hidden × 2·latent), z = μ + exp(½ log σ²) ⊙ ε with ε ~ N(0, I) drawn
 * from our Rng while training, z = μ in evaluation. DAE: the same network with only the μ head, z = μ(x̃) always,
 * or z = tanh(h₁W₂ + b₂) with `tanhCode` (the reference Mult-DAE).
 */
export function createMultVae(opts: MultVaeOptions): MultVae {
  const { numItems, hidden, latent, variant, rng } = opts;
  const dropout = opts.dropout ?? 0.5;
  const mode = opts.firstLayer ?? DEFAULT_FIRST_LAYER;
  const heads = variant === 'vae' ? 2 : 1;
  const tanhCode = variant === 'dae' && (opts.tanhCode ?? false);
  const W1 = dense(rng, numItems, hidden);
  const b1 = bias(hidden);
  const W2 = dense(rng, hidden, heads * latent);
  const b2 = bias(heads * latent);
  const W3 = dense(rng, latent, hidden);
  const b3 = bias(hidden);
  const W4 = dense(rng, hidden, numItems);
  const b4 = bias(numItems);
  const vars = [W1, b1, W2, b2, W3, b3, W4, b4];

  const forward = (rows: readonly ArrayLike<number>[], f: ForwardOptions): ForwardPass => {
    if (f.training && !f.rng) throw new Error('a training forward pass needs an Rng (dropout mask, ε)');
    const batch = buildInputBatch(rows, { training: f.training, dropout, rng: f.rng });
    const h1 = tanh(tf.add(firstLayer(mode, W1, batch), b1)) as tf.Tensor2D;
    const pre = tf.add(matMulFast(h1, W2), b2) as tf.Tensor2D;
    const code = tanhCode ? tanh(pre) : pre;
    let mu = code;
    let logVar: tf.Tensor2D | null = null;
    let z = code;
    if (variant === 'vae') {
      [mu, logVar] = tf.split(code, 2, 1) as [tf.Tensor2D, tf.Tensor2D];
      z = mu;
      if (f.training) {
        const eps = tf.tensor2d(f.rng!.normalArray(rows.length * latent, 1), [rows.length, latent]);
        z = tf.add(mu, tf.mul(tf.exp(tf.mul(0.5, logVar)), eps)) as tf.Tensor2D;
      }
    }
    const h3 = tanh(tf.add(matMulFast(z, W3), b3)) as tf.Tensor2D;
    const logits = tf.add(matMulFast(h3, W4), b4) as tf.Tensor2D;
    return { logits, mu, logVar };
  };

  return {
    numItems,
    hidden,
    latent,
    variant,
    firstLayer: mode,
    forward,
    logitsFromRows: (rows, f) => forward(rows, f).logits,
    variables: () => vars,
    weightMatrices: () => [W1, W2, W3, W4],
    tanhCode,
    numParams: vars.reduce((n, v) => n + v.size, 0),
    snapshot: () => snapshotVariables(vars),
    restore: (weights) => restoreVariables(vars, weights),
    dispose() {
      vars.forEach((v) => v.dispose());
    },
  };
}
