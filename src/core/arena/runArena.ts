// Runs the arena headless: per seed, the weighting lab's Pareto sweep on softmax MF (hand line, automatic methods,
// the consumption-style reward, re-ranking for c = 1 and 2) and the consumption lab's trained comparison (the top 10,
// consumption-aware lists for c = 1, 2, 3 and the MMR diversity-weight sweep) on the same data, split and metrics.
import { resolveConfig } from '../experiment/config';
import { RunCache } from '../experiment/runCache';
import type { SweepPoint } from '../experiment/sweepPlan';
import type { Lab } from '../experiment/types';
import { DIVERSITY_WEIGHTS, LIST_KINDS, sweepKey } from '../labs/consumption/tables';
import { getLab } from '../labs/registry';
import { weightingSweep } from '../labs/weighting/sweeps';
import { ARENA_METRICS, ARENA_X, type ArenaEntry, type ArenaRecord, type ArenaSeed } from './arena';

const KEYS = [ARENA_X, ...ARENA_METRICS.map((m) => m.key)];

/** The split and metrics every point shares (checked in the labs' code: both call weakSplit(…, 0.2) on the seed's split stream). */
export const ARENA_PROTOCOL =
  'weak 80/20 split of each user’s clicks (the same split per seed in both labs), top-10 lists scored on the held-out 20%, ILD@10 over genres';

/** Labs whose protocol differs, so their own runs are not on the plane. */
export const LEFT_OUT = [
  { what: 'Mult-VAE lab', why: 'different protocol: strong generalisation (held-out users, 80/20 fold-in), NDCG@100 and Recall@20/50' },
  { what: 'AMP-CF (personas) lab', why: 'different protocol: leave-one-out (one click per user), full ranking' },
  {
    what: 'Mult-VAE and AMP-CF as weighting-lab backbones',
    why: 'same protocol, but another model: they compare backbones, not strategies (npm run lab -- sweep weighting --plan pareto has them)',
  },
];

/** The weighting lab's points: its Pareto sweep on softmax MF (no other backbones), plus re-ranking for c = 2. */
export function weightingPoints(config: Record<string, unknown>): SweepPoint[] {
  const sweep = weightingSweep({ ...config, consumeC: 1 }).filter((p) => p.kind !== 'backbone');
  const rerank = sweep.find((p) => p.kind === 'rerank')!;
  return [...sweep.map((p) => (p.kind === 'rerank' ? { ...p, label: 'Re-rank c=1' } : p)), { label: 'Re-rank c=2', kind: 'rerank', override: { ...rerank.override, consumeC: 2 } }];
}

/** A weighting sweep point as an arena entry. */
function weightingEntry(p: SweepPoint): ArenaEntry {
  const family = p.kind === 'consumption' ? 'reward' : (p.kind as ArenaEntry['family']);
  const strategy = p.kind === 'hand' || p.kind === 'automatic' ? 'balance' : 'reformulate';
  const label = p.kind === 'consumption' ? 'RC, consumption reward' : p.label;
  return { id: `weighting:${p.label}`, label, lab: 'weighting', base: 'policy', strategy, family };
}

/** The consumption lab's lists as entries: MMR at each diversity weight (w = 0 is the top 10), and c = 1, 2, 3. */
export function consumptionEntries(): ArenaEntry[] {
  const mmr = DIVERSITY_WEIGHTS.map((w): ArenaEntry => ({ id: `consumption:mmr@${w}`, label: `MMR ${w}`, lab: 'consumption', base: 'warm', strategy: 'balance', family: 'mmr' }));
  const aware = LIST_KINDS.filter((k) => k.mode === 'consumption').map((k): ArenaEntry => ({ id: `consumption:${k.id}`, label: `aware c=${k.c}`, lab: 'consumption', base: 'warm', strategy: 'reformulate', family: 'rerank' }));
  return [...mmr, ...aware];
}

/** Reads one consumption run's summary into the entries' values. */
function consumptionValues(summary: Record<string, number>): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const w of DIVERSITY_WEIGHTS) out[`consumption:mmr@${w}`] = Object.fromEntries(KEYS.map((k) => [k, summary[sweepKey(w, k)]]));
  for (const k of LIST_KINDS) out[`consumption:${k.id}`] = Object.fromEntries(KEYS.map((m) => [m, summary[`${k.id}/${m}`]]));
  return out;
}

export interface ArenaRunOptions {
  seeds: number[];
  dataset?: string;
  /** Settings over both labs' defaults (e.g. fewer epochs for a quick check); keys a lab lacks are dropped. */
  overrides?: Record<string, unknown>;
  onRun?(what: string, seed: number, index: number, total: number): void;
  signal?: AbortSignal;
  getLab?: (id: string) => Lab;
}

const onlyKnown = (lab: Lab, o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([k]) => k in lab.defaults));

/** Runs every point for every seed; a run that does not complete throws (the arena is measured whole or not at all). */
export async function runArena(opts: ArenaRunOptions): Promise<Omit<ArenaRecord, 'tool' | 'backend' | 'date' | 'commit'>> {
  const labOf = opts.getLab ?? getLab;
  const weighting = labOf('weighting');
  const consumption = labOf('consumption');
  const dataset = opts.dataset ?? 'workshop';
  const base = (lab: Lab, seed: number) => ({ ...onlyKnown(lab, opts.overrides ?? {}), dataset, seed });
  const points = weightingPoints(resolveConfig(weighting, base(weighting, opts.seeds[0])) as Record<string, unknown>);
  const entries = [...points.map(weightingEntry), ...consumptionEntries()];
  const total = opts.seeds.length * (points.length + 1);
  const perSeed: ArenaSeed[] = [];
  let i = 0;
  for (const seed of opts.seeds) {
    const values: ArenaSeed['values'] = {};
    const cache = new RunCache();
    const cfg = resolveConfig(weighting, base(weighting, seed)) as Record<string, unknown>;
    for (const p of weightingPoints(cfg)) {
      opts.onRun?.(`weighting ${p.label}`, seed, i++, total);
      const r = await weighting.run(resolveConfig(weighting, { ...cfg, ...p.override }), { cache, signal: opts.signal });
      if (r.outcome.status !== 'completed') throw new Error(`arena: weighting ${p.label}, seed ${seed}: run ${r.outcome.status}`);
      values[`weighting:${p.label}`] = Object.fromEntries(KEYS.map((k) => [k, r.summary[k]]));
    }
    opts.onRun?.('consumption (top 10, c = 1–3, MMR sweep)', seed, i++, total);
    const r = await consumption.run(resolveConfig(consumption, { ...base(consumption, seed), trainSeeds: 1 }), { cache: new RunCache(), signal: opts.signal });
    if (r.outcome.status !== 'completed') throw new Error(`arena: consumption, seed ${seed}: run ${r.outcome.status}`);
    Object.assign(values, consumptionValues(r.summary));
    perSeed.push({ seed, values });
  }
  return { dataset, protocol: ARENA_PROTOCOL, seeds: opts.seeds, entries, perSeed, leftOut: LEFT_OUT };
}
