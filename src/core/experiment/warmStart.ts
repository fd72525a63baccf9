// The warm start of a softmax policy (accuracy only, on the multinomial likelihood), which every run of a sweep
// with the same settings shares through the run context's cache, and the random streams such a run forks.
import * as tf from '@tensorflow/tfjs';
import type { ModelWeights } from '../models/model';
import { multinomialNll, type SoftmaxPolicy } from '../models/softmaxPolicy';
import { Rng } from '../random/rng';
import { activeBackend } from '../tf/backends';
import { makeOptimizer } from '../tf/ops';
import { heartbeat } from '../heartbeat';
import type { RunCache } from './runCache';

/** How a warm start trains. */
export interface WarmStartSettings {
  epochs: number;
  /** Users per update. */
  batchUsers: number;
  learningRate: number;
}

/** The random streams of a run that trains a policy from the warm start. */
export interface PolicyRunStreams {
  split: Rng;
  init: Rng;
  slates: Rng;
  warm: Rng;
  /** The weighting lab's reward targets (held out of its warm start). Forked last, so the others do not move. */
  targets: Rng;
}

/**
 * The streams forked from `seed`, in a fixed order (each fork advances the root): anything that must reproduce
 * a run's split and warm start for a seed takes them from here (the weighting lab; the consumption lab's
 * trained comparison).
 */
export function policyRunStreams(seed: number): PolicyRunStreams {
  const root = new Rng(seed);
  const split = root.fork('split');
  const init = root.fork('init');
  const slates = root.fork('slates');
  const warm = root.fork('warm');
  const targets = root.fork('targets');
  return { split, init, slates, warm, targets };
}

/**
 * Warm start on the multinomial likelihood (accuracy only, Mult-VAE's loss): per user batch,
 * L = − mean_u Σ_{i ∈ train_u} log π_ui / |train_u|. Returns the mean loss of the last epoch.
 */
export async function warmStart(
  policy: SoftmaxPolicy,
  trainRows: readonly Int32Array[],
  opts: WarmStartSettings,
  rng: Rng,
  signal?: AbortSignal,
): Promise<number> {
  const optimizer = makeOptimizer('adam', opts.learningRate);
  const numUsers = trainRows.length;
  let last = NaN;
  try {
    for (let e = 0; e < opts.epochs && !signal?.aborted; e++) {
      const order = rng.shuffle(Int32Array.from({ length: numUsers }, (_, u) => u));
      const losses: tf.Scalar[] = [];
      for (let s = 0; s < numUsers && !signal?.aborted; s += opts.batchUsers) {
        heartbeat();
        const users = order.subarray(s, s + opts.batchUsers);
        const target = new Float32Array(users.length * policy.numItems);
        users.forEach((u, r) => {
          const row = trainRows[u];
          for (const i of row) target[r * policy.numItems + i] = 1 / Math.max(1, row.length);
        });
        // A model that reads a user's items reads all of them here: the warm start is plain reconstruction
        // (denoised by the model's own dropout, if any).
        const logitOpts = { inputs: policy.readsInputs ? Array.from(users, (u) => trainRows[u]) : undefined, training: true };
        losses.push(
          tf.tidy(() => {
            const x = tf.tensor2d(target, [users.length, policy.numItems]);
            const u = tf.tensor1d(users, 'int32');
            return optimizer.minimize(() => (policy.warmLoss ? policy.warmLoss(u, logitOpts, x) : multinomialNll(policy.logits(u, logitOpts), x)), true, policy.variables())!;
          }),
        );
      }
      if (!losses.length) break;
      // One read-back per epoch.
      const mean = tf.tidy(() => tf.mean(tf.stack(losses)));
      last = (await mean.data())[0];
      mean.dispose();
      losses.forEach((l) => l.dispose());
    }
  } finally {
    optimizer.dispose();
  }
  return last;
}

/** FNV-1a over the rows, so two imports with the same name but different data never share a warm start. */
function fingerprint(rows: readonly Int32Array[]): number {
  let h = 0x811c9dc5;
  for (const row of rows) {
    h = Math.imul(h ^ row.length, 0x01000193);
    for (let j = 0; j < row.length; j++) h = Math.imul(h ^ row[j], 0x01000193);
  }
  return h >>> 0;
}

/** What a cached warm start is looked up by. */
export interface WarmStartIdentity {
  /** The lab and the values of the config fields its schema marks as affecting the warm start (settings.ts `warmStartFields`). */
  labId: string;
  fields: Record<string, unknown>;
  /** The model trained. */
  model: string;
  /** The data's name (its rows are fingerprinted too). */
  dataName: string;
}

/**
 * Warm-starts `policy` (accuracy only) or restores the result cached under the same identity, data and backend
 * (the same seed on another backend is another, float, warm start). The policy must have been initialised from
 * the same seed; `rng` is used only on a miss, so results are the same either way. Without a cache it always
 * trains; an interrupted warm start is never cached.
 */
export async function cachedWarmStart(
  policy: SoftmaxPolicy,
  trainRows: readonly Int32Array[],
  settings: WarmStartSettings,
  rng: Rng,
  id: WarmStartIdentity,
  cache?: RunCache,
  signal?: AbortSignal,
): Promise<void> {
  if (settings.epochs === 0) return;
  const key = JSON.stringify({ ...id, backend: activeBackend(), users: trainRows.length, items: policy.numItems, rows: fingerprint(trainRows), settings });
  const hit = cache?.get<ModelWeights>(`warm-start ${key}`);
  if (hit) return policy.restore(hit);
  await warmStart(policy, trainRows, settings, rng, signal);
  if (signal?.aborted || !cache) return;
  cache.set(`warm-start ${key}`, await policy.snapshot());
}
