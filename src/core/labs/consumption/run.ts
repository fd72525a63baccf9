// Headless run of the consumption explorer: validates, computes the exact lists, the k sweep and the γ fit, and
// reports them as one epoch of values (no training, no tensors).
import { ErrorCode, LabError } from '../../errors';
import type { ProgressEvent, RunContext, RunResult } from '../../experiment/types';
import type { ConsumptionConfig } from './config';
import { explore, kSweep, shareFit, tastesFor, validate, valueModel } from './explorer';

/** Items in the long list the γ fit is made on. */
export const SHARE_FIT_N = 1000;

/**
 * Runs the explorer for one config. Bad settings (custom p, Pareto α ≤ 1, …) throw a LabError with code
 * InvalidConfigValue whose message names the setting. Emits one 'started' event (notes, p and the allocations
 * as text in `info`) and one 'epoch' event with every number; the summary holds the same values.
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
  emit({ kind: 'started', totalSteps: 0, stepsPerEpoch: 0, info });

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

  return { labId: 'consumption', config, backend: 'none', outcome: { status: 'completed' }, events, summary: { ...values } };
}
