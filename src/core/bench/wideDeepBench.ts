// Times one training step of each Wide & Deep model (wide only, deep only, joint) on workshop impressions, the way
// the lab trains them: host arrays → device batch → one FTRL + Adam step, the loss read back inside the timed region.
import * as tf from '@tensorflow/tfjs';
import { builtinDataset } from '../data/synthetic';
import { deviceBatch, disposeBatch, hostBatch, maxCrosses } from '../labs/wideDeep/batches';
import { buildClickTask, rowsIn, TRAIN } from '../labs/wideDeep/clickTask';
import { wideDeepDefaults, type WideDeepConfig } from '../labs/wideDeep/config';
import { chooseCrosses, crossIndex, crossStats } from '../labs/wideDeep/crosses';
import { buildFeatureSpace } from '../labs/wideDeep/features';
import { createWideDeep } from '../models/wideDeep/model';
import { createWideDeepTrainer } from '../models/wideDeep/trainer';
import { Rng } from '../random/rng';
import { median, timeSteps, type RepPlan } from './timing';

export interface WideDeepStepTiming {
  model: 'wide' | 'deep' | 'joint';
  params: number;
  /** Median ms of one step, batch building included. */
  medianMs: number;
}

export interface WideDeepBenchResult {
  label: string;
  backend: string;
  steps: WideDeepStepTiming[];
}

/** One step of each model on batches of the lab's default size, drawn in turn from the training impressions. */
export async function benchWideDeepStep(plan: RepPlan = { warmup: 10, reps: 50 }, over: Partial<WideDeepConfig> = {}): Promise<WideDeepBenchResult> {
  const config = { ...wideDeepDefaults, ...over };
  const data = builtinDataset(config.dataset as 'workshop');
  const task = buildClickTask(data, { perUser: config.impressionsPerUser, clickRate: config.clickRate, threshold: config.clickThreshold }, new Rng(config.seed).fork('task'));
  const space = buildFeatureSpace(data);
  const crosses = chooseCrosses(config.crosses, config.topCrosses, crossStats(space, task), space, data);
  const rank = crossIndex(crosses);
  const width = maxCrosses(space);
  const train = rowsIn(task, TRAIN);
  const deep = { numFeatures: space.size, dim: config.embeddingDim, slotField: space.slotField, numFields: space.fields.length, hidden: config.hidden };
  const steps: WideDeepStepTiming[] = [];
  for (const model of ['wide', 'deep', 'joint'] as const) {
    const m = createWideDeep({ wideSize: model === 'deep' ? 0 : space.size + crosses.length, deep: model === 'wide' ? null : deep, rng: new Rng(1) });
    const trainer = createWideDeepTrainer(m, { learningRate: config.learningRate, l2: config.l2, ftrl: { alpha: config.ftrlAlpha, beta: 1, l1: config.l1, l2: 0 } });
    let at = 0;
    const ms = await timeSteps(() => {
      const rows = train.subarray(at, at + config.batchSize);
      at = at + 2 * config.batchSize > train.length ? 0 : at + config.batchSize;
      const b = deviceBatch(space, hostBatch(space, task, rows, rank, width), crosses.length);
      try {
        return trainer.step(b);
      } finally {
        disposeBatch(b);
      }
    }, plan);
    steps.push({ model, params: m.paramCount(), medianMs: median(ms) });
    trainer.dispose();
    m.dispose();
  }
  return {
    label: `Wide & Deep step (${config.dataset}, batch ${config.batchSize}, ${crosses.length} crosses, d = ${config.embeddingDim}, hidden ${config.hidden}/${Math.floor(config.hidden / 2)})`,
    backend: tf.getBackend(),
    steps,
  };
}
