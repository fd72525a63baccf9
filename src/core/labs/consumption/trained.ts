// Part B of the consumption lab: the same idea on a trained recommender. For each seed, softmax MF is warm-started
// on the multinomial likelihood (the weighting lab's warm start procedure and defaults; the weighting lab fits it
// on fewer rows, as it holds its reward targets out) on a weak 80/20 split, and its scores become lists
// two ways — the top 10, and consumption-aware re-ranking for users who consume c = 1, 2, 3 — scored on held-out
// items, and (synthetic data) against each user's true taste mix.
import { userItems, type Dataset } from '../../data/dataset';
import { weakSplit } from '../../data/split';
import { evalContext, evaluateLists } from '../../experiment/evaluate';
import type { RunCache } from '../../experiment/runCache';
import { cachedWarmStart, policyRunStreams } from '../../experiment/warmStart';
import { WARM_START_DEFAULTS } from '../../experiment/warmStartDefaults';
import { heartbeat } from '../../heartbeat';
import { genreDistribution, jensenShannon } from '../../metrics';
import { POLICIES } from '../../models/registry';
import { forEachScoreBlock } from '../../models/softmaxPolicy';
import { buildLists, listContext, userTastes, type ListOptions, type TasteSource } from '../../rerank/listBuilder';
import { LIST_KINDS, LIST_K, TRAINED_METRICS } from './tables';

export interface TrainedSettings {
  tasteSource: TasteSource;
  warmStartEpochs: number;
  embeddingDim: number;
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
  const { train, heldOut } = weakSplit(data.interactions, streams.split);
  const rows = Array.from({ length: train.numUsers }, (_, u) => userItems(train, u));
  const policy = POLICIES['softmax-mf'](train.numUsers, train.numItems, s.embeddingDim, streams.init);
  try {
    const settings = { epochs: s.warmStartEpochs, batchUsers: WARM_START_DEFAULTS.batchUsers, learningRate: WARM_START_DEFAULTS.learningRate };
    const id = { labId: 'consumption', fields: caching.fields, model: 'softmax-mf', dataName: data.name };
    await cachedWarmStart(policy, rows, settings, streams.warm, id, caching.cache, signal);
    if (signal?.aborted) return null;
    const truth = data.groundTruth?.userTastes;
    const ctx = listContext(train, data.itemGenres, numGenres, { truth });
    const evalCtx = evalContext(train, data, LIST_K);
    const users = Int32Array.from({ length: train.numUsers }, (_, u) => u).filter((u) => heldOut.indptr[u + 1] > heldOut.indptr[u]);
    const lists: Record<string, Int32Array[]> = Object.fromEntries(LIST_KINDS.map((k) => [k.id, []]));
    const expected: Record<string, number> = Object.fromEntries(LIST_KINDS.map((k) => [k.id, 0]));
    let estimateJs = 0;
    await forEachScoreBlock(policy, users, rows, (scores, block) => {
      for (const kind of LIST_KINDS) {
        const opts: ListOptions = { mode: kind.mode, c: kind.c, tastes: s.tasteSource };
        const r = buildLists(scores, block, train.numItems, ctx, LIST_K, opts);
        lists[kind.id].push(...r.lists);
        expected[kind.id] += r.expectedHits;
      }
      if (truth) {
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
      if (kind.mode === 'consumption') out[`expected/${kind.id}`] = expected[kind.id] / users.length / LIST_K;
    }
    if (truth) out['estimate/truth'] = estimateJs / users.length;
    return out;
  } finally {
    policy.dispose();
  }
}

/** Mean over users of JS(genre mix of the list, the user's true taste mix): lower = the list matches the truth. */
export function meanTruthDistance(users: Int32Array, lists: readonly ArrayLike<number>[], truth: Float64Array, itemGenres: Uint8Array, numGenres: number): number {
  let sum = 0;
  users.forEach((u, r) => (sum += jensenShannon(genreDistribution(lists[r], itemGenres, numGenres), truth.subarray(u * numGenres, (u + 1) * numGenres))));
  return users.length ? sum / users.length : NaN;
}
