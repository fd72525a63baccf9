// Trains BPR-MF against the popularity baseline and reports loss per step and ranking metrics per epoch.
import { gateStep } from '../../experiment/stepGate';
import { resolveDataset } from '../../data/datasetChoice';
import { nnz } from '../../data/dataset';
import { weakSplit } from '../../data/split';
import { evalContext, type ListMetrics } from '../../experiment/evaluate';
import { evaluateModel } from '../../experiment/evaluateModel';
import { divergedMessage, firstNonFinite, LossBuffer } from '../../experiment/lossBuffer';
import type { ProgressEvent, RunContext, RunOutcome, RunResult } from '../../experiment/types';
import { bprEpochTriples, createBprMf } from '../../models/bprMf';
import { createPopularity } from '../../models/popularity';
import { Rng } from '../../random/rng';
import { activeBackend } from '../../tf/backends';
import type { PopVsMfConfig } from './config';
import { K } from './k';

/** Loss values are read back from the device once per this many steps. */
const READBACK_EVERY = 10;

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
export async function runPopVsMf(config: PopVsMfConfig, ctx: RunContext = {}): Promise<RunResult<PopVsMfConfig>> {
  const events: ProgressEvent[] = [];
  const emit = (e: ProgressEvent) => {
    events.push(e);
    ctx.onProgress?.(e);
  };
  const root = new Rng(config.seed);
  const data = resolveDataset(config.dataset, ctx.dataset);
  const { train, heldOut } = weakSplit(data.interactions, root.fork('split'));
  const sampler = root.fork('sampling');
  const stepsPerEpoch = Math.ceil(nnz(train) / config.batchSize);
  const totalSteps = stepsPerEpoch * config.epochs;
  emit({
    kind: 'started',
    totalSteps,
    stepsPerEpoch,
    info: { users: train.numUsers, items: train.numItems, trainInteractions: nnz(train), heldOutInteractions: nnz(heldOut) },
  });

  const pop = createPopularity(train);
  const mf = createBprMf(
    train.numUsers,
    train.numItems,
    { dim: config.embeddingDim, learningRate: config.learningRate, optimizer: config.optimizer, l2: config.l2, initStd: 0.1 },
    root.fork('init'),
  );
  const losses = new LossBuffer();
  let outcome: RunOutcome = { status: 'completed' };
  let step = 0;
  let epoch = 0;

  /** Reads pending losses; emits them; returns false (and sets the outcome) if one is not finite. */
  const drain = async (): Promise<boolean> => {
    const rows = await losses.flush();
    const bad = firstNonFinite(rows);
    for (const r of bad ? rows.filter((x) => x.step < bad.step) : rows) {
      emit({ kind: 'step', step: r.step, epoch: Math.ceil(r.step / stepsPerEpoch), totalSteps, values: { 'loss/mf': r.loss } });
    }
    if (bad) outcome = { status: 'diverged', atStep: bad.step, message: divergedMessage(bad.step) };
    return !bad;
  };

  try {
    const evalCtx = evalContext(train, data, K);
    const popScores = await evaluateModel(pop, heldOut, evalCtx);
    emit({ kind: 'epoch', step: 0, epoch: 0, values: epochValues(await evaluateModel(mf, heldOut, evalCtx), popScores) });
    training: for (epoch = 1; epoch <= config.epochs; epoch++) {
      const t = bprEpochTriples(train, sampler);
      for (let s = 0; s < stepsPerEpoch; s++) {
        // While a pause holds the run here, the steps still on the device are shown first (gateStep).
        const gate = await gateStep(ctx, drain);
        if (gate !== 'step') {
          if (gate === 'aborted') outcome = { status: 'stopped', atStep: step };
          break training;
        }
        const a = s * config.batchSize;
        const b = Math.min(a + config.batchSize, t.users.length);
        step++;
        losses.push(step, mf.trainStep(t.users.subarray(a, b), t.pos.subarray(a, b), t.neg.subarray(a, b)));
        // Paused single-stepping wants to see each step's loss; a free run reads back in bulk.
        if (losses.size >= READBACK_EVERY || ctx.control?.wantsEachStep?.()) {
          if (!(await drain())) break training;
        }
      }
      if (!(await drain())) break;
      emit({ kind: 'epoch', step, epoch, values: epochValues(await evaluateModel(mf, heldOut, evalCtx), popScores) });
    }
    if (outcome.status === 'stopped') await drain();
  } finally {
    losses.dispose();
    mf.dispose();
    pop.dispose();
  }

  const summary: Record<string, number> = {};
  for (const e of events) if (e.kind === 'epoch') Object.assign(summary, e.values);
  return { labId: 'pop-vs-mf', config, backend: activeBackend(), outcome, events, summary };
}
