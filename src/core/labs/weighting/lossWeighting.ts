// Loss-side combination of K objectives: fixed weights, uncertainty weighting, DWA and GradNorm.
import * as tf from '@tensorflow/tfjs';
import { makeOptimizer } from '../../tf/ops';

export type LossWeightingMethod = 'fixed' | 'uw' | 'dwa' | 'gradnorm';

/**
 * Combines K scalar losses L_k (each lower-is-better) into the one scalar an optimiser minimises.
 *
 * Weights come in two forms. `rawWeights()` are the multipliers actually applied to each L_k (their scale
 * is each paper's own: Σ = K for DWA and GradNorm, ½e^{−s_k} for UW, the given b for fixed). `weights()`
 * are the same divided by their sum (Σ = 1), the form every chart shows so that methods — and DVAO's
 * λ_k — can share one axis. UW and GradNorm keep their weights on the accelerator: reading them is a
 * K-number readback, so call `weights()` every N steps, not inside the training step.
 */
export interface LossWeighting {
  readonly method: LossWeightingMethod;
  /** Number of objectives. */
  readonly K: number;
  /** The scalar to minimise; call inside the optimiser's loss closure (it creates tensors, no readback). */
  combine(losses: readonly tf.Scalar[]): tf.Scalar;
  /** Trainable tensors the method owns (UW's s_k): add them to the optimiser's variable list. */
  variables(): tf.Variable[];
  rawWeights(): number[];
  /**
   * For methods that keep their weights on the accelerator: the raw weights as a new tensor, so a training
   * loop can read them back together with its losses (one read-back per step) instead of `rawWeights()`.
   */
  rawWeightsTensor?(): tf.Tensor1D;
  /** rawWeights() / Σ rawWeights(): Σ = 1, for charts. */
  weights(): number[];
  dispose(): void;
}

/** w / Σw; uniform if the sum is not positive and finite. */
export function normaliseWeights(w: readonly number[]): number[] {
  const s = w.reduce((a, b) => a + b, 0);
  return s > 0 && Number.isFinite(s) ? w.map((x) => x / s) : w.map(() => 1 / w.length);
}

function weightedSum(losses: readonly tf.Scalar[], w: readonly number[] | tf.Tensor1D, K: number): tf.Scalar {
  if (losses.length !== K) throw new Error(`expected ${K} losses, got ${losses.length}`);
  return tf.tidy(() => {
    const l = tf.stack(losses as tf.Scalar[]) as tf.Tensor1D;
    return tf.sum(tf.mul(l, Array.isArray(w) ? tf.tensor1d(w as number[]) : (w as tf.Tensor1D))) as tf.Scalar;
  });
}

/** A K-vector variable; the initial tensor is freed (tf.variable does not take ownership of it). */
function vectorVariable(values: number[], trainable: boolean): tf.Variable<tf.Rank.R1> {
  const init = tf.tensor1d(values);
  try {
    return tf.variable(init, trainable);
  } finally {
    init.dispose();
  }
}

function checkBase(b: readonly number[]): number[] {
  if (b.length === 0) throw new Error('weights: need at least one objective');
  const bad = b.findIndex((x) => !Number.isFinite(x) || x < 0);
  if (bad >= 0) throw new Error(`weights: b[${bad}] = ${b[bad]} is not a finite number ≥ 0`);
  if (!b.some((x) => x > 0)) throw new Error('weights: all weights are 0; at least one must be positive');
  return [...b];
}

/** L = Σ_k b_k L_k with hand-set b_k ≥ 0, applied as given (the caller normalises sliders). */
export class FixedWeighting implements LossWeighting {
  readonly method = 'fixed' as const;
  readonly K: number;
  private b: number[];
  constructor(b: readonly number[]) {
    this.b = checkBase(b);
    this.K = b.length;
  }
  /** New slider values; they apply from the next `combine`. */
  set(b: readonly number[]): void {
    if (b.length !== this.K) throw new Error(`weights: expected ${this.K} weights, got ${b.length}`);
    this.b = checkBase(b);
  }
  combine(losses: readonly tf.Scalar[]): tf.Scalar {
    return weightedSum(losses, this.b, this.K);
  }
  variables(): tf.Variable[] {
    return [];
  }
  rawWeights(): number[] {
    return [...this.b];
  }
  weights(): number[] {
    return normaliseWeights(this.b);
  }
  dispose(): void {}
}

export const fixedWeights = (b: readonly number[]): FixedWeighting => new FixedWeighting(b);

/**
 * Uncertainty weighting (Kendall, Gal, Cipolla, "Multi-Task Learning Using Uncertainty to Weigh Losses for
 * Scene Geometry and Semantics", CVPR 2018):
 *
 *   L = Σ_k ½ e^{−s_k} L_k + ½ s_k,   s_k = log σ_k² trainable, initialised to 0.
 *
 * ∂L/∂s_k = ½(1 − e^{−s_k} L_k), zero at s_k = log L_k: a task whose loss stays high (noisy, hard) gets a
 * large s_k and so a *small* effective weight ½e^{−s_k}. (The regulariser ½ s_k needs L_k > 0 for the
 * optimum to exist; with L_k ≤ 0, s_k falls without bound.) Display weights: e^{−s_k} / Σ_j e^{−s_j}.
 */
export class UncertaintyWeighting implements LossWeighting {
  readonly method = 'uw' as const;
  readonly s: tf.Variable<tf.Rank.R1>;
  constructor(readonly K: number) {
    if (!(K >= 1)) throw new Error(`uncertainty weighting: K = ${K} must be ≥ 1`);
    this.s = vectorVariable(new Array<number>(K).fill(0), true);
  }
  combine(losses: readonly tf.Scalar[]): tf.Scalar {
    if (losses.length !== this.K) throw new Error(`expected ${this.K} losses, got ${losses.length}`);
    return tf.tidy(() => {
      const l = tf.stack(losses as tf.Scalar[]);
      return tf.mul(0.5, tf.sum(tf.add(tf.mul(tf.exp(tf.neg(this.s)), l), this.s))) as tf.Scalar;
    });
  }
  variables(): tf.Variable[] {
    return [this.s];
  }
  rawWeightsTensor(): tf.Tensor1D {
    return tf.tidy(() => tf.mul(0.5, tf.exp(tf.neg(this.s))) as tf.Tensor1D);
  }
  /** ½ e^{−s_k}, read back (tests, tables; a training loop reads `rawWeightsTensor` with its losses). */
  rawWeights(): number[] {
    const t = this.rawWeightsTensor();
    try {
      return Array.from(t.dataSync());
    } finally {
      t.dispose();
    }
  }
  weights(): number[] {
    return normaliseWeights(this.rawWeights());
  }
  dispose(): void {
    this.s.dispose();
  }
}

export const uncertaintyWeighting = (K: number): UncertaintyWeighting => new UncertaintyWeighting(K);

/** Whether DWA compares epoch-average losses (the paper) or single steps (noisier; for runs of one epoch). */
export type DwaMode = 'epoch' | 'step';

export interface DwaOptions {
  /** Temperature T of the softmax (paper: 2). Larger → weights closer to 1. */
  temperature?: number;
  mode?: DwaMode;
}

/**
 * λ from two loss snapshots: λ_k = K · softmax_k(w_k / T), w_k = L_k(t−1) / L_k(t−2). A ratio whose
 * denominator is not positive, or that is not finite, counts as 1 (no change): DWA assumes positive losses.
 */
export function dwaWeights(prev: readonly number[], prevPrev: readonly number[], temperature = 2): number[] {
  const K = prev.length;
  const r = prev.map((l, k) => {
    const q = l / prevPrev[k];
    return prevPrev[k] > 0 && Number.isFinite(q) ? q : 1;
  });
  const m = Math.max(...r.map((x) => x / temperature));
  const e = r.map((x) => Math.exp(x / temperature - m)); // shifted by the max: same softmax, no overflow
  const z = e.reduce((a, b) => a + b, 0);
  return e.map((x) => (K * x) / z);
}

/**
 * Dynamic Weight Average (Liu, Johns, Davison, "End-to-End Multi-Task Learning with Attention", CVPR 2019):
 *
 *   λ_k(t) = K · exp(w_k(t−1)/T) / Σ_j exp(w_j(t−1)/T),   w_k(t−1) = L_k(t−1) / L_k(t−2),   T = 2,
 *
 * so a task whose loss fell least in the last period gets more weight; Σ λ = K. λ_k = 1 until two periods
 * have been recorded. In 'epoch' mode (the paper's), a period is an epoch and L_k is the average over the
 * epoch's steps (`recordStep` each step, `endEpoch` at the end — or `recordEpoch` with averages computed on
 * the accelerator, to avoid per-step readbacks). In 'step' mode each `recordStep` is a period.
 */
export class DynamicWeightAverage implements LossWeighting {
  readonly method = 'dwa' as const;
  readonly temperature: number;
  readonly mode: DwaMode;
  /** The last two period losses, oldest first. */
  private history: number[][] = [];
  private sums: number[];
  private count = 0;
  private lambda: number[];

  constructor(
    readonly K: number,
    opts: DwaOptions = {},
  ) {
    if (!(K >= 1)) throw new Error(`DWA: K = ${K} must be ≥ 1`);
    this.temperature = opts.temperature ?? 2;
    if (!(this.temperature > 0)) throw new Error(`DWA: temperature ${this.temperature} must be > 0`);
    this.mode = opts.mode ?? 'epoch';
    this.sums = new Array<number>(K).fill(0);
    this.lambda = new Array<number>(K).fill(1);
  }

  /** One training step's losses (read back). Non-finite steps are skipped. */
  recordStep(losses: readonly number[]): void {
    if (losses.length !== this.K) throw new Error(`DWA: expected ${this.K} losses, got ${losses.length}`);
    if (!losses.every(Number.isFinite)) return;
    if (this.mode === 'step') return this.push(losses);
    losses.forEach((l, k) => (this.sums[k] += l));
    this.count++;
  }

  /** Closes an epoch ('epoch' mode): its average losses become L(t−1). An epoch with no steps is ignored. */
  endEpoch(): void {
    if (this.mode !== 'epoch' || this.count === 0) return;
    this.push(this.sums.map((s) => s / this.count));
    this.sums.fill(0);
    this.count = 0;
  }

  /** A whole period's average losses at once (either mode). */
  recordEpoch(meanLosses: readonly number[]): void {
    if (meanLosses.length !== this.K) throw new Error(`DWA: expected ${this.K} losses, got ${meanLosses.length}`);
    if (meanLosses.every(Number.isFinite)) this.push(meanLosses);
  }

  private push(l: readonly number[]): void {
    this.history = [...this.history.slice(-1), [...l]];
    if (this.history.length === 2) this.lambda = dwaWeights(this.history[1], this.history[0], this.temperature);
  }

  combine(losses: readonly tf.Scalar[]): tf.Scalar {
    return weightedSum(losses, this.lambda, this.K);
  }
  variables(): tf.Variable[] {
    return [];
  }
  rawWeights(): number[] {
    return [...this.lambda];
  }
  weights(): number[] {
    return normaliseWeights(this.lambda);
  }
  dispose(): void {}
}

export const dwa = (K: number, opts?: DwaOptions): DynamicWeightAverage => new DynamicWeightAverage(K, opts);

export interface GradNormOptions {
  /** W: the shared parameter tensor whose gradients are balanced — in practice the last shared layer. */
  shared: tf.Variable;
  /** Restoring-force strength α (paper: 1.5; 0 equalises gradient norms regardless of training rates). */
  alpha?: number;
  /** Adam step size for the weights w_k (default 0.025). */
  learningRate?: number;
  /** Floor on each w_k before renormalising, so no task is switched off for good (default 1e-3). */
  minWeight?: number;
}

/**
 * GradNorm (Chen, Badrinarayanan, Lee, Rabinovich, "GradNorm: Gradient Normalization for Adaptive Loss
 * Balancing in Deep Multitask Networks", ICML 2018). Loss L = Σ_k w_k L_k, and after each `update`:
 *
 *   G_k = ‖∇_W w_k L_k‖₂ = w_k ‖∇_W L_k‖₂,      Ḡ = mean_k G_k,
 *   r_k = (L_k(t)/L_k(0)) / mean_j (L_j(t)/L_j(0))       (relative inverse training rate),
 *   L_grad = Σ_k | G_k − Ḡ · r_k^α |,                    the target Ḡ · r_k^α held constant,
 *   w ← Adam step on ∂L_grad/∂w,   then w ← K · max(w, floor) / Σ max(w, floor).
 *
 * A task that trains slower (larger r_k) is given a larger gradient norm, hence a larger weight. W is one
 * shared tensor (the paper: the last shared layer), so the K extra backward passes stay cheap; each
 * ‖∇_W L_k‖ comes from `tf.variableGrads` on W alone. L_k(0) is the loss seen at the first `update`; losses
 * must be positive. The w_k are not trainable by the model's optimiser (they are updated only here).
 * Order within a training step: `update(lossesFn)` first, then the model step on `combine`, which uses
 * the updated w.
 */
export class GradNormWeighting implements LossWeighting {
  readonly method = 'gradnorm' as const;
  readonly alpha: number;
  readonly w: tf.Variable<tf.Rank.R1>;
  private readonly shared: tf.Variable;
  private readonly optimizer: tf.Optimizer;
  private readonly minWeight: number;
  private initialLosses: tf.Tensor1D | null = null;

  constructor(
    readonly K: number,
    opts: GradNormOptions,
  ) {
    if (!(K >= 1)) throw new Error(`GradNorm: K = ${K} must be ≥ 1`);
    this.alpha = opts.alpha ?? 1.5;
    this.shared = opts.shared;
    this.minWeight = opts.minWeight ?? 1e-3;
    this.w = vectorVariable(new Array<number>(K).fill(1), false);
    this.optimizer = makeOptimizer('adam', opts.learningRate ?? 0.025);
  }

  /** One GradNorm update of w from the K losses, recomputed as functions of W by `lossesFn`. */
  update(lossesFn: () => tf.Scalar[]): void {
    tf.tidy(() => {
      const values: tf.Scalar[] = [];
      const norms: tf.Scalar[] = [];
      for (let k = 0; k < this.K; k++) {
        const { value, grads } = tf.variableGrads(() => {
          const all = lossesFn();
          if (all.length !== this.K) throw new Error(`GradNorm: expected ${this.K} losses, got ${all.length}`);
          // + 0·ΣW: a loss that does not touch W then has gradient 0 instead of making tfjs throw.
          return tf.add(all[k], tf.mul(0, tf.sum(this.shared))) as tf.Scalar;
        }, [this.shared]);
        values.push(value);
        norms.push(tf.norm(grads[this.shared.name]) as tf.Scalar);
      }
      const loss = tf.stack(values) as tf.Tensor1D;
      const gradNorm = tf.stack(norms) as tf.Tensor1D;
      if (this.initialLosses === null) this.initialLosses = tf.keep(loss.clone());

      const eps = 1e-12;
      const ratio = tf.div(loss, tf.maximum(this.initialLosses, eps));
      const r = tf.div(ratio, tf.maximum(tf.mean(ratio), eps));
      // Target Ḡ·r^α is a constant in L_grad (the paper), so it is computed from the current w outside the gradient.
      const target = tf.mul(tf.mean(tf.mul(this.w, gradNorm)), tf.pow(r, this.alpha));
      const dw = tf.grad((w: tf.Tensor) => tf.sum(tf.abs(tf.sub(tf.mul(w, gradNorm), target))))(this.w);
      this.optimizer.applyGradients({ [this.w.name]: dw });
      const floored = tf.maximum(this.w, this.minWeight);
      this.w.assign(tf.div(tf.mul(floored, this.K), tf.sum(floored)) as tf.Tensor1D);
    });
  }

  combine(losses: readonly tf.Scalar[]): tf.Scalar {
    return weightedSum(losses, this.w, this.K);
  }
  variables(): tf.Variable[] {
    return [];
  }
  rawWeightsTensor(): tf.Tensor1D {
    return this.w.clone() as tf.Tensor1D;
  }
  /** w_k, read back (Σ = K; tests, tables — a training loop reads `rawWeightsTensor` with its losses). */
  rawWeights(): number[] {
    return Array.from(this.w.dataSync());
  }
  weights(): number[] {
    return normaliseWeights(this.rawWeights());
  }
  dispose(): void {
    this.w.dispose();
    this.optimizer.dispose();
    this.initialLosses?.dispose();
    this.initialLosses = null;
  }
}

export const gradNorm = (K: number, opts: GradNormOptions): GradNormWeighting => new GradNormWeighting(K, opts);
