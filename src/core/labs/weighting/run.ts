// Trains a softmax policy on several objectives at once, combined by the chosen method, and reports per
// step the rewards, the weights actually applied and the mean squared advantage; per epoch, held-out metrics.
import * as tf from '@tensorflow/tfjs';
import { resolveDataset } from '../../data/datasetChoice';
import { itemCounts, userItems } from '../../data/dataset';
import { weakSplit } from '../../data/split';
import { evalContext, evaluateLists } from '../../experiment/evaluate';
import { topKFromScores } from '../../experiment/topK';
import { divergedMessage } from '../../experiment/lossBuffer';
import type { ProgressEvent, RunContext, RunOutcome, RunResult } from '../../experiment/types';
import { genreCosineDistance } from '../../metrics';
import { Rng } from '../../random/rng';
import { activeBackend } from '../../tf/backends';
import { gatherRows, makeOptimizer } from '../../tf/ops';
import { combineAdvantages } from './advantages';
import { baseWeights, REWARD_METHODS, type WeightingConfig } from './config';
import { lossSideStep, type LossSideState, createLossSide } from './lossSideStep';
import { plLogProbTensor } from './plackettLuce';
import { createSoftmaxPolicy, type SoftmaxPolicy } from './policy';
import { OBJECTIVE_IDS, sampleBatch, type RewardSettings } from './slateBatch';
import { cachedWarmStart } from './warmStartCache';

/** Top-k of every evaluation metric in this lab. */
export const EVAL_K = 10;
/** Logit added to items a slate may not contain (finite, so entropy terms stay finite). */
const MASKED = -1e9;

/** The lab's top-10 (by logit, seen items excluded) for every user with held-out items, scored. */
async function evaluatePolicy(policy: SoftmaxPolicy, users: Int32Array, ctx: ReturnType<typeof evalContext>, heldOut: Parameters<typeof evaluateLists>[2]) {
  const lists: Int32Array[] = [];
  for (let s = 0; s < users.length; s += 256) {
    const batch = users.subarray(s, s + 256);
    const t = tf.tidy(() => policy.logits(tf.tensor1d(batch, 'int32')));
    const scores = (await t.data()) as Float32Array;
    t.dispose();
    lists.push(...topKFromScores(scores, batch, policy.numItems, ctx.history, EVAL_K));
  }
  return evaluateLists(users, lists, heldOut, ctx);
}

function epochValues(m: Record<string, number>): Record<string, number> {
  const keys = ['precision', 'ndcg', 'hit', 'consumption@1', 'consumption@2', 'consumption@3', 'ild', 'coverage', 'novelty'];
  return Object.fromEntries(keys.filter((k) => m[k] !== undefined).map((k) => [k, m[k]]));
}

/**
 * The experiment: weak 80/20 split; a warm start on the multinomial likelihood (cached, so every run with the
 * same data, seed and warm-start settings starts from the same policy); then `epochs` passes in which each
 * step samples G slates per user and updates the policy — REINFORCE on the Plackett–Luce log-probability
 * with the method's advantages (rc, ac, gdpo, dvao), or a weighted sum of differentiable surrogates
 * (fixed, uw, dwa, gradnorm). Base weights may change while it runs (`ctx.live`), from the next step.
 */
export async function runWeighting(config: WeightingConfig, ctx: RunContext = {}): Promise<RunResult<WeightingConfig>> {
  const events: ProgressEvent[] = [];
  const emit = (e: ProgressEvent) => {
    events.push(e);
    ctx.onProgress?.(e);
  };
  let weights = baseWeights(config);
  const root = new Rng(config.seed);
  const data = resolveDataset(config.dataset, ctx.dataset);
  const { train, heldOut } = weakSplit(data.interactions, root.fork('split'));
  const numGenres = data.genreNames.length;
  if (numGenres === 0) throw new RangeError('the weighting lab needs item genres (its diversity objective is genre ILD): import an items file with genres');
  const trainRows = Array.from({ length: train.numUsers }, (_, u) => userItems(train, u));
  const learners = Int32Array.from({ length: train.numUsers }, (_, u) => u).filter((u) => trainRows[u].length >= 2);
  const evalUsers = Int32Array.from({ length: heldOut.numUsers }, (_, u) => u).filter((u) => heldOut.indptr[u + 1] > heldOut.indptr[u]);
  const B = config.usersPerStep;
  const G = config.slatesPerUser;
  const N = config.slateSize;
  const stepsPerEpoch = Math.ceil(learners.length / B);
  const totalSteps = stepsPerEpoch * config.epochs;
  emit({ kind: 'started', totalSteps, stepsPerEpoch, info: { users: train.numUsers, items: train.numItems, method: config.method } });

  const evalCtx = evalContext(train, data, EVAL_K);
  const settings: RewardSettings = {
    relevance: config.relevance,
    consumeC: config.consumeC,
    distance: genreCosineDistance(data.itemGenres, numGenres),
    itemCounts: itemCounts(train),
    numUsers: evalCtx.numUsers,
    noisy: OBJECTIVE_IDS.indexOf(config.noisyObjective as never),
    noiseLevel: config.noiseLevel,
  };
  const policy = createSoftmaxPolicy(train.numUsers, train.numItems, config.embeddingDim, root.fork('init'));
  const optimizer = makeOptimizer('adam', config.learningRate);
  const rewardSide = (REWARD_METHODS as readonly string[]).includes(config.method);
  let lossSide: LossSideState | null = null;
  let outcome: RunOutcome = { status: 'completed' };
  let step = 0;
  const sampler = root.fork('slates');
  try {
    await cachedWarmStart(policy, trainRows, config, root.fork('warm'), data.name);
    const warmLogits = config.klToWarm > 0 ? await policy.snapshot() : null;
    if (!rewardSide) lossSide = createLossSide(config.method as never, data, train, policy);
    emit({ kind: 'epoch', step: 0, epoch: 0, values: epochValues(await evaluatePolicy(policy, evalUsers, evalCtx, heldOut)) });

    training: for (let epoch = 1; epoch <= config.epochs; epoch++) {
      const order = sampler.shuffle(Int32Array.from(learners));
      for (let s = 0; s < stepsPerEpoch; s++) {
        await ctx.control?.beforeStep();
        if (ctx.signal?.aborted) {
          outcome = { status: 'stopped', atStep: step };
          break training;
        }
        const live = ctx.live?.();
        if (live) weights = baseWeights({ ...config, ...live });
        const users = order.subarray(s * B, (s + 1) * B);
        step++;
        // Sampling slates needs this step's logits on the CPU: the one read-back per step.
        const logitsT = tf.tidy(() => policy.logits(tf.tensor1d(users, 'int32')));
        const logits = (await logitsT.data()) as Float32Array;
        logitsT.dispose();
        const batch = sampleBatch(logits, users, train, G, N, settings, sampler);
        const K = OBJECTIVE_IDS.length;
        const meanReward = OBJECTIVE_IDS.map((_, k) => batch.rewards.reduce((a, r) => a + r.filter((_, j) => j % K === k).reduce((x, y) => x + y, 0), 0) / (users.length * G));
        let applied: number[];
        let msa: number;
        let loss: number;
        if (rewardSide) {
          const adv = combineAdvantages(config.method as (typeof REWARD_METHODS)[number], batch.rewards, G, K, weights);
          applied = adv.lambdas;
          msa = adv.meanSqAdvantage;
          loss = await reinforceStep(policy, optimizer, users, batch, adv.advantages, config, warmLogits);
        } else {
          const r = await lossSideStep(lossSide!, policy, optimizer, users, batch, weights, config);
          applied = r.weights;
          msa = NaN;
          loss = r.loss;
        }
        if (!Number.isFinite(loss)) {
          outcome = { status: 'diverged', atStep: step, message: divergedMessage(step) };
          break training;
        }
        const values: Record<string, number> = { loss };
        OBJECTIVE_IDS.forEach((id, k) => {
          values[`reward/${id}`] = meanReward[k];
          values[`weight/${id}`] = applied[k];
          values[`base/${id}`] = weights[k];
        });
        if (rewardSide) values.meanSqAdvantage = msa;
        emit({ kind: 'step', step, epoch, totalSteps, values });
      }
      lossSide?.endEpoch();
      emit({ kind: 'epoch', step, epoch, values: epochValues(await evaluatePolicy(policy, evalUsers, evalCtx, heldOut)) });
    }
  } finally {
    lossSide?.dispose();
    optimizer.dispose();
    policy.dispose();
  }
  const summary: Record<string, number> = {};
  for (const e of events) if (e.kind === 'epoch') Object.assign(summary, e.values);
  return { labId: 'weighting', config, backend: activeBackend(), outcome, events, summary };
}

/**
 * REINFORCE with the group advantages: loss = − mean_slates A_s · log PL(slate_s | π_u)
 * − entropyBonus · H(π_u) + klToWarm · KL(π_u ‖ π_warm). Returns the loss value.
 */
async function reinforceStep(
  policy: SoftmaxPolicy,
  optimizer: tf.Optimizer,
  users: Int32Array,
  batch: ReturnType<typeof sampleBatch>,
  advantages: Float64Array[],
  config: WeightingConfig,
  warm: Awaited<ReturnType<SoftmaxPolicy['snapshot']>> | null,
): Promise<number> {
  const I = policy.numItems;
  const B = users.length;
  const G = config.slatesPerUser;
  const N = config.slateSize;
  const mask = new Float32Array(B * I);
  batch.visible.forEach((v, r) => v.forEach((i) => (mask[r * I + i] = MASKED)));
  const rows = Int32Array.from({ length: B * G }, (_, j) => Math.floor(j / G));
  const picks = new Int32Array(B * G * N);
  const adv = new Float32Array(B * G);
  batch.slates.forEach((slates, r) => slates.forEach((slate, g) => picks.set(slate, (r * G + g) * N)));
  advantages.forEach((a, r) => a.forEach((x, g) => (adv[r * G + g] = x)));
  const lossT = tf.tidy(() =>
    optimizer.minimize(
      () => {
        const logits = policy.logits(tf.tensor1d(users, 'int32'));
        const m = tf.tensor2d(mask, [B, I]);
        const rowIdx = tf.tensor1d(rows, 'int32');
        // gatherRows, not tf.gather: tf.gather's gradient needs UnsortedSegmentSum, which tfjs-wasm lacks.
        const logp = plLogProbTensor(gatherRows(logits, rowIdx), tf.tensor2d(picks, [B * G, N], 'int32'), gatherRows(m, rowIdx));
        let loss: tf.Tensor = tf.neg(tf.mean(tf.mul(tf.tensor1d(adv), logp)));
        const logPi = tf.logSoftmax(tf.add(logits, m));
        if (config.entropyBonus > 0) {
          const entropy = tf.mean(tf.neg(tf.sum(tf.mul(tf.exp(logPi), logPi), 1)));
          loss = tf.sub(loss, tf.mul(config.entropyBonus, entropy));
        }
        if (config.klToWarm > 0 && warm) {
          // π_warm from the frozen warm-start weights (dim = |V| / I).
          const dim = warm.V.length / I;
          const U0 = tf.gather(tf.tensor2d(warm.U, [warm.U.length / dim, dim]), tf.tensor1d(users, 'int32'));
          const logits0 = tf.add(tf.matMul(U0, tf.tensor2d(warm.V, [I, dim]), false, true), tf.tensor2d(warm.b, [1, I]));
          const logPi0 = tf.logSoftmax(tf.add(logits0, m));
          const kl = tf.mean(tf.sum(tf.mul(tf.exp(logPi), tf.sub(logPi, logPi0)), 1));
          loss = tf.add(loss, tf.mul(config.klToWarm, kl));
        }
        return loss as tf.Scalar;
      },
      true,
      policy.variables(),
    )!,
  );
  const v = (await lossT.data())[0];
  lossT.dispose();
  return v;
}
