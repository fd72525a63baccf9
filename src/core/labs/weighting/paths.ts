// Each method's path in objective space against the hand-weight front: the front from a sweep's hand runs (final
// values, in order of the weight on relevance), each method's evaluated values epoch by epoch, and where its end lands.
import type { PlanRun } from '../../experiment/sweepPlan';
import type { ReportTable } from '../../experiment/types';

/** A point in the plane of two objectives, both higher-better (e.g. x = ILD@10, y = Precision@10). */
export interface ObjectivePoint {
  x: number;
  y: number;
}

/** What the path view needs of one sweep run (from the store's records or the CLI's results): a plan's run. */
export type TracedRun = PlanRun;

/** One hand-weight run on the front line: its final values and w, its weight on relevance. */
export interface FrontPoint extends ObjectivePoint {
  label: string;
  w: number;
}

/** Where a method's end lands: 'inside' the hand front, 'on' it (within the tolerance) or 'beyond' it. */
export type Verdict = 'inside' | 'on' | 'beyond';

export interface MethodPath {
  label: string;
  kind: string;
  method: string;
  /** Start (epoch 0) → end (last epoch); epochs missing either value are skipped. */
  points: ObjectivePoint[];
  /** The front's gap at the end (see `frontGap`), in units of the front's span; NaN without a front. */
  gap: number;
  verdict: Verdict | undefined;
}

export interface ObjectivePaths {
  front: FrontPoint[];
  paths: MethodPath[];
}

/** Both axes are read from these keys of a run's evaluations. */
export interface PathAxes {
  x: string;
  y: string;
}

/** A gap within ± this share of the front's span counts as on the front (about the spread between seeds). */
export const ON_FRONT_TOLERANCE = 0.05;

const num = (v: unknown) => (typeof v === 'number' ? v : Number(v));

/**
 * The hand-weight front: every completed hand run with no weight on novelty, at its final (x, y), ordered by
 * w = wRelevance / (wRelevance + wDiversity) — from all diversity (w = 0) to all relevance (w = 1) — so the line
 * joining them is the trade-off the sliders sweep. Dominated hand points stay on the line: it is the path of the
 * weight, not only its non-dominated part. (The three-objective grid's points with novelty > 0 are left out.)
 */
export function handFront(runs: readonly TracedRun[], axes: PathAxes): FrontPoint[] {
  const out: FrontPoint[] = [];
  for (const r of runs) {
    if (r.kind !== 'hand' || !r.completed || num(r.config.wNovelty ?? 0) !== 0) continue;
    const rel = num(r.config.wRelevance);
    const div = num(r.config.wDiversity);
    const end = r.epochs[r.epochs.length - 1];
    if (!(rel + div > 0) || !end || !Number.isFinite(end[axes.x]) || !Number.isFinite(end[axes.y])) continue;
    out.push({ label: r.label, w: rel / (rel + div), x: end[axes.x], y: end[axes.y] });
  }
  return out.sort((a, b) => a.w - b.w);
}

/** A run's evaluated (x, y) at each evaluation, start to end, skipping evaluations that lack either value. */
export function methodPath(epochs: readonly Record<string, number>[], axes: PathAxes): ObjectivePoint[] {
  return epochs.filter((e) => Number.isFinite(e[axes.x]) && Number.isFinite(e[axes.y])).map((e) => ({ x: e[axes.x], y: e[axes.y] }));
}

/**
 * How far the drawn front line lies beyond the point p, both axes higher-better, each axis in units of the
 * front's span on it (max − min over the front's points; 1 where that is 0):
 *
 *   gap(p) = max over q on the line of min((q.x − p.x) / span_x, (q.y − p.y) / span_y)
 *
 * gap > 0: some point of the line beats p on both axes by at least `gap` spans — p is inside the front.
 * gap < 0: no point of the line is even level with p on both axes; p would have to move −gap spans down-left
 * on both axes to touch the line — p is beyond the front. The line's points include those between two hand
 * runs (what the drawn segments show), so the maximum is taken over each segment: min of two linear functions
 * of t is concave, so it peaks at an end of the segment or where the two are equal. NaN for an empty front.
 */
export function frontGap(p: ObjectivePoint, front: readonly ObjectivePoint[]): number {
  if (front.length === 0) return NaN;
  const span = (k: 'x' | 'y') => {
    const v = front.map((q) => q[k]);
    const s = Math.max(...v) - Math.min(...v);
    return s > 0 ? s : 1;
  };
  const sx = span('x');
  const sy = span('y');
  const at = (q: ObjectivePoint) => Math.min((q.x - p.x) / sx, (q.y - p.y) / sy);
  let best = Math.max(...front.map(at));
  for (let i = 1; i < front.length; i++) {
    const a = front[i - 1];
    const b = front[i];
    // Where (a.x + t dx − p.x)/sx = (a.y + t dy − p.y)/sy.
    const du = (b.x - a.x) / sx - (b.y - a.y) / sy;
    if (du === 0) continue;
    const t = ((a.y - p.y) / sy - (a.x - p.x) / sx) / du;
    if (t > 0 && t < 1) best = Math.max(best, at({ x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y) }));
  }
  return best;
}

/** 'inside' above the tolerance, 'beyond' below minus it, else 'on'; undefined for NaN (no front). */
export function verdictOf(gap: number, tolerance = ON_FRONT_TOLERANCE): Verdict | undefined {
  if (Number.isNaN(gap)) return undefined;
  return gap > tolerance ? 'inside' : gap < -tolerance ? 'beyond' : 'on';
}

/**
 * The view: the hand front on `axes`, and the path of every completed run of the kinds in `kinds` (default: the
 * automatic methods) with its end's gap and verdict against that front.
 */
export function objectivePaths(runs: readonly TracedRun[], axes: PathAxes, kinds: readonly string[] = ['automatic'], tolerance = ON_FRONT_TOLERANCE): ObjectivePaths {
  const front = handFront(runs, axes);
  const paths = runs
    .filter((r) => r.completed && kinds.includes(r.kind))
    .map((r): MethodPath => {
      const points = methodPath(r.epochs, axes);
      const end = points[points.length - 1];
      const gap = end ? frontGap(end, front) : NaN;
      return { label: r.label, kind: r.kind, method: String(r.config.method ?? ''), points, gap, verdict: verdictOf(gap, tolerance) };
    })
    .filter((p) => p.points.length > 0);
  return { front, paths };
}

/** Both axes are higher-better: a pair the Pareto panels plot, with the words for them. */
export interface NamedAxes extends PathAxes {
  xLabel: string;
  yLabel: string;
}

const f3 = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : '–');

/**
 * The path view as a table (the CLI prints it after a Pareto sweep): per method its start and end on `axes` and its
 * end's gap to the hand-weight front in spans of the front (positive: inside), with the verdict.
 */
export function pathsTable(runs: readonly TracedRun[], axes: NamedAxes, tolerance = ON_FRONT_TOLERANCE): ReportTable {
  const { front, paths } = objectivePaths(runs, axes, ['automatic'], tolerance);
  return {
    title: `Paths against the hand-weight front (${front.length} hand points): ${axes.yLabel} vs ${axes.xLabel}, gap in spans of the front, on = within ±${tolerance}`,
    columns: ['method', `start ${axes.xLabel}`, `start ${axes.yLabel}`, `end ${axes.xLabel}`, `end ${axes.yLabel}`, 'gap', 'end lands'],
    rows: paths.map((p) => {
      const [s, e] = [p.points[0], p.points[p.points.length - 1]];
      return [p.label, f3(s.x), f3(s.y), f3(e.x), f3(e.y), f3(p.gap), p.verdict ?? 'no front'];
    }),
  };
}
