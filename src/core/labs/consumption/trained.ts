// Part B of the consumption lab: the same idea on a trained recommender. For each seed, softmax MF is warm-started
// on the multinomial likelihood (the weighting lab's warm start procedure and defaults; the weighting lab fits it
// on fewer rows, as it holds its reward targets out) on a weak 80/20 split, and its scores become lists
// two ways — the top 10, and consumption-aware re-ranking for users who consume c = 1, 2, 3 — scored on held-out
// items, and (synthetic data) against each user's true taste mix.
import * as tf from '@tensorflow/tfjs';
import { userItems, type Dataset, type Interactions } from '../../data/dataset';
import { weakSplit } from '../../data/split';
import { moodSplit, sessionSplit, temporalSplit } from '../../data/timeSplits';
import { ErrorCode, LabError } from '../../errors';
import type { Rng } from '../../random/rng';
import { candidatesFromScores, genreLists } from '../../rerank/consumptionRerank';
import { itemClusters } from '../../rerank/latentTypes';
import { mmrLists } from '../../rerank/mmr';
import { evalContext, evaluateLists } from '../../experiment/evaluate';
import type { RunCache } from '../../experiment/runCache';
import { cachedWarmStart, policyRunStreams } from '../../experiment/warmStart';
import { WARM_START_DEFAULTS } from '../../experiment/warmStartDefaults';
import { heartbeat } from '../../heartbeat';
import { genreDistribution, jensenShannon } from '../../metrics';
import { POLICIES } from '../../models/registry';
import { forEachScoreBlock, type SoftmaxPolicy } from '../../models/softmaxPolicy';
import { buildLists, listContext, userTastes, type ListContext, type ListOptions, type TasteSource } from '../../rerank/listBuilder';
import type { PROTOCOLS } from './config';
import { DIVERSITY_WEIGHTS, LIST_KINDS, LIST_K, SWEEP_METRICS, sweepKey, TRAINED_METRICS } from './tables';

type Protocol = (typeof PROTOCOLS)[number];

export interface TrainedSettings {
  tasteSource: TasteSource;
  warmStartEpochs: number;
  embeddingDim: number;
  protocol: Protocol;
  typeSource: 'genres' | 'clusters';
  clusters: number;
  relevanceScale: number;
  calibration: 'none' | 'oracle';
}

/** The held-out share of the fixed-share protocols. */
const TEST_FRACTION = 0.2;

/**
 * The split of `protocol`, with the hits a user is expected to have among their unseen items per item they brought
 * (the fixed-share protocols: f / (1 − f); the session protocol: total held-out / total training clicks over the
 * users it scores — a property of the protocol, the same for every user, not of any user's own held-out items).
 */
export function protocolSplit(data: Dataset, protocol: Protocol, rng: Rng) {
  const x = data.interactions;
  switch (protocol) {
    case 'random':
      return { ...weakSplit(x, rng, TEST_FRACTION), heldOutRatio: TEST_FRACTION / (1 - TEST_FRACTION) };
    case 'temporal':
      return { ...temporalSplit(x, needTimestamps(data, protocol), TEST_FRACTION), heldOutRatio: TEST_FRACTION / (1 - TEST_FRACTION) };
    case 'mood': {
      const truth = data.groundTruth?.userTastes;
      if (!truth) throw new LabError(ErrorCode.DataUnsuitable, `'protocol': 'mood' draws each user's held-out taste from their true tastes, and ${data.name} has none (synthetic data only) — use 'session' or 'temporal' on real data`);
      return { ...moodSplit(x, rng, data.itemGenres, data.genreNames.length, truth, TEST_FRACTION), heldOutRatio: TEST_FRACTION / (1 - TEST_FRACTION) };
    }
    case 'session': {
      const split = sessionSplit(x, needTimestamps(data, protocol));
      if (split.usersHeldOut === 0) throw new LabError(ErrorCode.DataUnsuitable, `'protocol': 'session': no user of ${data.name} has a last session that is a small part of their history (a pause over an hour starts a session)`);
      let held = 0;
      let kept = 0;
      for (let u = 0; u < x.numUsers; u++) {
        const h = split.heldOut.indptr[u + 1] - split.heldOut.indptr[u];
        if (h === 0) continue;
        held += h;
        kept += split.train.indptr[u + 1] - split.train.indptr[u];
      }
      return { ...split, heldOutRatio: held / kept };
    }
  }
}

function needTimestamps(data: Dataset, protocol: Protocol): Float64Array {
  if (!data.timestamps) throw new LabError(ErrorCode.DataUnsuitable, `'protocol': '${protocol}' orders each user's clicks by time, and ${data.name} has no timestamps — use 'random' (or 'mood' on synthetic data)`);
  return data.timestamps;
}

/** Where a seed's warm start may be cached and under which settings (the fields the lab's schema marks). */
export interface WarmStartCaching {
  cache?: RunCache;
  fields: Record<string, unknown>;
}

/**
 * One seed of the comparison. Returns `${list}/${metric}` for every list kind and metric, plus `estimate/truth`
 * (mean JS between the estimated and the true tastes, synthetic data) and `expected/${list}` (the model's own
 * forecast of Precision@10 for the list, to read its calibration). Stops early (returns null) when aborted.
 */
export async function trainedSeed(data: Dataset, seed: number, s: TrainedSettings, caching: WarmStartCaching, signal?: AbortSignal): Promise<Record<string, number> | null> {
  const numGenres = data.genreNames.length;
  const streams = policyRunStreams(seed);
  const { train, heldOut, heldOutRatio } = protocolSplit(data, s.protocol, streams.split);
  const rows = Array.from({ length: train.numUsers }, (_, u) => userItems(train, u));
  const policy = POLICIES['softmax-mf'](train.numUsers, train.numItems, s.embeddingDim, streams.init);
  try {
    const settings = { epochs: s.warmStartEpochs, batchUsers: WARM_START_DEFAULTS.batchUsers, learningRate: WARM_START_DEFAULTS.learningRate };
    const id = { labId: 'consumption', fields: caching.fields, model: 'softmax-mf', dataName: data.name };
    await cachedWarmStart(policy, rows, settings, streams.warm, id, caching.cache, signal);
    if (signal?.aborted) return null;
    const truth = data.groundTruth?.userTastes;
    const types = s.typeSource === 'clusters' ? await clusterTypes(policy.shared(), s.clusters, streams.split.fork('clusters')) : undefined;
    const ctx = listContext(train, data.itemGenres, numGenres, { truth, heldOutRatio: heldOutRatio * s.relevanceScale, types });
    const evalCtx = evalContext(train, data, LIST_K);
    const users = Int32Array.from({ length: train.numUsers }, (_, u) => u).filter((u) => heldOut.indptr[u + 1] > heldOut.indptr[u]);
    const scale = s.calibration === 'oracle' ? await oracleScale(policy, users, rows, heldOut, ctx, evalCtx) : 1;
    ctx.heldOutRatio *= scale;
    const lists: Record<string, Int32Array[]> = Object.fromEntries(LIST_KINDS.map((k) => [k.id, []]));
    const expected: Record<string, number> = Object.fromEntries(LIST_KINDS.map((k) => [k.id, 0]));
    let estimateJs = 0;
    // The diversity-weight sweep (MMR over genres, on the same scores): one list per weight and user.
    const genres = numGenres > 0 ? genreLists(data.itemGenres, numGenres) : null;
    const sweep: Int32Array[][] = DIVERSITY_WEIGHTS.map(() => []);
    await forEachScoreBlock(policy, users, rows, (scores, block) => {
      if (genres) {
        block.forEach((u, r) => {
          heartbeat();
          const cands = candidatesFromScores(scores.subarray(r * train.numItems, (r + 1) * train.numItems), rows[u], rows[u].length * ctx.heldOutRatio);
          mmrLists(cands, genres, LIST_K, DIVERSITY_WEIGHTS).forEach((l, w) => sweep[w].push(l));
        });
      }
      for (const kind of LIST_KINDS) {
        const opts: ListOptions = { mode: kind.mode, c: kind.c, tastes: s.tasteSource, forecast: true };
        const r = buildLists(scores, block, train.numItems, ctx, LIST_K, opts);
        lists[kind.id].push(...r.lists);
        expected[kind.id] += r.expectedHits;
      }
      if (truth && !types) {
        block.forEach((u, r) => {
          heartbeat();
          const p = userTastes(ctx, u, scores.subarray(r * train.numItems, (r + 1) * train.numItems), s.tasteSource);
          estimateJs += jensenShannon(p, truth.subarray(u * numGenres, (u + 1) * numGenres));
        });
      }
    });
    const out: Record<string, number> = {};
    for (const kind of LIST_KINDS) {
      const m = evaluateLists(users, lists[kind.id], heldOut, evalCtx);
      for (const metric of TRAINED_METRICS) if (m[metric.key] !== undefined) out[`${kind.id}/${metric.key}`] = m[metric.key];
      if (truth) out[`${kind.id}/truthDistance`] = meanTruthDistance(users, lists[kind.id], truth, data.itemGenres, numGenres);
      out[`expected/${kind.id}`] = expected[kind.id] / users.length / LIST_K;
    }
    if (genres) {
      DIVERSITY_WEIGHTS.forEach((w, j) => {
        const m = evaluateLists(users, sweep[j], heldOut, evalCtx);
        for (const metric of SWEEP_METRICS) if (m[metric] !== undefined) out[sweepKey(w, metric)] = m[metric];
      });
    }
    if (truth && !types) out['estimate/truth'] = estimateJs / users.length;
    out.users = users.length;
    out['calibration/scale'] = s.relevanceScale * scale;
    return out;
  } finally {
    policy.dispose();
  }
}

/**
 * The 'oracle' calibration: the factor that makes the model's forecast of its top 10's hits (Σ r_i) equal the hits
 * measured on the held-out items. It reads the test data — like the 'truth' tastes, an upper bound on what a
 * calibrated r_i could buy, not a deployable method.
 */
async function oracleScale(policy: SoftmaxPolicy, users: Int32Array, rows: Int32Array[], heldOut: Interactions, ctx: ListContext, evalCtx: ReturnType<typeof evalContext>): Promise<number> {
  const lists: Int32Array[] = [];
  let forecast = 0;
  await forEachScoreBlock(policy, users, rows, (scores, block) => {
    const r = buildLists(scores, block, policy.numItems, ctx, LIST_K, { mode: 'top-n', c: 1, tastes: 'history-lift', forecast: true });
    lists.push(...r.lists);
    forecast += r.expectedHits;
  });
  const measured = evaluateLists(users, lists, heldOut, evalCtx).precision * LIST_K * users.length;
  return forecast > 0 && measured > 0 ? measured / forecast : 1;
}

/** The model's item vectors (its shared item-side variable, items × dim) clustered into `k` types. */
async function clusterTypes(v: tf.Variable, k: number, rng: Rng): Promise<{ lists: Int32Array[]; count: number }> {
  const [numItems, dim] = v.shape;
  const { types, sizes } = itemClusters((await v.data()) as Float32Array, numItems, dim, k, rng);
  return { lists: types, count: sizes.length };
}

/** Mean over users of JS(genre mix of the list, the user's true taste mix): lower = the list matches the truth. */
export function meanTruthDistance(users: Int32Array, lists: readonly ArrayLike<number>[], truth: Float64Array, itemGenres: Uint8Array, numGenres: number): number {
  let sum = 0;
  users.forEach((u, r) => (sum += jensenShannon(genreDistribution(lists[r], itemGenres, numGenres), truth.subarray(u * numGenres, (u + 1) * numGenres))));
  return users.length ? sum / users.length : NaN;
}
