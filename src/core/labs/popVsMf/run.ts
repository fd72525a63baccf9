// Trains BPR-MF against the popularity baseline and reports loss per step and ranking metrics per epoch.
import { resolveDataset } from '../../data/datasetChoice';
import { nnz } from '../../data/dataset';
import { weakSplit } from '../../data/split';
import { evalContext, type ListMetrics } from '../../experiment/evaluate';
import { evaluateModel } from '../../experiment/evaluateModel';
import { runTraining } from '../../experiment/trainingLoop';
import type { RunContext, RunResult } from '../../experiment/types';
import { bprEpochTriples, createBprMf } from '../../models/bprMf';
import { createPopularity } from '../../models/popularity';
import { Rng } from '../../random/rng';
import type { PopVsMfConfig } from './config';
import { K } from './k';

function epochValues(mf: ListMetrics, pop: ListMetrics): Record<string, number> {
  return {
    'ndcg/mf': mf.ndcg,
    'ndcg/pop': pop.ndcg,
    'recall/mf': mf.recall,
    'recall/pop': pop.recall,
    'coverage/mf': mf.coverage,
    'coverage/pop': pop.coverage,
  };
}

/**
 * The whole experiment: seeded weak-generalisation split (80/20 per user), popularity scored once, BPR-MF
 * trained for `epochs` passes with metrics on the held-out items after every epoch (epoch 0 = untrained).
 */
export function runPopVsMf(config: PopVsMfConfig, ctx: RunContext = {}): Promise<RunResult<PopVsMfConfig>> {
  return runTraining('pop-vs-mf', config, ctx, () => {
    const root = new Rng(config.seed);
    const data = resolveDataset(config.dataset, ctx.dataset);
    const { train, heldOut } = weakSplit(data.interactions, root.fork('split'));
    const sampler = root.fork('sampling');
    const pop = createPopularity(train);
    const mf = createBprMf(
      train.numUsers,
      train.numItems,
      { dim: config.embeddingDim, learningRate: config.learningRate, optimizer: config.optimizer, l2: config.l2, initStd: 0.1 },
      root.fork('init'),
    );
    const evalCtx = evalContext(train, data, K);
    let popScores: ListMetrics | null = null;
    let triples: ReturnType<typeof bprEpochTriples>;
    return {
      epochs: config.epochs,
      stepsPerEpoch: Math.ceil(nnz(train) / config.batchSize),
      info: { users: train.numUsers, items: train.numItems, trainInteractions: nnz(train), heldOutInteractions: nnz(heldOut) },
      readbackEvery: 10,
      beginEpoch: () => void (triples = bprEpochTriples(train, sampler)),
      step: ({ index }) => {
        const a = index * config.batchSize;
        const b = Math.min(a + config.batchSize, triples.users.length);
        return { losses: { 'loss/mf': mf.trainStep(triples.users.subarray(a, b), triples.pos.subarray(a, b), triples.neg.subarray(a, b)) } };
      },
      evaluate: async () => {
        popScores ??= await evaluateModel(pop, heldOut, evalCtx);
        return epochValues(await evaluateModel(mf, heldOut, evalCtx), popScores);
      },
      dispose: () => {
        mf.dispose();
        pop.dispose();
      },
    };
  });
}
