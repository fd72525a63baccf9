// Kept runs drawn on the live charts beside the current run: each run's series renamed and recoloured, its rows
// merged with the current run's. Pure: the chart grid passes rows in and draws what comes out.
import type { ChartSpec } from '../../core/experiment/types';
import type { ChartRow } from '../charts/MetricChart';

/** One colour per overlaid run (its every series; dashes still tell a baseline from a model). */
export const OVERLAY_COLORS = ['#0e9384', '#dd2590', '#4e5ba6', '#854a0e', '#099250', '#e04f16', '#6172f3', '#475467'];

export interface OverlayRun {
  id: string;
  name: string;
  color: string;
  /** This run's rows for each chart, already shaped as the chart draws them (thinned, or a path). */
  rows: Map<string, ChartRow[]>;
}

/** The key an overlaid run's series is drawn under: never one a lab uses. */
export const overlayKey = (key: string, k: number) => `${key}@run${k}`;

/** Longest run name a legend repeats: the list shows the whole name beside the run's colour. */
const LEGEND_NAME = 24;
const short = (name: string) => (name.length > LEGEND_NAME ? `${name.slice(0, LEGEND_NAME - 1)}…` : name);

/** The chart's spec with each overlaid run's series added after the current run's, each labelled with its run's name. */
export function overlaySpec(spec: ChartSpec, runs: readonly Pick<OverlayRun, 'name' | 'color'>[], hasCurrent: boolean): ChartSpec {
  if (runs.length === 0) return spec;
  const current = hasCurrent ? spec.series.map((s) => ({ ...s, label: `${s.label} · this run` })) : [];
  const added = runs.flatMap((r, k) => spec.series.map((s) => ({ ...s, key: overlayKey(s.key, k), label: `${s.label} · ${short(r.name)}`, color: r.color })));
  return { ...spec, series: [...current, ...added] };
}

/**
 * The current run's rows with each overlaid run's rows added under its keys. Plotted against step or epoch,
 * rows at the same x are merged (so the tooltip lists every run there); a path in objective space keeps each
 * run's rows in their own order, one run after another, since a path's order is its time.
 */
export function overlayRows(spec: ChartSpec, current: readonly ChartRow[], runs: readonly ChartRow[][]): ChartRow[] {
  if (runs.length === 0) return current as ChartRow[];
  const renamed = runs.map((rows, k) =>
    rows.map((r) => {
      const out: Record<string, number> = { x: r.x };
      for (const s of spec.series) if (s.key in r) out[overlayKey(s.key, k)] = r[s.key];
      return out as ChartRow;
    }),
  );
  if (spec.xKey) return [...current, ...renamed.flat()];
  const byX = new Map<number, ChartRow>();
  for (const r of [...current, ...renamed.flat()]) byX.set(r.x, { ...byX.get(r.x), ...r });
  return [...byX.values()].sort((a, b) => a.x - b.x);
}
