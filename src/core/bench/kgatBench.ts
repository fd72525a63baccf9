// Times KGAT's training on workshop the way the lab trains it: one CF step (the whole graph propagated, BPR on a
// batch), one TransR step, the once-per-epoch attention update, and from them one epoch of one KGAT model.
import * as tf from '@tensorflow/tfjs';
import { nnz } from '../data/dataset';
import { builtinDataset } from '../data/synthetic';
import { kgatDefaults, type KgatConfig } from '../labs/kgat/config';
import { kgatSplit } from '../labs/kgat/split';
import { bprEpochTriples } from '../models/bprMf';
import { buildGraph } from '../models/kgat/graph';
import { createKgat, layerSizes } from '../models/kgat/model';
import { Rng } from '../random/rng';
import { median, timeSteps, type RepPlan } from './timing';

export interface KgatBenchResult {
  label: string;
  backend: string;
  /** Median ms of one CF step of KGAT and of BPR-MF (the same code without layers), and of one TransR step. */
  cfMs: number;
  bprMfMs: number;
  kgMs: number;
  /** ms of one attention update (median of 3). */
  attentionMs: number;
  cfSteps: number;
  kgSteps: number;
  /** cfSteps · cfMs + kgSteps · kgMs + attentionMs: one epoch of one KGAT model, evaluation aside. */
  epochSeconds: number;
}

export async function benchKgat(plan: RepPlan = { warmup: 3, reps: 15 }, over: Partial<KgatConfig> = {}): Promise<KgatBenchResult> {
  const config = { ...kgatDefaults, ...over };
  const data = builtinDataset(config.dataset as 'workshop');
  const root = new Rng(config.seed);
  // The lab's split; the graph holds the training items.
  const { train } = kgatSplit(data, config.trainShare, root);
  const graph = buildGraph(data, train, { knowledge: true, userAttributes: config.userAttributes });
  const spec = { dim: config.embeddingDim, dropout: config.messageDropout, learningRate: config.learningRate, l2: config.l2 };
  const kgat = createKgat(graph, { ...spec, layers: layerSizes(config.embeddingDim, config.layers), attention: true, transR: true }, new Rng(1));
  const bpr = createKgat(buildGraph(data, train, { knowledge: false, userAttributes: false }), { ...spec, layers: [], attention: false, transR: false }, new Rng(1));
  const triples = bprEpochTriples(train, new Rng(2));
  const rng = new Rng(3);
  try {
    const cfBatch = (at: number) => {
      const a = (at * config.batchSize) % Math.max(1, triples.users.length - config.batchSize);
      return [triples.users.subarray(a, a + config.batchSize), triples.pos.subarray(a, a + config.batchSize), triples.neg.subarray(a, a + config.batchSize)] as const;
    };
    let n = 0;
    const cf = await timeSteps(() => kgat.cfStep(...cfBatch(n++), n), plan);
    n = 0;
    const mf = await timeSteps(() => bpr.cfStep(...cfBatch(n++), n), plan);
    const pick = () => Int32Array.from({ length: config.kgBatchSize }, () => rng.int(graph.head.length));
    const kg = await timeSteps(() => {
      const e = pick();
      return kgat.kgStep(Int32Array.from(e, (x) => graph.head[x]), Int32Array.from(e, (x) => graph.relation[x]), Int32Array.from(e, (x) => graph.tail[x]), Int32Array.from(e, () => rng.int(graph.numNodes)));
    }, plan);
    const att: number[] = [];
    for (let k = 0; k < 3; k++) {
      const t0 = performance.now();
      await kgat.updateAttention();
      att.push(performance.now() - t0);
    }
    const cfSteps = Math.ceil(nnz(train) / config.batchSize);
    const kgSteps = Math.ceil(graph.head.length / config.kgBatchSize);
    const r = { cfMs: median(cf), bprMfMs: median(mf), kgMs: median(kg), attentionMs: median(att) };
    return {
      label: `KGAT epoch (${config.dataset}: ${graph.numNodes} nodes, ${graph.head.length} edges; L = ${config.layers}, d = ${config.embeddingDim}, CF batch ${config.batchSize}, KG batch ${config.kgBatchSize})`,
      backend: tf.getBackend(),
      ...r,
      cfSteps,
      kgSteps,
      epochSeconds: (cfSteps * r.cfMs + kgSteps * r.kgMs + r.attentionMs) / 1000,
    };
  } finally {
    kgat.dispose();
    bpr.dispose();
  }
}
