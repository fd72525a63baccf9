// Turns a sweep's runs into scatter points with their Pareto front, and names the metrics: no React here.
import { paretoFront } from '../../core/experiment/pareto';
import type { ChartSpec } from '../../core/experiment/types';
import type { SweepRunRecord } from '../../state/sweepSlice';

/** One run drawn on a Pareto panel. */
export interface ParetoPoint {
  index: number;
  label: string;
  /** The label drawn next to the point: hand weights by their w alone ("0.3"), others by method. */
  chartLabel: string;
  kind: SweepRunRecord['kind'];
  x: number;
  y: number;
  /** Non-dominated among the completed runs (both axes higher-better). */
  front: boolean;
  /** Diverged runs are drawn, marked, with their last measured values, and never count for the front. */
  diverged: boolean;
  run: SweepRunRecord;
}

/**
 * The points of one panel: every completed or diverged run with finite x and y (stopped and failed runs have
 * no final numbers to show), and which completed ones no other completed run beats on both axes.
 */
export function paretoPoints(runs: readonly SweepRunRecord[], xKey: string, yKey: string): ParetoPoint[] {
  const shown = runs.filter(
    (r) => (r.outcome.status === 'completed' || r.outcome.status === 'diverged') && Number.isFinite(r.summary[xKey]) && Number.isFinite(r.summary[yKey]),
  );
  // A diverged run's coordinates are set to NaN for the front: paretoFront leaves it off and lets it dominate nothing.
  const coords = shown.map((r) => (r.outcome.status === 'completed' ? { x: r.summary[xKey], y: r.summary[yKey] } : { x: NaN, y: NaN }));
  const front = new Set(paretoFront(coords, { x: 'higher', y: 'higher' }));
  const points = shown.map((r, i) => ({
    index: r.index,
    label: r.label,
    chartLabel: chartLabel(r),
    kind: r.kind,
    x: r.summary[xKey],
    y: r.summary[yKey],
    front: front.has(i),
    diverged: r.outcome.status === 'diverged',
    run: r,
  }));
  return mergeCoincidentLabels(points);
}

/** Runs that land on the same spot (e.g. UW and DWA on a tiny sweep) share one label, "UW / DWA", on the first. */
function mergeCoincidentLabels(points: ParetoPoint[]): ParetoPoint[] {
  const first = new Map<string, ParetoPoint>();
  return points.map((p) => {
    const key = `${p.x}|${p.y}`;
    const owner = first.get(key);
    if (!owner) {
      const own = { ...p };
      first.set(key, own);
      return own;
    }
    owner.chartLabel = `${owner.chartLabel} / ${p.chartLabel}`;
    return { ...p, chartLabel: '' };
  });
}

/** Short point labels keep a crowded panel readable: "0.3" for w = 0.3, "consumption" for the reward variant. */
function chartLabel(r: SweepRunRecord): string {
  if (r.kind === 'hand') return r.label.replace(/^w=/, '');
  if (r.kind === 'consumption') return 'consumption';
  return r.label;
}

/** The front's points from left to right, for the line that connects them. */
export const frontLine = (points: readonly ParetoPoint[]) => points.filter((p) => p.front).sort((a, b) => a.x - b.x || b.y - a.y);

/** The y metric of the "consumes only a few" panel for c = 1–3: HR@10 is U₁. */
export const consumptionKey = (c: number) => (c === 1 ? 'hit' : `consumption@${c}`);

/** What each summary metric is called on the lab's own charts (epoch series), else its key. */
export function metricLabels(charts: readonly ChartSpec[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of charts) if (c.source === 'epoch') for (const s of c.series) out[s.key] = s.label;
  // U₁ is HR@10; the charts draw it once, as HR@10, but the summary has both.
  const sub = '₀₁₂₃₄₅₆₇₈₉';
  for (let c = 1; c <= 9; c++) out[`consumption@${c}`] ??= `U${sub[c]}`;
  return out;
}

/** Every metric any run reported, in the order the lab's charts list them, then the rest alphabetically. */
export function metricKeys(runs: readonly SweepRunRecord[], charts: readonly ChartSpec[]): string[] {
  const seen = new Set(runs.flatMap((r) => Object.keys(r.summary)));
  const ordered = charts.filter((c) => c.source === 'epoch').flatMap((c) => c.series.map((s) => s.key));
  const known = ordered.filter((k, i) => seen.has(k) && ordered.indexOf(k) === i);
  return [...known, ...[...seen].filter((k) => !known.includes(k)).sort()];
}

/** The settings a sweep varies, shown per run (those its configs have). */
export const SWEPT_SETTINGS = ['method', 'relevance', 'lists', 'wRelevance', 'wDiversity', 'wNovelty', 'backbone'] as const;

/** "completed", "diverged at step 12", "stopped at step 3", "failed: …". */
export function outcomeText(o: SweepRunRecord['outcome']): string {
  if (o.status === 'completed') return 'completed';
  if (o.status === 'failed') return `failed: ${o.message}`;
  return `${o.status} at step ${o.atStep}`;
}
