// Times one AMP-CF training step on workshop the way the AMP-CF lab trains it: the lab's leave-one-out split, one
// epoch of candidate lists drawn by its sampler (positive + K uniform negatives), then Adam steps on consecutive
// batches of it. The lab draws an epoch's lists once, before its steps (`beginEpoch`), so sampling stays outside
// the timed region; what the lab does per step is inside: host arrays → int32 tensors, forward, loss, backward,
// Adam, and the loss read back (the lab reads back every 10 steps; timeSteps reads back each one).
import * as tf from '@tensorflow/tfjs';
import { nnz } from '../data/dataset';
import { leaveOneOut } from '../data/split';
import { builtinDataset } from '../data/synthetic';
import { ampCfDefaults, type AmpCfConfig } from '../labs/ampCf/config';
import { sampleEpoch } from '../labs/ampCf/sampling';
import { createAmpCfTrainer } from '../labs/ampCf/training';
import { createAmpCf } from '../models/ampCf/model';
import { Rng } from '../random/rng';
import { median, timeSteps, type RepPlan } from './timing';

export interface AmpCfBenchResult {
  label: string;
  backend: string;
  /** Median ms of one step (sampling aside, as in the lab). */
  medianMs: number;
  /** Trainable numbers: U (users·P × d), V (items × d), b (items). */
  params: number;
}

/** One AMP-CF step at the lab's defaults (P personas, d, K negatives, batch, Adam lr, l2, entropy weight). */
export async function benchAmpCfStep(plan: RepPlan = { warmup: 5, reps: 30 }, over: Partial<AmpCfConfig> = {}): Promise<AmpCfBenchResult> {
  const config = { ...ampCfDefaults, ...over };
  const data = builtinDataset(config.dataset as 'workshop');
  const root = new Rng(config.seed);
  const { train } = leaveOneOut(data.interactions, root.fork('split'), data.timestamps);
  const initSeed = root.fork('init').uint32();
  const lists = sampleEpoch(train, config.negatives, root.fork('sampling'));
  const model = createAmpCf({ numUsers: train.numUsers, numItems: train.numItems, dim: config.dim, personas: config.personas, rng: new Rng(initSeed) });
  const trainer = createAmpCfTrainer(model, { learningRate: config.learningRate, l2: config.l2, entropyWeight: config.entropyWeight });
  const w = lists.width;
  const n = lists.users.length;
  const batch = Math.min(config.batchSize, n);
  let at = 0;
  try {
    const ms = await timeSteps(() => {
      const step = trainer.step(lists.users.subarray(at, at + batch), lists.items.subarray(at * w, (at + batch) * w), w);
      // Full batches only, cycling through the epoch.
      at = at + 2 * batch > n ? 0 : at + batch;
      return step;
    }, plan);
    const params = model.variables().reduce((s, v) => s + v.size, 0);
    const entropy = config.entropyWeight > 0 ? `, entropy λ = ${config.entropyWeight}` : '';
    return {
      label:
        `AMP-CF step (${config.dataset}: ${train.numUsers} users × ${train.numItems} items, ${nnz(train)} clicks; P = ${config.personas}, d = ${config.dim}, ` +
        `batch ${batch} × (1 + ${config.negatives}) candidates, Adam lr ${config.learningRate}, l2 ${config.l2}${entropy})`,
      backend: tf.getBackend(),
      medianMs: median(ms),
      params,
    };
  } finally {
    trainer.dispose();
    model.dispose();
  }
}
