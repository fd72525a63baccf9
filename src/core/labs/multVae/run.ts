// Trains Mult-VAE / Mult-DAE variants side by side (one epoch each in turn) under strong generalisation, with
// validation accuracy per epoch, test accuracy at the end, and the lab's views of the result.
import { resolveDataset } from '../../data/datasetChoice';
import { nnz, userItems } from '../../data/dataset';
import { strongSplit } from '../../data/split';
import { ErrorCode, LabError } from '../../errors';
import { runTraining } from '../../experiment/trainingLoop';
import type { ReportTable, RunContext, RunResult } from '../../experiment/types';
import { genreCosineDistance } from '../../metrics';
import { checkMemory } from '../../models/multVae/memory';
import { firstLayerFor, MODEL_SIZES } from '../../models/multVae/model';
import { createPopularity } from '../../models/popularity';
import { Rng } from '../../random/rng';
import { activeBackend } from '../../tf/backends';
import { accuracyDiversity, activityBuckets, betaPeak, type BetaPeak, type MultVaeArtifacts } from './artifacts';
import { variantsOf, type MultVaeConfig } from './config';
import { LIST_LENGTH, meanScores, rankWithModel, scorableUsers, scoreLists, type UserScores } from './scoring';
import { testTables } from './tables';
import { createTrainer, referenceDae, type Trainer } from './trainer';
import { POPULARITY, variantLabel } from './variants';

/**
 * The experiment. Strong generalisation (Liang et al. 2018, with the rules of their official preprocessing; see
 * strongSplit): users with fewer than 5 clicks take no part; the rest split into train / validation / test;
 * models train on all clicks of the training users; a held-out user's clicks on items some training user clicked
 * are kept, ⌊20%⌋ of them ranked and the rest fed in (fold-in), and users with fewer than 5 kept clicks are not
 * scored. Each epoch, every variant makes one pass over the training
 * users in turn (so their curves fill side by side), then all are scored on the validation users (epoch 0 =
 * untrained). At the end, test-user scores and three views: accuracy by activity, accuracy vs diversity, β at
 * the peak. A non-finite loss stops the run as 'diverged' with everything before it kept.
 */
export function runMultVae(config: MultVaeConfig, ctx: RunContext = {}): Promise<RunResult<MultVaeConfig>> {
  return runTraining<MultVaeConfig, MultVaeArtifacts>('mult-vae', config, ctx, (io) => {
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
    // A split that leaves nobody to train on or to score would "complete" with an empty table.
    if (trainRows.length === 0 || valUsers.length === 0 || testUsers.length === 0) {
      throw new LabError(
        ErrorCode.DataUnsuitable,
        `'dataset': ${data.name} (${data.interactions.numUsers} users, ${split.excludedUsers.length} with fewer than 5 clicks left out) split into ` +
          `${trainRows.length} training, ${valUsers.length} validation and ${testUsers.length} test users with a held-out item (5 clicks on items seen in training); ` +
          `this lab needs at least one of each — use more users, or raise heldOutUsers / validationUsers`,
      );
    }
    const stepsPerVariant = Math.ceil(trainRows.length / config.batchSize);

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
        daeReference: config.daeReference ? referenceDae(config.batchSize) : undefined,
      }),
    );
    const history: Record<string, { epoch: number; beta: number; ndcg100: number }[]> = {};
    let popValues: Record<string, number> | null = null;
    /** Each variant's order of the training users this epoch, from its own stream. */
    let orders: Int32Array[] = [];
    const rank = (t: Trainer, users: Int32Array, group: typeof split.validation) => rankWithModel(t.model, users, group.foldIn);

    return {
      epochs: config.epochs,
      stepsPerEpoch: stepsPerVariant * variants.length,
      info: {
        users: data.interactions.numUsers,
        items: numItems,
        trainUsers: trainRows.length,
        validationUsers: valUsers.length,
        testUsers: testUsers.length,
        trainClicks: nnz(split.train),
        excludedUsers: split.excludedUsers.length,
        unseenHeldOutClicks: split.unseenDropped,
        variants: variants.map((v) => v.id).join(', '),
        layers: `${numItems}→${sizes.hidden}→${sizes.latent}→${sizes.hidden}→${numItems}`,
        firstLayer,
        ...(variants.some((v) => v.model === 'dae') ? { dae: config.daeReference ? `reference: tanh code, λ = ${referenceDae(config.batchSize).lambda}` : 'linear code, no weight decay' } : {}),
      },
      readbackEvery: 10,
      beginEpoch: () => void (orders = trainers.map((t) => t.shuffle(trainIndex))),
      // The epoch's steps go variant after variant: stepsPerVariant of the first, then of the next, …
      step: ({ index }) => {
        const v = Math.floor(index / stepsPerVariant);
        const s = index % stepsPerVariant;
        const t = trainers[v];
        const rows = Array.from(orders[v].subarray(s * config.batchSize, (s + 1) * config.batchSize), (i) => trainRows[i]);
        return { losses: { [`loss/${t.variant.id}`]: t.step(rows) } };
      },
      /** Validation scores of every variant (+ popularity), β, KL and mean loss of the epoch. */
      async evaluate(epoch, steps) {
        popValues ??= meanScores(scoreLists(valUsers, await pop.recommend(valUsers, LIST_LENGTH, split.validation.foldIn), split.validation.target), POPULARITY);
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
          const losses = steps.flatMap((e) => (e.values[`loss/${id}`] === undefined ? [] : [e.values[`loss/${id}`]]));
          if (losses.length) values[`loss/${id}`] = losses.reduce((a, b) => a + b, 0) / losses.length;
          (history[id] ??= []).push({ epoch, beta: t.lastBeta(), ndcg100: values[`ndcg@100/${id}`] });
        }
        return { ...values, ...popValues };
      },
      async finish({ outcome, summary }) {
        const peaks = trainers.filter((t) => t.variant.model === 'vae').map((t) => betaPeak(t.variant.id, history[t.variant.id] ?? []));
        if (peaks.length) io.artifact('betaPeak', peaks.filter((p): p is BetaPeak => p !== null));
        // Test users, once, at the end (a diverged model's scores are NaN: nothing to report).
        if (outcome.status === 'diverged') return;
        const scores: Record<string, UserScores> = {};
        for (const t of trainers) scores[t.variant.id] = scoreLists(testUsers, await rank(t, testUsers, split.test), split.test.target);
        scores[POPULARITY] = scoreLists(testUsers, await pop.recommend(testUsers, LIST_LENGTH, split.test.foldIn), split.test.target);
        const out = { ...summary };
        for (const [id, s] of Object.entries(scores)) Object.assign(out, meanScores(s, id, 'test/'));
        const labels: Record<string, string> = Object.fromEntries(variants.map((v) => [v.id, variantLabel(v)]));
        labels[POPULARITY] = 'Popularity';
        const buckets = activityBuckets(split.test.foldIn, scores);
        const points = accuracyDiversity(scores, labels, numItems, data.genreNames.length ? genreCosineDistance(data.itemGenres, data.genreNames.length) : null);
        io.artifact('activityBuckets', buckets);
        io.artifact('accuracyDiversity', points);
        const tables: ReportTable[] = testTables(scores, labels, points, buckets);
        return { summary: out, tables };
      },
      dispose() {
        trainers.forEach((t) => t.dispose());
        pop.dispose();
      },
    };
  });
}
