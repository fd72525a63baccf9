// Times P5's training on workshop the way the lab trains it: one step of each family's batches, the plain model's
// step, and from them one epoch of the default run (unified + per-task models on the same batches + the plain model).
import * as tf from '@tensorflow/tfjs';
import { builtinDataset } from '../data/synthetic';
import { EXAMPLES_SETTING, p5Defaults, type P5Config } from '../labs/p5/config';
import { createP5Transformer } from '../models/p5/transformer';
import { toBatch } from '../p5/batches';
import { buildP5Data, historyOnly, type P5Example } from '../p5/examples';
import type { P5Family } from '../p5/templates';
import { Rng } from '../random/rng';
import { median, timeSteps, type RepPlan } from './timing';

export interface P5BenchResult {
  label: string;
  backend: string;
  params: number;
  /** Median ms of one training step on a batch of each family, and of the plain model on a sequential batch. */
  steps: { family: P5Family; ms: number; promptTokens: number }[];
  plainMs: number;
  /** Steps of each family in one epoch (its examples setting / batchSize). */
  stepsPerFamily: Partial<Record<P5Family, number>>;
  /** One epoch of the default run: every family's steps twice (unified + per-task) plus the plain model's, evaluation aside. */
  epochSeconds: number;
}

export async function benchP5(plan: RepPlan = { warmup: 2, reps: 8 }, over: Partial<P5Config> = {}): Promise<P5BenchResult> {
  const config = { ...p5Defaults, ...over };
  const data = buildP5Data(builtinDataset(config.dataset as 'workshop'), { idMode: config.idMode, seed: config.seed, historyLength: config.historyLength });
  const rng = new Rng(7);
  const maxLen = data.train.reduce((m, e) => Math.max(m, e.prompt.length, e.target.length), 0);
  const model = createP5Transformer(
    { vocabSize: data.vocab.size, dim: config.dim, heads: config.heads, encoderLayers: config.encoderLayers, decoderLayers: config.decoderLayers, maxLen, dropout: config.dropout, learningRate: config.learningRate },
    new Rng(1),
  );
  const byFamily = new Map<P5Family, P5Example[]>(data.families.map((f) => [f, data.train.filter((e) => e.family === f)]));
  const batchOf = (f: P5Family) => {
    const pool = byFamily.get(f)!;
    return Array.from({ length: Math.min(config.batchSize, pool.length) }, () => pool[rng.int(pool.length)]);
  };
  try {
    const steps: P5BenchResult['steps'] = [];
    for (const f of data.families) {
      let tokens = 0;
      const ms = await timeSteps(() => {
        const b = toBatch(batchOf(f), maxLen);
        tokens = b.srcLen;
        return model.trainStep(b);
      }, plan);
      steps.push({ family: f, ms: median(ms), promptTokens: tokens });
    }
    const plain = await timeSteps(() => model.trainStep(toBatch(batchOf('sequential').map((e) => ({ ...e, prompt: historyOnly(data.vocab, e.prompt) })), maxLen)), plan);
    const plainMs = median(plain);
    const stepsPerFamily = Object.fromEntries(data.families.map((f) => [f, Math.ceil(Math.min(config[EXAMPLES_SETTING[f]], byFamily.get(f)!.length) / config.batchSize)]));
    const epochMs = steps.reduce((s, x) => s + 2 * stepsPerFamily[x.family]! * x.ms, 0) + stepsPerFamily.sequential! * plainMs;
    return {
      label: `P5 epoch (${config.dataset}: vocabulary ${data.vocab.size}, d = ${config.dim}, ${config.heads} heads, ${config.encoderLayers}+${config.decoderLayers} layers, batch ${config.batchSize})`,
      backend: tf.getBackend(),
      params: model.paramCount(),
      steps,
      plainMs,
      stepsPerFamily,
      epochSeconds: epochMs / 1000,
    };
  } finally {
    model.dispose();
  }
}
