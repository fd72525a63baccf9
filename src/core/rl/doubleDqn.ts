// Double DQN (van Hasselt et al. 2016) on a dueling Q-network, with soft target updates: UNICORN's learner.
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../random/rng';
import { makeOptimizer } from '../tf/ops';
import type { ModelWeights } from '../models/model';
import { createDuelingQ, qValuesJs, softUpdate, type DuelingQ } from './duelingQ';
import type { ReplayBatch, TransitionShape } from './replay';

/** How the TD error δ = Q(s, a) − y is penalised (mean over the batch). */
export type TdLoss = 'huber' | 'mse';

export interface DoubleDqnOptions extends TransitionShape {
  /** Width of each stream's hidden layer (default 64). */
  hidden?: number;
  /** Draws the initial weights; the target network starts as an exact copy. */
  rng: Rng;
  /** γ (default 0.999, UNICORN's). */
  gamma?: number;
  /** τ of the soft target update after every step (default 0.01, UNICORN's). */
  tau?: number;
  /** Adam's learning rate (default 1e-4, UNICORN's). */
  learningRate?: number;
  /** Default 'huber': ½δ² for |δ| ≤ 1, |δ| − ½ beyond (PyTorch's smooth_l1_loss), robust to early large errors. */
  loss?: TdLoss;
  /** Rescales the gradients when their global L2 norm exceeds this (default: no clipping). */
  gradClipNorm?: number;
}

/** What one `act` chose, and the Q-values it chose from (for display). */
export interface ActResult {
  /** Index among the candidates passed in. */
  action: number;
  /** Q(s, a) of each candidate, in the order passed in. */
  q: Float64Array;
  /** True when the ε-coin chose a uniform random candidate instead of the greedy one. */
  explored: boolean;
}

export interface DoubleDqn {
  readonly online: DuelingQ;
  readonly target: DuelingQ;
  readonly options: Readonly<Required<Omit<DoubleDqnOptions, 'rng' | 'gradClipNorm'>>> & { gradClipNorm: number | null };
  /**
   * ε-greedy over the K candidates (K × A row-major) of `state`: draws one `rng.float()`; below ε, one `rng.int(K)`
   * picks uniformly, else the argmax of Q (first on ties). Q is computed in plain JS from a copy of the online
   * weights, re-read (one read-back) only after a `train` step changed them; no tensors are created otherwise.
   */
  act(state: Float32Array, candidates: Float32Array, epsilon: number, rng: Rng): Promise<ActResult>;
  /**
   * One Adam step on the mean TD loss of `batch` against the double-DQN target, then the soft target update.
   * Returns the loss (before the step) as a scalar the caller owns: read it back in bulk, not per step.
   */
  train(batch: ReplayBatch): tf.Scalar;
  /** Steps taken so far. */
  readonly steps: number;
  dispose(): void;
}

/**
 * One-hot rows as float32. Cast from int32 on purpose: tfjs-wasm 4.22's OneHot kernel returns all zeros when asked
 * for dtype 'float32' directly (found here: the chosen action's Q read as 0 and nothing trained).
 */
function oneHotFloat(indices: tf.Tensor1D, depth: number): tf.Tensor2D {
  return tf.cast(tf.oneHot(indices, depth), 'float32') as tf.Tensor2D;
}

/** The batch's arrays as tensors (B × S, B × Kmax × A, B × Kmax, …); call inside a tidy. */
export function batchTensors(b: ReplayBatch) {
  const { size: B, stateDim: S, actionDim: A, maxCandidates: K } = b;
  return {
    states: tf.tensor2d(b.states, [B, S]),
    candidates: tf.tensor3d(b.candidates, [B, K, A]),
    mask: tf.tensor2d(b.mask, [B, K]),
    actions: tf.tensor1d(b.actions, 'int32'),
    rewards: tf.tensor1d(b.rewards),
    dones: tf.tensor1d(b.dones),
    nextStates: tf.tensor2d(b.nextStates, [B, S]),
    nextCandidates: tf.tensor3d(b.nextCandidates, [B, K, A]),
    nextMask: tf.tensor2d(b.nextMask, [B, K]),
  };
}
type BatchTensors = ReturnType<typeof batchTensors>;

/**
 * The double-DQN target per row (B):
 *
 *   y = r + γ (1 − done) · Q_target(s', a*),   a* = argmax_{a' valid in s'} Q_online(s', a').
 *
 * The online network picks, the target network evaluates: decoupling the two removes max-Q's upward bias. A row whose
 * s' offers no candidates bootstraps nothing (y = r). Not differentiated: call it outside the gradient tape.
 */
export function doubleDqnTargets(online: DuelingQ, target: DuelingQ, t: BatchTensors, gamma: number): tf.Tensor1D {
  return tf.tidy(() => {
    const K = t.nextMask.shape[1];
    const qOnline = online.q(t.nextStates, t.nextCandidates, t.nextMask);
    // Padding gets −1e9 so it never wins the argmax.
    const best = tf.argMax(tf.add(qOnline, tf.mul(tf.sub(1, t.nextMask), -1e9)), 1) as tf.Tensor1D;
    const qTarget = target.q(t.nextStates, t.nextCandidates, t.nextMask);
    const hasAny = tf.minimum(tf.sum(t.nextMask, 1), 1);
    const next = tf.mul(tf.sum(tf.mul(qTarget, oneHotFloat(best, K)), 1), hasAny);
    return tf.add(t.rewards, tf.mul(tf.mul(tf.sub(1, t.dones), gamma), next)) as tf.Tensor1D;
  });
}

/** Mean TD loss of errors δ (B): Huber with threshold 1 (½δ² inside, |δ| − ½ outside) or MSE (mean δ²). */
export function tdLoss(delta: tf.Tensor1D, kind: TdLoss): tf.Scalar {
  if (kind === 'mse') return tf.mean(tf.square(delta));
  const a = tf.abs(delta);
  const quad = tf.minimum(a, 1);
  return tf.mean(tf.add(tf.mul(0.5, tf.square(quad)), tf.sub(a, quad)));
}

/**
 * ε decaying linearly from `start` to `end` over `steps` steps, then staying at `end` — the usual DQN schedule.
 */
export function linearEpsilon(step: number, opts: { start?: number; end?: number; steps: number }): number {
  const start = opts.start ?? 1;
  const end = opts.end ?? 0.05;
  if (opts.steps <= 0 || step >= opts.steps) return end;
  return start + (end - start) * (Math.max(0, step) / opts.steps);
}

function checkOptions(o: DoubleDqn['options']): void {
  if (!(o.gamma >= 0 && o.gamma <= 1)) throw new RangeError(`double DQN: gamma must be in [0, 1], got ${o.gamma}`);
  if (!(o.tau >= 0 && o.tau <= 1)) throw new RangeError(`double DQN: tau must be in [0, 1], got ${o.tau}`);
  if (!(o.learningRate > 0)) throw new RangeError(`double DQN: learningRate must be > 0, got ${o.learningRate}`);
  if (o.gradClipNorm !== null && !(o.gradClipNorm > 0)) throw new RangeError(`double DQN: gradClipNorm must be > 0, got ${o.gradClipNorm}`);
}

export function createDoubleDqn(opts: DoubleDqnOptions): DoubleDqn {
  const options: DoubleDqn['options'] = {
    stateDim: opts.stateDim,
    actionDim: opts.actionDim,
    maxCandidates: opts.maxCandidates,
    hidden: opts.hidden ?? 64,
    gamma: opts.gamma ?? 0.999,
    tau: opts.tau ?? 0.01,
    learningRate: opts.learningRate ?? 1e-4,
    loss: opts.loss ?? 'huber',
    gradClipNorm: opts.gradClipNorm ?? null,
  };
  checkOptions(options);
  const online = createDuelingQ({ stateDim: options.stateDim, actionDim: options.actionDim, hidden: options.hidden, rng: opts.rng });
  const target = online.copy();
  const adam = makeOptimizer('adam', options.learningRate);
  const vars = online.variables();
  let steps = 0;
  // Version of the online weights; the JS copy used for acting is re-read when it lags behind.
  let version = 0;
  let cache: { version: number; weights: ModelWeights } | null = null;

  const weights = async (): Promise<ModelWeights> => {
    if (cache && cache.version === version) return cache.weights;
    const v = version;
    // One read-back for all nine variables.
    const flat = tf.tidy(() => tf.concat(vars.map((x) => tf.reshape(x, [-1]))));
    let data: Float32Array;
    try {
      data = new Float32Array(await flat.data());
    } finally {
      flat.dispose();
    }
    const out: ModelWeights = [];
    let at = 0;
    for (const x of vars) {
      out.push(data.subarray(at, at + x.size));
      at += x.size;
    }
    cache = { version: v, weights: out };
    return out;
  };

  return {
    online,
    target,
    options,
    get steps() {
      return steps;
    },
    async act(state, candidates, epsilon, rng) {
      const { stateDim: S, actionDim: A } = options;
      const K = candidates.length / A;
      if (state.length !== S) throw new RangeError(`double DQN: the state must have ${S} numbers, got ${state.length}`);
      // K ≤ Kmax although the JS pass could score more: a transition with more candidates could not be replayed.
      if (!(Number.isInteger(K) && K >= 1 && K <= options.maxCandidates)) {
        throw new RangeError(`double DQN: candidates must be K × ${A} with 1 ≤ K ≤ ${options.maxCandidates}, got ${candidates.length} numbers`);
      }
      const q = qValuesJs(options, await weights(), state, candidates);
      const explored = rng.float() < epsilon;
      let action = 0;
      if (explored) action = rng.int(K);
      else for (let k = 1; k < K; k++) if (q[k] > q[action]) action = k;
      return { action, q, explored };
    },
    train(batch) {
      if (batch.stateDim !== options.stateDim || batch.actionDim !== options.actionDim || batch.maxCandidates !== options.maxCandidates) {
        throw new RangeError('double DQN: the batch has another shape than the learner');
      }
      const loss = tf.tidy(() => {
        const t = batchTensors(batch);
        const y = doubleDqnTargets(online, target, t, options.gamma);
        const chosen = oneHotFloat(t.actions, options.maxCandidates);
        const { value, grads } = tf.variableGrads(() => {
          const q = online.parts(t.states, t.candidates, t.mask).q;
          return tdLoss(tf.sub(tf.sum(tf.mul(q, chosen), 1), y) as tf.Tensor1D, options.loss);
        }, vars);
        if (options.gradClipNorm !== null) {
          const norm = tf.sqrt(tf.addN(Object.values(grads).map((g) => tf.sum(tf.square(g)))));
          const scale = tf.minimum(1, tf.div(options.gradClipNorm, tf.add(norm, 1e-6)));
          for (const k of Object.keys(grads)) grads[k] = tf.mul(grads[k], scale);
        }
        adam.applyGradients(grads);
        return value;
      });
      softUpdate(target, online, options.tau);
      steps++;
      version++;
      return loss;
    },
    dispose() {
      adam.dispose();
      online.dispose();
      target.dispose();
      cache = null;
    },
  };
}
