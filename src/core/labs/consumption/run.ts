// Headless run of the consumption lab: part A, the exact explorer (the lists, the k sweep and the γ fit, as epoch
// 0, no tensors); then part B, the trained comparison (one step and one epoch per seed).
import { resolveDataset } from '../../data/datasetChoice';
import { ErrorCode, LabError } from '../../errors';
import { warmStartFields } from '../../experiment/settings';
import { runTraining } from '../../experiment/trainingLoop';
import type { RunContext, RunResult } from '../../experiment/types';
import { consumptionSchema, type ConsumptionConfig } from './config';
import { explore, kSweep, shareFit, tastesFor, validate, valueModel } from './explorer';
import { spreadOverSeeds, trainedTable } from './tables';
import { trainedSeed } from './trained';

/** Items in the long list the γ fit is made on. */
export const SHARE_FIT_N = 1000;

/**
 * Runs the explorer for one config, then (trainSeeds > 0) the trained comparison. Bad settings (custom p,
 * Pareto α ≤ 1, …) throw a LabError with code InvalidConfigValue whose message names the setting; data the
 * comparison cannot use (no genres; true tastes asked of imported data) throws DataUnsuitable. Emits one 'started'
 * event (notes, p and the allocations as text in `info`; one step per seed), the explorer's numbers as epoch 0,
 * then per seed a step and an epoch event with `${list}/${metric}` values. The summary holds the explorer's values
 * and, per trained value, the mean over seeds (the key) and its standard deviation (`key/sd`); `tables` the comparison.
 */
export function runConsumption(config: ConsumptionConfig, ctx: RunContext = {}): Promise<RunResult<ConsumptionConfig>> {
  return runTraining('consumption', config, ctx, () => {
    const { errors, notes } = validate(config);
    const value = valueModel(config);
    if (errors.length || typeof value === 'string') {
      throw new LabError(ErrorCode.InvalidConfigValue, errors.join('\n') || String(value));
    }
    const { p } = tastesFor(config);
    let ex, sweep, fit;
    try {
      ex = explore(p, config.n, config.k, value);
      sweep = kSweep(p, config.n, value);
      fit = shareFit(p, value, config.k, SHARE_FIT_N);
    } catch (e) {
      throw new LabError(ErrorCode.InvalidConfigValue, e instanceof Error ? e.message : String(e));
    }
    const info: Record<string, string | number> = {
      p: p.map((x) => x.toFixed(4)).join(', '),
      'alloc/optimal': ex.optimal.counts.join(', '),
      'alloc/topN': ex.topN.counts.join(', '),
      kSweep: sweep.map((r) => `k=${r.k}: ${r.counts.join(',')}`).join(' | '),
    };
    const allNotes = [...notes];
    if (!Number.isFinite(fit.gamma)) allNotes.push('γ cannot be fitted: fewer than two types with distinct p_t get items');
    if (allNotes.length) info.notes = allNotes.join('; ');
    const data = config.trainSeeds > 0 ? trainedData(config, ctx) : null;
    if (data) info.data = `${data.name}: ${data.userIds.length} users × ${data.itemIds.length} items, ${data.genreNames.length} genres`;

    const explorer: Record<string, number> = {
      'utility/optimal': ex.optimal.utility,
      'utility/topN': ex.topN.utility,
      gap: ex.gap,
      'precision/optimal': ex.precision.optimal,
      'precision/topN': ex.precision.topN,
      'atLeastOne/optimal': ex.atLeastOne.optimal,
      'atLeastOne/topN': ex.atLeastOne.topN,
    };
    // γ is NaN when it cannot be fitted (e.g. all p_t equal): left out rather than written as null.
    if (Number.isFinite(fit.gamma)) explorer.gamma = fit.gamma;
    explorer.gammaTheory = fit.theory;
    ex.optimal.counts.forEach((a, t) => (explorer[`alloc/${t}`] = a));

    const perSeed: Record<string, number>[] = [];
    return {
      epochs: data ? config.trainSeeds : 0,
      stepsPerEpoch: 1,
      info,
      readbackEvery: 1,
      // The explorer alone trains nothing.
      backend: data ? undefined : 'none',
      // One step = one seed's whole model: its warm start, its lists and their scores.
      async step({ epoch }) {
        const seed = config.seed + epoch - 1;
        const fields = warmStartFields(consumptionSchema, { ...config, seed });
        const r = await trainedSeed(data!, seed, config, { cache: ctx.cache, fields }, ctx.signal);
        if (!r) return null;
        perSeed.push(r);
        return { values: { seed } };
      },
      evaluate: async (epoch) => (epoch === 0 ? explorer : perSeed[epoch - 1]),
      async finish() {
        if (!data) return;
        const summary: Record<string, number> = { ...explorer };
        for (const [k, v] of Object.entries(spreadOverSeeds(perSeed))) {
          summary[k] = v.mean;
          summary[`${k}/sd`] = v.sd;
        }
        const title = `Trained model (${data.name}): top 10 vs consumption-aware lists, ${config.protocol} holdout, ${config.typeSource === 'clusters' ? `${config.clusters} item clusters` : 'genres'} as types, tastes from ${config.tasteSource}, mean ± sd over ${perSeed.length} seed${perSeed.length === 1 ? '' : 's'}`;
        return { summary, tables: perSeed.length ? [{ title, ...trainedTable(perSeed) }] : [] };
      },
      dispose: () => {},
    };
  });
}

/** The data of the trained comparison, checked: it needs genres (the types), and true tastes for 'truth'. */
function trainedData(config: ConsumptionConfig, ctx: RunContext) {
  const data = resolveDataset(config.dataset, ctx.dataset);
  if (data.genreNames.length === 0 && config.typeSource === 'genres') {
    throw new LabError(ErrorCode.DataUnsuitable, `'dataset': ${data.name} has no item genres, and the trained comparison uses genres as the types: import an items file with genres, or set trainSeeds = 0`);
  }
  if (config.tasteSource === 'truth' && !data.groundTruth) {
    throw new LabError(ErrorCode.DataUnsuitable, `'tasteSource': 'truth' needs a synthetic dataset (its true tastes); ${data.name} has none — use 'history-lift'`);
  }
  if (config.tasteSource === 'truth' && config.typeSource === 'clusters') {
    throw new LabError(ErrorCode.InvalidConfigValue, `'tasteSource': 'truth' gives tastes over genres, and the types are clusters — use 'model' or 'history-lift' with clusters, or genres as the types`);
  }
  return data;
}
