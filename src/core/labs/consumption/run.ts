// Headless run of the consumption lab: part A, the exact explorer (the lists, the k sweep and the γ fit, as epoch
// 0, no tensors); then part B, the trained comparison (one epoch per seed).
import { resolveDataset } from '../../data/datasetChoice';
import { ErrorCode, LabError } from '../../errors';
import type { ProgressEvent, RunContext, RunOutcome, RunResult } from '../../experiment/types';
import { activeBackend } from '../../tf/backends';
import type { ConsumptionConfig } from './config';
import { explore, kSweep, shareFit, tastesFor, validate, valueModel } from './explorer';
import { spreadOverSeeds, trainedSeed, trainedTable } from './trained';

/** Items in the long list the γ fit is made on. */
export const SHARE_FIT_N = 1000;

/**
 * Runs the explorer for one config, then (trainSeeds > 0) the trained comparison. Bad settings (custom p,
 * Pareto α ≤ 1, …) throw a LabError with code InvalidConfigValue whose message names the setting; so does data
 * the comparison cannot use (no genres; true tastes asked of imported data). Emits one 'started' event (notes,
 * p and the allocations as text in `info`; one step per seed), the explorer's numbers as epoch 0, then per seed
 * a step and an epoch event with `${list}/${metric}` values. The summary holds the explorer's values and, per
 * trained value, the mean over seeds (the key) and its standard deviation (`key/sd`); `tables` the comparison.
 */
export async function runConsumption(
  config: ConsumptionConfig,
  ctx: RunContext = {},
): Promise<RunResult<ConsumptionConfig>> {
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

  const events: ProgressEvent[] = [];
  const emit = (e: ProgressEvent) => {
    events.push(e);
    ctx.onProgress?.(e);
  };
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
  emit({ kind: 'started', totalSteps: config.trainSeeds, stepsPerEpoch: 1, info });

  const values: Record<string, number> = {
    'utility/optimal': ex.optimal.utility,
    'utility/topN': ex.topN.utility,
    gap: ex.gap,
    'precision/optimal': ex.precision.optimal,
    'precision/topN': ex.precision.topN,
    'atLeastOne/optimal': ex.atLeastOne.optimal,
    'atLeastOne/topN': ex.atLeastOne.topN,
  };
  // γ is NaN when it cannot be fitted (e.g. all p_t equal): left out rather than written as null.
  if (Number.isFinite(fit.gamma)) values.gamma = fit.gamma;
  values.gammaTheory = fit.theory;
  ex.optimal.counts.forEach((a, t) => (values[`alloc/${t}`] = a));
  emit({ kind: 'epoch', step: 0, epoch: 0, values });
  const summary: Record<string, number> = { ...values };
  if (!data) return { labId: 'consumption', config, backend: 'none', outcome: { status: 'completed' }, events, summary };

  const perSeed: Record<string, number>[] = [];
  let outcome: RunOutcome = { status: 'completed' };
  for (let s = 0; s < config.trainSeeds; s++) {
    await ctx.control?.beforeStep();
    const r = ctx.signal?.aborted ? null : await trainedSeed(data, config.seed + s, config, ctx.signal);
    if (!r) {
      outcome = { status: 'stopped', atStep: s };
      break;
    }
    perSeed.push(r);
    emit({ kind: 'step', step: s + 1, epoch: s + 1, totalSteps: config.trainSeeds, values: { seed: config.seed + s } });
    emit({ kind: 'epoch', step: s + 1, epoch: s + 1, values: r });
  }
  for (const [k, v] of Object.entries(spreadOverSeeds(perSeed))) {
    summary[k] = v.mean;
    summary[`${k}/sd`] = v.sd;
  }
  const title = `Trained model (${data.name}): top 10 vs consumption-aware lists, tastes from ${config.tasteSource}, mean ± sd over ${perSeed.length} seed${perSeed.length === 1 ? '' : 's'}`;
  const tables = perSeed.length ? [{ title, ...trainedTable(perSeed) }] : [];
  return { labId: 'consumption', config, backend: activeBackend(), outcome, events, summary, tables };
}

/** The data of the trained comparison, checked: it needs genres (the types), and true tastes for 'truth'. */
function trainedData(config: ConsumptionConfig, ctx: RunContext) {
  const data = resolveDataset(config.dataset, ctx.dataset);
  if (data.genreNames.length === 0) {
    throw new LabError(ErrorCode.InvalidConfigValue, `'dataset': ${data.name} has no item genres, and the trained comparison uses genres as the types: import an items file with genres, or set trainSeeds = 0`);
  }
  if (config.tasteSource === 'truth' && !data.groundTruth) {
    throw new LabError(ErrorCode.InvalidConfigValue, `'tasteSource': 'truth' needs a synthetic dataset (its true tastes); ${data.name} has none — use 'history-lift'`);
  }
  return data;
}
