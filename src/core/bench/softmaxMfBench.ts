// Times one training step of the softmax MF that the consumption lab's trained comparison fits: its warm start on the
// multinomial likelihood (experiment/warmStart.ts) at the lab's defaults — the 'random' 80/20 split of workshop,
// d = embeddingDim, WARM_START_DEFAULTS' users per update and Adam step size. Each timed step is what warmStart does
// per batch, all of it inside the timed region (the lab builds each batch's target inside its step loop too): the
// dense B × I target (1/|row| on each training item) filled on the host, host arrays → tensors, logits over the whole
// catalogue, −mean Σ target · log softmax, backward, Adam on U, V and b, and the loss read back (the lab reads back
// once per epoch; timeSteps reads back each step).
import * as tf from '@tensorflow/tfjs';
import { nnz, userItems } from '../data/dataset';
import { builtinDataset } from '../data/synthetic';
import { policyRunStreams } from '../experiment/warmStart';
import { WARM_START_DEFAULTS } from '../experiment/warmStartDefaults';
import { consumptionDefaults, type ConsumptionConfig } from '../labs/consumption/config';
import { protocolSplit } from '../labs/consumption/trained';
import { POLICIES } from '../models/registry';
import { multinomialNll } from '../models/softmaxPolicy';
import { makeOptimizer } from '../tf/ops';
import { median, timeSteps, type RepPlan } from './timing';

export interface SoftmaxMfBenchResult {
  label: string;
  backend: string;
  /** Median ms of one warm-start step, target building included. */
  medianMs: number;
  /** Trainable numbers: U (users × d), V (items × d), b (items). */
  params: number;
}

/** One warm-start step of the consumption lab's softmax MF at its defaults (`over` changes the lab's settings). */
export async function benchSoftmaxMfStep(
  plan: RepPlan = { warmup: 5, reps: 30 },
  over: Partial<ConsumptionConfig> = {},
  warm: { batchUsers: number; learningRate: number } = WARM_START_DEFAULTS,
): Promise<SoftmaxMfBenchResult> {
  const config = { ...consumptionDefaults, ...over };
  const data = builtinDataset(config.dataset as 'workshop');
  const streams = policyRunStreams(config.seed);
  const { train } = protocolSplit(data, config.protocol, streams.split);
  const rows = Array.from({ length: train.numUsers }, (_, u) => userItems(train, u));
  const policy = POLICIES['softmax-mf'](train.numUsers, train.numItems, config.embeddingDim, streams.init);
  const optimizer = makeOptimizer('adam', warm.learningRate);
  const numItems = policy.numItems;
  const order = streams.warm.shuffle(Int32Array.from({ length: train.numUsers }, (_, u) => u));
  const batch = Math.min(warm.batchUsers, order.length);
  let at = 0;
  try {
    const ms = await timeSteps(() => {
      const users = order.subarray(at, at + batch);
      // Full batches only, cycling through the epoch's order.
      at = at + 2 * batch > order.length ? 0 : at + batch;
      const target = new Float32Array(users.length * numItems);
      users.forEach((u, r) => {
        const row = rows[u];
        for (const i of row) target[r * numItems + i] = 1 / Math.max(1, row.length);
      });
      return tf.tidy(() => {
        const x = tf.tensor2d(target, [users.length, numItems]);
        const u = tf.tensor1d(users, 'int32');
        return optimizer.minimize(() => multinomialNll(policy.logits(u, { training: true }), x), true, policy.variables())!;
      });
    }, plan);
    const params = policy.variables().reduce((s, v) => s + v.size, 0);
    return {
      label:
        `softmax-MF warm-start step (consumption lab; ${config.dataset} '${config.protocol}' split: ${train.numUsers} users × ${numItems} items, ${nnz(train)} clicks; ` +
        `d = ${config.embeddingDim}, batch ${batch} users × all ${numItems} items, multinomial likelihood, Adam lr ${warm.learningRate})`,
      backend: tf.getBackend(),
      medianMs: median(ms),
      params,
    };
  } finally {
    optimizer.dispose();
    policy.dispose();
  }
}
