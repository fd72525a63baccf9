// Trains Mult-VAE / Mult-DAE variants side by side (one epoch each in turn) under strong generalisation, with
// validation accuracy per epoch, test accuracy at the end, and the lab's views of the result.
import { gateStep } from '../../experiment/stepGate';
import { resolveDataset } from '../../data/datasetChoice';
import { nnz, userItems } from '../../data/dataset';
import { strongSplit } from '../../data/split';
import { divergedMessage, firstNonFinite } from '../../experiment/lossBuffer';
import type { ProgressEvent, RunContext, RunOutcome, RunResult } from '../../experiment/types';
import { genreCosineDistance } from '../../metrics';
import { createPopularity } from '../../models/popularity';
import { Rng } from '../../random/rng';
import { activeBackend } from '../../tf/backends';
import { accuracyDiversity, activityBuckets, betaPeak, type BetaPeak } from './artifacts';
import { variantsOf, type MultVaeConfig } from './config';
import { checkMemory } from './memory';
import { firstLayerFor, MODEL_SIZES } from './model';
import { LIST_LENGTH, meanScores, rankWithModel, scorableUsers, scoreLists, type UserScores } from './scoring';
import { testTables } from './tables';
import { createTrainer, type Trainer } from './trainer';
import { POPULARITY, variantLabel } from './variants';

/** Losses are read back from the device once per this many steps (and at the end of every epoch). */
const READBACK_EVERY = 10;

/**
 * The experiment. Strong generalisation (Liang et al. 2018): users split into train / validation / test; models
 * train on all clicks of the training users; a held-out user's fold-in (80% of their clicks) is fed in and every
 * other item ranked, scored on the remaining 20%. Each epoch, every variant makes one pass over the training
 * users in turn (so their curves fill side by side), then all are scored on the validation users (epoch 0 =
 * untrained). At the end, test-user scores and three views: accuracy by activity, accuracy vs diversity, β at
 * the peak. A non-finite loss stops the run as 'diverged' with everything before it kept.
 */
export async function runMultVae(config: MultVaeConfig, ctx: RunContext = {}): Promise<RunResult<MultVaeConfig>> {
  const events: ProgressEvent[] = [];
  const emit = (e: ProgressEvent) => {
    events.push(e);
    ctx.onProgress?.(e);
  };
  const data = resolveDataset(config.dataset, ctx.dataset);
  const numItems = data.interactions.numItems;
  const split = strongSplit(data.interactions, new Rng(config.seed).fork('split'), { heldOutUsers: config.heldOutUsers, validationUsers: config.validationUsers });
  const variants = variantsOf(config);
  const sizes = MODEL_SIZES[config.size];
  const backend = activeBackend();
  const firstLayer = config.firstLayer === 'auto' ? firstLayerFor(backend) : config.firstLayer;
  checkMemory({ numItems, ...sizes, batchSize: config.batchSize, models: variants.map((v) => v.model), firstLayer }, backend);

  const trainRows = Array.from(split.trainUsers, (u) => userItems(split.train, u)).filter((r) => r.length > 0);
  const trainIndex = Int32Array.from(trainRows, (_, i) => i);
  const valUsers = scorableUsers(split.validation);
  const testUsers = scorableUsers(split.test);
  const stepsPerVariant = Math.ceil(trainRows.length / config.batchSize);
  const stepsPerEpoch = stepsPerVariant * variants.length;
  const totalSteps = stepsPerEpoch * config.epochs;
  emit({
    kind: 'started',
    totalSteps,
    stepsPerEpoch,
    info: {
      users: data.interactions.numUsers,
      items: numItems,
      trainUsers: trainRows.length,
      validationUsers: valUsers.length,
      testUsers: testUsers.length,
      trainClicks: nnz(split.train),
      variants: variants.map((v) => v.id).join(', '),
      layers: `${numItems}→${sizes.hidden}→${sizes.latent}→${sizes.hidden}→${numItems}`,
      firstLayer,
    },
  });

  const pop = createPopularity(split.train);
  const trainers: Trainer[] = variants.map((v) =>
    createTrainer(v, config.seed, {
      numItems,
      ...sizes,
      dropout: config.dropout,
      learningRate: config.learningRate,
      firstLayer,
      beta: { anneal: config.anneal, cap: config.betaCap, annealSteps: config.annealSteps },
      likelihood: { gaussianConfidence: config.gaussianConfidence },
    }),
  );
  const history: Record<string, { epoch: number; beta: number; ndcg100: number }[]> = {};
  const epochLoss: Record<string, { sum: number; n: number }> = {};
  let outcome: RunOutcome = { status: 'completed' };
  let step = 0;

  /** Reads every variant's pending losses, emits them in step order; false (and the outcome set) at a non-finite one. */
  const drain = async (): Promise<boolean> => {
    const read = await Promise.all(trainers.map(async (t) => (await t.losses.flush()).map((r) => ({ ...r, id: t.variant.id }))));
    const rows = read.flat().sort((a, b) => a.step - b.step);
    const bad = firstNonFinite(rows);
    for (const r of bad ? rows.filter((x) => x.step < bad.step) : rows) {
      emit({ kind: 'step', step: r.step, epoch: Math.ceil(r.step / stepsPerEpoch), totalSteps, values: { [`loss/${r.id}`]: r.loss } });
      const acc = (epochLoss[r.id] ??= { sum: 0, n: 0 });
      acc.sum += r.loss;
      acc.n++;
    }
    if (bad) outcome = { status: 'diverged', atStep: bad.step, message: divergedMessage(bad.step) };
    return !bad;
  };

  const rank = (t: Trainer, users: Int32Array, group: typeof split.validation) => rankWithModel(t.model, users, group.foldIn);
  /** Validation scores of every variant (+ popularity), β, KL and mean loss of the epoch: one epoch event. */
  const evaluate = async (epoch: number, popValues: Record<string, number>) => {
    const values: Record<string, number> = {};
    for (const t of trainers) {
      const id = t.variant.id;
      const s = scoreLists(valUsers, await rank(t, valUsers, split.validation), split.validation.target);
      Object.assign(values, meanScores(s, id));
      if (t.variant.model === 'vae') {
        values[`beta/${id}`] = values.beta = t.lastBeta();
        const kl = await t.takeEpochKl();
        if (kl !== null) values[`kl/${id}`] = kl;
      }
      const l = epochLoss[id];
      if (l?.n) values[`loss/${id}`] = l.sum / l.n;
      delete epochLoss[id];
      (history[id] ??= []).push({ epoch, beta: t.lastBeta(), ndcg100: values[`ndcg@100/${id}`] });
    }
    emit({ kind: 'epoch', step, epoch, values: { ...values, ...popValues } });
  };

  const summary: Record<string, number> = {};
  let tables: RunResult<MultVaeConfig>['tables'];
  try {
    const popVal = scoreLists(valUsers, await pop.recommend(valUsers, LIST_LENGTH, split.validation.foldIn), split.validation.target);
    const popValues = meanScores(popVal, POPULARITY);
    await evaluate(0, popValues);
    training: for (let epoch = 1; epoch <= config.epochs; epoch++) {
      for (const t of trainers) {
        const order = t.shuffle(trainIndex);
        for (let s = 0; s < stepsPerVariant; s++) {
          // While a pause holds the run here, the steps still on the device are shown first (gateStep).
          const gate = await gateStep(ctx, drain);
          if (gate !== 'step') {
            if (gate === 'aborted') outcome = { status: 'stopped', atStep: step };
            break training;
          }
          const rows = Array.from(order.subarray(s * config.batchSize, (s + 1) * config.batchSize), (i) => trainRows[i]);
          t.step(rows, ++step);
          const pending = trainers.reduce((n, x) => n + x.losses.size, 0);
          if (pending >= READBACK_EVERY || ctx.control?.wantsEachStep?.()) {
            if (!(await drain())) break training;
          }
        }
      }
      if (!(await drain())) break;
      await evaluate(epoch, popValues);
    }
    if (outcome.status === 'stopped') await drain();

    const peaks = trainers.filter((t) => t.variant.model === 'vae').map((t) => betaPeak(t.variant.id, history[t.variant.id] ?? []));
    if (peaks.length) emit({ kind: 'artifact', name: 'betaPeak', data: peaks.filter((p): p is BetaPeak => p !== null) });

    for (const e of events) if (e.kind === 'epoch') Object.assign(summary, e.values);
    if ((outcome as RunOutcome).status !== 'diverged') {
      // Test users, once, at the end (a diverged model's scores are NaN: nothing to report).
      const scores: Record<string, UserScores> = {};
      for (const t of trainers) scores[t.variant.id] = scoreLists(testUsers, await rank(t, testUsers, split.test), split.test.target);
      scores[POPULARITY] = scoreLists(testUsers, await pop.recommend(testUsers, LIST_LENGTH, split.test.foldIn), split.test.target);
      for (const [id, s] of Object.entries(scores)) Object.assign(summary, meanScores(s, id, 'test/'));
      const labels: Record<string, string> = Object.fromEntries(variants.map((v) => [v.id, variantLabel(v)]));
      labels[POPULARITY] = 'Popularity';
      const buckets = activityBuckets(split.test.foldIn, scores);
      const points = accuracyDiversity(scores, labels, numItems, data.genreNames.length ? genreCosineDistance(data.itemGenres, data.genreNames.length) : null);
      emit({ kind: 'artifact', name: 'activityBuckets', data: buckets });
      emit({ kind: 'artifact', name: 'accuracyDiversity', data: points });
      tables = testTables(scores, labels, points, buckets);
    }
  } finally {
    trainers.forEach((t) => t.dispose());
    pop.dispose();
  }
  return { labId: 'mult-vae', config, backend, outcome, events, summary, ...(tables ? { tables } : {}) };
}
