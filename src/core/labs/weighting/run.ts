// Trains a softmax policy on several objectives at once, combined by the chosen method, and reports per
// step the rewards, the weights actually applied and the mean squared advantage; per epoch, held-out metrics.
import * as tf from '@tensorflow/tfjs';
import { resolveDataset } from '../../data/datasetChoice';
import { itemCounts, userItems } from '../../data/dataset';
import { weakSplit } from '../../data/split';
import { ErrorCode, LabError } from '../../errors';
import { evalContext, evaluateLists } from '../../experiment/evaluate';
import { warmStartFields } from '../../experiment/settings';
import { runTraining } from '../../experiment/trainingLoop';
import type { RunContext, RunResult } from '../../experiment/types';
import { cachedWarmStart, policyRunStreams, type WarmStartSettings } from '../../experiment/warmStart';
import { POLICIES } from '../../models/registry';
import { forEachScoreBlock, type SoftmaxPolicy } from '../../models/softmaxPolicy';
import { Rng } from '../../random/rng';
import { buildLists, listContext, type ListContext, type ListOptions } from '../../rerank/listBuilder';
import { logSoftmax, makeOptimizer } from '../../tf/ops';
import { combineAdvantages, type GroupScale } from './advantages';
import type { WeightingArtifacts } from './artifacts';
import { REWARD_METHODS, weightingSchema, type WeightingConfig } from './config';
import { createLossSide, lossSideStep, type LossSideState } from './lossSideStep';
import type { LossWeightingMethod } from './lossWeighting';
import { baseWeights, OBJECTIVES, type RewardSettings } from './objectives';
import { plReinforceGradient, type PlGradientScratch } from './plackettLuce';
import { genreDiversityReward, genreSpanReward } from './rewards';
import { rewardTargets, sampleBatch, splitVisible } from './slateBatch';

/** Top-k of every evaluation metric in this lab. */
export const EVAL_K = 10;
/** Logit added to items a slate may not contain (finite, so entropy terms stay finite). */
const MASKED = -1e9;

/** How the evaluated lists are made: the top 10 by logit, or consumption-aware re-ranking of the logits. */
interface ListPlan {
  ctx: ListContext;
  opts: ListOptions;
}

/** The lab's top-10 lists (seen items excluded) for every user with held-out items, scored. */
async function evaluatePolicy(policy: SoftmaxPolicy, users: Int32Array, ctx: ReturnType<typeof evalContext>, heldOut: Parameters<typeof evaluateLists>[2], plan: ListPlan, trainRows: readonly Int32Array[]) {
  const lists: Int32Array[] = [];
  let kept = 0;
  let expected = 0;
  await forEachScoreBlock(policy, users, trainRows, (scores, block) => {
    const r = buildLists(scores, block, policy.numItems, plan.ctx, EVAL_K, plan.opts);
    lists.push(...r.lists);
    kept += r.keptTopN;
    expected += r.expectedHits;
  });
  const m = evaluateLists(users, lists, heldOut, ctx);
  if (plan.opts.mode === 'consumption') {
    m.keptTopN = kept / Math.max(1, users.length);
    // The model's own Precision@10 forecast for these lists: next to the measured one, its calibration.
    m.expectedPrecision = expected / Math.max(1, users.length) / EVAL_K;
  }
  return m;
}

function epochValues(m: Record<string, number>): Record<string, number> {
  const keys = ['precision', 'ndcg', 'hit', 'consumption@1', 'consumption@2', 'consumption@3', 'ild', 'coverage', 'novelty', 'keptTopN', 'expectedPrecision'];
  return Object.fromEntries(keys.filter((k) => m[k] !== undefined).map((k) => [k, m[k]]));
}

/** How this run warm-starts its policy, from its config. */
function warmSettings(config: WeightingConfig): WarmStartSettings {
  return { epochs: config.warmStartEpochs, batchUsers: config.usersPerStep, learningRate: config.warmLearningRate };
}

/**
 * The experiment: weak 80/20 split; each user's reward targets (20% of their training items, drawn once) held out
 * of a warm start on the multinomial likelihood (cached in the run context, so every run with the same data, seed
 * and warm-start settings starts from the same policy); then `epochs` passes in which
 * each step samples G slates per user and updates the policy — REINFORCE on the Plackett–Luce log-probability
 * with the method's advantages (rc, ac, gdpo, dvao), or a weighted sum of differentiable surrogates
 * (fixed, uw, dwa, gradnorm). Base weights may change while it runs (`ctx.live`), from the next step.
 */
export function runWeighting(config: WeightingConfig, ctx: RunContext = {}): Promise<RunResult<WeightingConfig>> {
  return runTraining<WeightingConfig, WeightingArtifacts>('weighting', config, ctx, (io) => {
    let weights = baseWeights(config);
    const streams = policyRunStreams(config.seed);
    const data = resolveDataset(config.dataset, ctx.dataset);
    const { train, heldOut } = weakSplit(data.interactions, streams.split);
    const numGenres = data.genreNames.length;
    if (numGenres === 0) throw new LabError(ErrorCode.DataUnsuitable, "'dataset': the weighting lab needs item genres (its diversity objective is genre ILD): import an items file with genres");
    if (config.lists === 'consumption' && config.rerankTastes === 'truth' && !data.groundTruth) {
      throw new LabError(ErrorCode.InvalidConfigValue, "'rerankTastes': 'truth' needs a synthetic dataset (its true tastes); use 'history-lift' on imported data");
    }
    const trainRows = Array.from({ length: train.numUsers }, (_, u) => userItems(train, u));
    // The relevance reward's targets, fixed for the run and kept out of the warm start (else it is in-sample).
    const targets = rewardTargets(train, streams.targets);
    // A learner needs a hidden item and room for a whole slate among the items they have not seen.
    const learners = Int32Array.from({ length: train.numUsers }, (_, u) => u).filter((u) => trainRows[u].length >= 2 && train.numItems - trainRows[u].length >= config.slateSize);
    const evalUsers = Int32Array.from({ length: heldOut.numUsers }, (_, u) => u).filter((u) => heldOut.indptr[u + 1] > heldOut.indptr[u]);
    const B = config.usersPerStep;
    const G = config.slatesPerUser;
    const N = config.slateSize;
    const K = OBJECTIVES.length;
    const evalCtx = evalContext(train, data, EVAL_K);
    const plan: ListPlan = {
      ctx: listContext(train, data.itemGenres, numGenres, { truth: data.groundTruth?.userTastes }),
      opts: { mode: config.lists, c: config.consumeC, tastes: config.rerankTastes },
    };
    const settings: RewardSettings = {
      relevance: config.relevance,
      consumeC: config.consumeC,
      diversity: config.diversityReward === 'span' ? genreSpanReward(data.itemGenres, numGenres) : genreDiversityReward(data.itemGenres, numGenres),
      itemCounts: itemCounts(train),
      numUsers: evalCtx.numUsers,
      noisy: OBJECTIVES.findIndex((o) => o.id === config.noisyObjective),
      noiseLevel: config.noiseLevel,
    };
    const rewardSide = (REWARD_METHODS as readonly string[]).includes(config.method);
    const buffers = rewardSide ? stepBuffers(B, train.numItems) : null;
    const sampler = streams.slates;
    const policy = POLICIES[config.backbone](train.numUsers, train.numItems, config.embeddingDim, streams.init);
    const optimizer = makeOptimizer('adam', config.learningRate);
    let lossSide: LossSideState | null = null;
    let warm: SoftmaxPolicy | null = null;
    let order = learners;
    const scaleLog = groupScaleLog(STEP_SCALE_POINTS);
    return {
      epochs: config.epochs,
      stepsPerEpoch: Math.ceil(learners.length / B),
      info: { users: train.numUsers, items: train.numItems, method: config.method },
      // Each step reads its logits back to sample slates, so its values are on the CPU already.
      readbackEvery: 1,
      async prepare() {
        const id = { labId: 'weighting', fields: warmStartFields(weightingSchema, config), model: config.backbone, dataName: data.name };
        await cachedWarmStart(policy, targets.visible, warmSettings(config), streams.warm, id, ctx.cache, ctx.signal);
        if (config.klToWarm > 0 && rewardSide) warm = await frozenCopy(policy, config, trainRows);
        if (!rewardSide) lossSide = createLossSide(config.method as LossWeightingMethod, data, train, policy);
      },
      beginEpoch: () => void (order = sampler.shuffle(Int32Array.from(learners))),
      async step({ index }) {
        const live = ctx.live?.();
        // All-zero sliders mid-run are ignored (the last valid weights stay): a run must not die of a drag.
        if (live) weights = safeWeights({ ...config, ...live } as WeightingConfig, weights);
        const users = order.subarray(index * B, (index + 1) * B);
        // Sampling slates needs this step's logits on the CPU: the one read-back per step.
        // A model that reads a user's items sees only the visible ones, never the reward targets.
        const split = splitVisible(users, targets);
        const logitsT = tf.tidy(() => policy.logits(tf.tensor1d(users, 'int32'), { inputs: policy.readsInputs ? split.visible : undefined }));
        const logits = (await logitsT.data()) as Float32Array;
        logitsT.dispose();
        // A non-finite logit means the last update diverged (sampling would throw on it): this step diverges.
        for (let j = 0; j < logits.length; j++) if (!Number.isFinite(logits[j])) return { losses: { loss: NaN } };
        const batch = sampleBatch(logits, users, train, G, N, settings, sampler, split);
        const meanReward = new Array<number>(K).fill(0);
        for (const r of batch.rewards) for (let j = 0; j < r.length; j++) meanReward[j % K] += r[j];
        for (let k = 0; k < K; k++) meanReward[k] /= users.length * G;
        let applied: number[];
        let msa: number | null = null;
        let loss: number;
        let terms: number[] | null = null;
        if (rewardSide) {
          const adv = combineAdvantages(config.method as (typeof REWARD_METHODS)[number], batch.rewards, G, K, weights);
          applied = adv.zWeights;
          msa = adv.meanSqAdvantage;
          scaleLog.add(adv.scales);
          loss = await reinforceStep(policy, optimizer, users, logits, batch, adv.advantages, config, warm, buffers!);
        } else {
          const r = await lossSideStep(lossSide!, policy, optimizer, users, batch, weights);
          applied = r.weights;
          loss = r.loss;
          terms = r.terms;
        }
        const values: Record<string, number> = {};
        OBJECTIVES.forEach((o, k) => {
          values[`reward/${o.id}`] = meanReward[k];
          values[`weight/${o.id}`] = applied[k];
          values[`base/${o.id}`] = weights[k];
          if (terms) {
            // Each loss term's magnitude and its share of the weighted total: the sliders' "0.6 / 0.3 / 0.1" are
            // multipliers on terms of very different sizes (nats vs [0, 1]), not shares of the loss.
            values[`loss/${o.id}`] = terms[k];
            const total = terms.reduce((a, t, j) => a + applied[j] * t, 0);
            values[`lossShare/${o.id}`] = total > 0 ? (applied[k] * terms[k]) / total : 0;
          }
        });
        if (msa !== null) values.meanSqAdvantage = msa;
        return { losses: { loss }, values };
      },
      endEpoch() {
        lossSide?.endEpoch();
        if (rewardSide) io.artifact('stepScale', scaleLog.points());
      },
      async finish() {
        if (rewardSide) io.artifact('stepScale', scaleLog.points());
      },
      evaluate: async () => epochValues(await evaluatePolicy(policy, evalUsers, evalCtx, heldOut, plan, trainRows)),
      dispose() {
        warm?.dispose();
        lossSide?.dispose();
        optimizer.dispose();
        policy.dispose();
      },
    };
  });
}

/** Groups kept for the step-scale view (the latest ones). */
const STEP_SCALE_POINTS = 400;

/** The latest `cap` groups' agreement and step scales, in the order they were sampled. */
function groupScaleLog(cap: number) {
  const kept: GroupScale[] = [];
  return {
    add(scales: readonly GroupScale[]) {
      kept.push(...scales);
      if (kept.length > cap) kept.splice(0, kept.length - cap);
    },
    points: (): GroupScale[] => kept.map((p) => ({ agreement: p.agreement, rc: p.rc, dvao: p.dvao, ac: p.ac })),
  };
}

/** A frozen copy of the warm-start policy (made once per run), for the KL penalty. */
async function frozenCopy(policy: SoftmaxPolicy, config: WeightingConfig, trainRows: readonly Int32Array[]): Promise<SoftmaxPolicy> {
  // Its initial values are overwritten at once, so any stream will do (and the run's own are left alone).
  const copy = POLICIES[config.backbone](trainRows.length, policy.numItems, config.embeddingDim, new Rng(0));
  copy.restore(await policy.snapshot());
  return copy;
}

/** Buffers of the policy update, allocated once per run (B × I each) and reused by every step. */
interface StepBuffers {
  allowed: Uint8Array;
  grad: Float32Array;
  mask: Float32Array;
  scratch: PlGradientScratch;
}

function stepBuffers(B: number, I: number): StepBuffers {
  return { allowed: new Uint8Array(B * I), grad: new Float32Array(B * I), mask: new Float32Array(B * I), scratch: {} };
}

/** `baseWeights` of a live patch, or the previous weights when the patch would make every weight 0. */
function safeWeights(c: WeightingConfig, previous: number[]): number[] {
  try {
    return baseWeights(c);
  } catch {
    return previous;
  }
}

/**
 * REINFORCE with the group advantages: loss = − mean_slates A_s · log PL(slate_s | π_u)
 * − entropyBonus · H(π_u) + klToWarm · KL(π_u ‖ π_warm). Returns the loss value.
 * The policy-gradient term and its gradient with respect to the logits are computed exactly on the CPU in
 * float64 (plReinforceGradient, from the logits this step already read back); the tensor side back-propagates
 * Σ logits ⊙ (that gradient) through the policy — the same gradient, without the B·G × I tensors autodiff of the
 * Plackett–Luce log-probability needs. The entropy and KL terms (B × I) stay on the tensor side, and only they
 * need a read-back (of their value), when their weights are above 0.
 */
async function reinforceStep(
  policy: SoftmaxPolicy,
  optimizer: tf.Optimizer,
  users: Int32Array,
  logits: Float32Array,
  batch: ReturnType<typeof sampleBatch>,
  advantages: Float64Array[],
  config: WeightingConfig,
  warm: SoftmaxPolicy | null,
  buf: StepBuffers,
): Promise<number> {
  const I = policy.numItems;
  const B = users.length;
  const allowed = buf.allowed.subarray(0, B * I);
  const grad = buf.grad.subarray(0, B * I);
  allowed.fill(1);
  batch.visible.forEach((v, r) => v.forEach((i) => (allowed[r * I + i] = 0)));
  const pgLoss = plReinforceGradient(logits, I, allowed, batch.slates, advantages, grad, buf.scratch);
  const entropy = config.entropyBonus > 0;
  const kl = config.klToWarm > 0 && warm !== null;
  let mask: Float32Array | null = null;
  if (entropy || kl) {
    mask = buf.mask.subarray(0, B * I);
    for (let j = 0; j < mask.length; j++) mask[j] = allowed[j] ? 0 : MASKED;
  }
  // The entropy/KL part, kept past the gradient's tidy scope: its value is read back below.
  const kept: { extra?: tf.Tensor } = {};
  tf.tidy(() => {
    optimizer.minimize(
      () => {
        const usersT = tf.tensor1d(users, 'int32');
        const l = policy.logits(usersT, { inputs: batch.visible });
        // d/dθ Σ l ⊙ g = the policy-gradient loss's gradient (g = dL/dl, a constant).
        let loss: tf.Tensor = tf.sum(tf.mul(l, tf.tensor2d(grad, [B, I])));
        if (mask) {
          const m = tf.tensor2d(mask, [B, I]);
          const logPi = logSoftmax(tf.add(l, m));
          let rest: tf.Tensor = tf.scalar(0);
          if (entropy) {
            const h = tf.mean(tf.neg(tf.sum(tf.mul(tf.exp(logPi), logPi), 1)));
            rest = tf.sub(rest, tf.mul(config.entropyBonus, h));
          }
          if (kl) {
            const logits0 = warm!.logits(usersT, { inputs: batch.visible });
            const logPi0 = logSoftmax(tf.add(logits0, m));
            const d = tf.mean(tf.sum(tf.mul(tf.exp(logPi), tf.sub(logPi, logPi0)), 1));
            rest = tf.add(rest, tf.mul(config.klToWarm, d));
          }
          kept.extra = tf.keep(rest);
          loss = tf.add(loss, rest);
        }
        return loss as tf.Scalar;
      },
      false,
      policy.variables(),
    );
  });
  if (!kept.extra) return pgLoss;
  const v = (await kept.extra.data())[0];
  kept.extra.dispose();
  return pgLoss + v;
}
