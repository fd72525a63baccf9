// Turns a sweep's runs into scatter points with their Pareto front, and names the metrics: no React here.
import { paretoFront } from '../../core/experiment/pareto';
import type { SweepPlan } from '../../core/experiment/sweepPlan';
import type { ChartSpec } from '../../core/experiment/types';
import type { SweepRunRecord } from '../../state/sweepSlice';

/** One run drawn on a Pareto panel. */
export interface ParetoPoint {
  index: number;
  label: string;
  /** The label drawn next to the point (the plan's short form, e.g. "0.3" for w = 0.3). */
  chartLabel: string;
  kind: string;
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
export function paretoPoints(runs: readonly SweepRunRecord[], xKey: string, yKey: string, chartLabel: SweepPlan['chartLabel'] = (r) => r.label): ParetoPoint[] {
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

/** The front's points from left to right, for the line that connects them. */
export const frontLine = (points: readonly ParetoPoint[]) => points.filter((p) => p.front).sort((a, b) => a.x - b.x || b.y - a.y);

/** What each summary metric is called on the lab's own charts (epoch series), else on the plan's panels. */
export function metricLabels(charts: readonly ChartSpec[], plan?: SweepPlan): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of charts) if (c.source === 'epoch') for (const s of c.series) out[s.key] = s.label;
  for (const p of plan?.panels ?? []) for (const m of [p.x, ...p.y]) out[m.key] ??= m.label;
  return out;
}

/**
 * Which direction is better for each metric, as the lab's charts declare it (any chart, per series key); the
 * plan's panel metrics are accuracy and diversity, higher is better. A key with no declaration gets no arrow:
 * the applied weights λ and β have no better direction, and the table must not claim one.
 */
export function metricDirections(charts: readonly ChartSpec[], plan?: SweepPlan): Record<string, ChartSpec['better']> {
  const out: Record<string, ChartSpec['better']> = {};
  for (const p of plan?.panels ?? []) for (const m of [p.x, ...p.y]) out[m.key] = 'higher';
  for (const c of charts) for (const s of c.series) out[s.key] ??= c.better;
  return out;
}

/** Every metric any run reported, in the order the lab's charts list them, then the rest alphabetically. */
export function metricKeys(runs: readonly SweepRunRecord[], charts: readonly ChartSpec[]): string[] {
  const seen = new Set(runs.flatMap((r) => Object.keys(r.summary)));
  const ordered = charts.filter((c) => c.source === 'epoch').flatMap((c) => c.series.map((s) => s.key));
  const known = ordered.filter((k, i) => seen.has(k) && ordered.indexOf(k) === i);
  return [...known, ...[...seen].filter((k) => !known.includes(k)).sort()];
}

/** "completed", "diverged at step 12", "stopped at step 3", "failed: …". */
export function outcomeText(o: SweepRunRecord['outcome']): string {
  if (o.status === 'completed') return 'completed';
  if (o.status === 'failed') return `failed: ${o.message}`;
  return `${o.status} at step ${o.atStep}`;
}
