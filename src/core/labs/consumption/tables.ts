// The consumption lab's trained comparison as a table: which lists and metrics, and mean ± sd over seeds. No tfjs:
// the lab's panel reads these on the page.

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

/** The diversity-weight sweep on the trained model: MMR weights w (0 = the top 10), each list scored by these metrics. */
export const DIVERSITY_WEIGHTS = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9] as const;
export const SWEEP_METRICS = ['precision', 'hit', 'consumption@2', 'consumption@3', 'ild'] as const;
/** The summary key of one point of the sweep, e.g. `mmr@0.3/precision`. */
export const sweepKey = (w: number, metric: string) => `mmr@${w}/${metric}`;

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
