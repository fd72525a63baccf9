// The strategy arena: runs of different labs that share a dataset, a split and the @10 metrics, as points on one
// accuracy–diversity plane, and each reformulating point's gap to the balancing front it competes with. Pure: the
// CLI's runner fills a record, the app and the tests read it with these functions.
import { spread } from '../experiment/findings';
import { gapToFront, upperFront, type GapVerdict } from '../experiment/frontGap';

/** How a point combines accuracy with diversity: by a weight (balancing) or by changing what is optimised (reformulating). */
export type Strategy = 'balance' | 'reformulate';

/**
 * The model whose scores a point's lists come from. A reformulating point is compared only with balancing points
 * on the same base: the weighting lab's policy (warm start, then 8 epochs of the combined objective) or the
 * consumption lab's warm-started model (its lists are re-ranked, never retrained).
 */
export type Base = 'policy' | 'warm';

/** One point of the arena: which lab and setting made it, and how it combines objectives. */
export interface ArenaEntry {
  id: string;
  label: string;
  lab: 'weighting' | 'consumption';
  base: Base;
  strategy: Strategy;
  /** The family, for colour and legend: hand weights, automatic weights, MMR weight, re-ranking, reward. */
  family: 'hand' | 'automatic' | 'mmr' | 'rerank' | 'reward';
}

/** The accuracy metrics the arena plots (y), each against ILD@10 (x). */
export const ARENA_METRICS = [
  { key: 'precision', label: 'Precision@10', family: 'every item consumed' },
  { key: 'hit', label: 'HR@10 (= U₁)', family: 'a few consumed' },
  { key: 'consumption@2', label: 'U₂@10', family: 'a few consumed' },
] as const;
export type ArenaMetric = (typeof ARENA_METRICS)[number]['key'];
export const ARENA_X = 'ild';

/** What one seed measured: per entry id, ILD@10 and each accuracy metric. */
export interface ArenaSeed {
  seed: number;
  values: Record<string, Record<string, number>>;
}

/** The arena's record (the runner writes it; `src/core/arena/arena.json` is the committed one). */
export interface ArenaRecord {
  tool: string;
  dataset: string;
  /** The split and metrics every point shares, in words. */
  protocol: string;
  seeds: number[];
  entries: ArenaEntry[];
  perSeed: ArenaSeed[];
  /** What is not on the plane and why (e.g. labs with a different protocol). */
  leftOut: { what: string; why: string }[];
  backend: string;
  date: string;
  commit: string;
}

export interface Spread {
  mean: number;
  sd: number;
  perSeed: number[];
}

/** An entry's position over the seeds: x = ILD@10 and every metric, mean ± sd (seeds where it has the value). */
export interface ArenaPoint extends ArenaEntry {
  values: Record<string, Spread>;
}

function spreadOf(xs: number[]): Spread | undefined {
  const ok = xs.filter(Number.isFinite);
  if (!ok.length) return undefined;
  const { mean, sd } = spread(ok);
  return { mean, sd, perSeed: ok };
}

/** Each entry's mean ± sd over the seeds. */
export function arenaPoints(record: Pick<ArenaRecord, 'entries' | 'perSeed'>): ArenaPoint[] {
  return record.entries.map((e) => {
    const keys = [ARENA_X, ...ARENA_METRICS.map((m) => m.key)];
    const values: Record<string, Spread> = {};
    for (const k of keys) {
      const s = spreadOf(record.perSeed.map((p) => p.values[e.id]?.[k] ?? NaN));
      if (s) values[k] = s;
    }
    return { ...e, values };
  });
}

/** One reformulating entry against its base's balancing front, under one metric. */
export interface ArenaComparison {
  entryId: string;
  label: string;
  base: Base;
  metric: ArenaMetric;
  /** y − front(x), per seed (each seed's own front) and its spread. */
  gap: Spread;
  /** Each seed's verdict, and the verdict most seeds gave (ties: 'beyond'). */
  verdicts: GapVerdict[];
  verdict: GapVerdict | 'mixed';
}

/** The verdict most seeds gave; 'mixed' without a majority. */
function majority(vs: readonly GapVerdict[]): GapVerdict | 'mixed' {
  for (const v of ['above', 'below', 'beyond'] as const) if (vs.filter((x) => x === v).length > vs.length / 2) return v;
  return 'mixed';
}

/**
 * For every reformulating entry and metric: the gap to the front of the balancing entries on the same base,
 * seed by seed (a seed's point against that seed's front, experiment/frontGap), then summarised: the gap's mean ± sd
 * and the verdict most seeds gave.
 */
export function compareStrategies(record: Pick<ArenaRecord, 'entries' | 'perSeed'>): ArenaComparison[] {
  const out: ArenaComparison[] = [];
  for (const metric of ARENA_METRICS.map((m) => m.key)) {
    for (const e of record.entries.filter((x) => x.strategy === 'reformulate')) {
      const rivals = record.entries.filter((x) => x.strategy === 'balance' && x.base === e.base);
      const gaps: number[] = [];
      const verdicts: GapVerdict[] = [];
      for (const s of record.perSeed) {
        const at = (id: string) => ({ x: s.values[id]?.[ARENA_X] ?? NaN, y: s.values[id]?.[metric] ?? NaN });
        const front = upperFront(rivals.map((r) => at(r.id)));
        const p = at(e.id);
        if (!front.length || !Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
        const g = gapToFront(front, p);
        gaps.push(g.gap);
        verdicts.push(g.verdict);
      }
      const gap = spreadOf(gaps);
      if (!gap) continue;
      out.push({ entryId: e.id, label: e.label, base: e.base, metric, gap, verdicts, verdict: majority(verdicts) });
    }
  }
  return out;
}
