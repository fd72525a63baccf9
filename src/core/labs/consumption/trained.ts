// Part B of the consumption lab: the same idea on a trained recommender. For each seed, the weighting lab's warm
// start (softmax MF on the multinomial likelihood) is trained on a weak 80/20 split, and its scores become lists
// two ways — the top 10, and consumption-aware re-ranking for users who consume c = 1, 2, 3 — scored on held-out
// items, and (synthetic data) against each user's true taste mix.
import { userItems, type Dataset } from '../../data/dataset';
import { weakSplit } from '../../data/split';
import { evalContext, evaluateLists } from '../../experiment/evaluate';
import { genreDistribution, jensenShannon } from '../../metrics';
import { buildLists, listContext, userTastes, type ListOptions, type TasteSource } from '../../rerank/listBuilder';
import { BACKBONES } from '../weighting/backbones';
import { weightingDefaults } from '../weighting/config';
import { runStreams } from '../weighting/streams';
import { cachedWarmStart } from '../weighting/warmStartCache';
import { forEachScoreBlock } from '../weighting/policy';

/** List length: every metric of the comparison is @10. */
export const LIST_K = 10;

/** The lists compared, in table order: how each is built from the same scores. */
export const LIST_KINDS = [
  { id: 'topN', label: 'Top 10 by score', mode: 'top-n', c: 1 },
  { id: 'c1', label: 'Consumption-aware, c = 1', mode: 'consumption', c: 1 },
  { id: 'c2', label: 'Consumption-aware, c = 2', mode: 'consumption', c: 2 },
  { id: 'c3', label: 'Consumption-aware, c = 3', mode: 'consumption', c: 3 },
] as const;
export type ListKindId = (typeof LIST_KINDS)[number]['id'];

/** The metrics compared, in column order, with direction; `truthDistance` only exists on synthetic data. */
export const TRAINED_METRICS = [
  { key: 'precision', label: 'Precision@10', short: 'P@10', better: 'higher' },
  { key: 'hit', label: 'HR@10 (= U₁)', short: 'HR@10', better: 'higher' },
  { key: 'consumption@2', label: 'U₂@10', short: 'U₂', better: 'higher' },
  { key: 'consumption@3', label: 'U₃@10', short: 'U₃', better: 'higher' },
  { key: 'ild', label: 'ILD@10 (genres)', short: 'ILD', better: 'higher' },
  { key: 'coverage', label: 'Catalogue coverage', short: 'coverage', better: 'higher' },
  { key: 'tasteDistance', label: 'JS(list genres, history genres)', short: 'JS hist', better: 'lower' },
  { key: 'truthDistance', label: 'JS(list genres, true tastes)', short: 'JS true', better: 'lower' },
] as const;

export interface TrainedSettings {
  tasteSource: TasteSource;
  warmStartEpochs: number;
  embeddingDim: number;
}

/**
 * One seed of the comparison. Returns `${list}/${metric}` for every list kind and metric, plus `estimate/truth`
 * (mean JS between the estimated and the true tastes, synthetic data) and `expected/${list}` (the model's own
 * forecast of Precision@10 for the list, to read its calibration). Stops early (returns null) when aborted.
 */
export async function trainedSeed(data: Dataset, seed: number, s: TrainedSettings, signal?: AbortSignal): Promise<Record<string, number> | null> {
  const numGenres = data.genreNames.length;
  const streams = runStreams(seed);
  const { train, heldOut } = weakSplit(data.interactions, streams.split);
  const rows = Array.from({ length: train.numUsers }, (_, u) => userItems(train, u));
  const warm = { ...weightingDefaults, seed, warmStartEpochs: s.warmStartEpochs, embeddingDim: s.embeddingDim };
  const policy = BACKBONES[warm.backbone].create(train.numUsers, train.numItems, warm.embeddingDim, streams.init);
  try {
    await cachedWarmStart(policy, rows, warm, streams.warm, data.name, signal);
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

/** Mean and sample standard deviation (n − 1; 0 for one value) of each key over the seeds' results. */
export function spreadOverSeeds(perSeed: readonly Record<string, number>[]): Record<string, { mean: number; sd: number; n: number }> {
  const keys = [...new Set(perSeed.flatMap((r) => Object.keys(r)))];
  const out: Record<string, { mean: number; sd: number; n: number }> = {};
  for (const k of keys) {
    const xs = perSeed.map((r) => r[k]).filter((x): x is number => Number.isFinite(x));
    if (!xs.length) continue;
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = xs.length > 1 ? Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1)) : 0;
    out[k] = { mean, sd, n: xs.length };
  }
  return out;
}

/** The comparison as a text table: one row per list kind, "mean ± sd" per metric (columns the data has). */
export function trainedTable(perSeed: readonly Record<string, number>[]): { columns: string[]; rows: string[][] } {
  const spread = spreadOverSeeds(perSeed);
  const metrics = TRAINED_METRICS.filter((m) => LIST_KINDS.some((k) => spread[`${k.id}/${m.key}`]));
  const columns = ['list', ...metrics.map((m) => `${m.short} ${m.better === 'higher' ? '↑' : '↓'}`)];
  const rows = LIST_KINDS.map((k) => [
    k.label,
    ...metrics.map((m) => {
      const v = spread[`${k.id}/${m.key}`];
      return v ? `${v.mean.toFixed(3)} ± ${v.sd.toFixed(3)}` : '–';
    }),
  ]);
  return { columns, rows };
}
