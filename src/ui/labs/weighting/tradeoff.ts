// The one-screen trade-off: the hand-weight line's accuracy as % change from relevance alone (w = 1), under both
// metric families, from the user's Pareto sweep or else the recorded arena. No React here.
import { arenaPoints, type ArenaRecord } from '../../../core/arena/arena';
import type { SweepRunRecord } from '../../../state/sweepSlice';
import { percentChange } from '../../sweep/relativeScale';

/** One hand-weight point: w on relevance, its diversity and both accuracies. */
export interface HandPoint {
  w: number;
  ild: number;
  precision: number;
  hit: number;
}

/** A drawn row: ILD across, each accuracy's % change from the w = 1 point. */
export interface TradeoffRow {
  w: number;
  x: number;
  precision: number;
  hit: number;
}

const W = /^w=(\d(?:\.\d+)?)$/;

/** The line's rows relative to its w = 1 point, by w (empty without a finite w = 1 point). */
export function tradeoffRows(points: readonly HandPoint[]): TradeoffRow[] {
  const ref = points.find((p) => p.w === 1);
  if (!ref) return [];
  return points
    .map((p) => ({ w: p.w, x: p.ild, precision: percentChange(p.precision, ref.precision), hit: percentChange(p.hit, ref.hit) }))
    .filter((r) => [r.x, r.precision, r.hit].every(Number.isFinite))
    .sort((a, b) => b.w - a.w);
}

/** The hand-weight line of a finished weighting Pareto sweep (line variant; none for the simplex). */
export function handFromSweep(runs: readonly SweepRunRecord[]): HandPoint[] {
  return runs.flatMap((r) => {
    const m = W.exec(r.label);
    if (r.kind !== 'hand' || !m || r.outcome.status !== 'completed') return [];
    return [{ w: Number(m[1]), ild: r.summary.ild, precision: r.summary.precision, hit: r.summary.hit }];
  });
}

/** The hand-weight line of the recorded arena, mean over its seeds. */
export function handFromArena(record: Pick<ArenaRecord, 'entries' | 'perSeed'>): HandPoint[] {
  return arenaPoints(record).flatMap((p) => {
    const m = W.exec(p.label);
    if (p.lab !== 'weighting' || p.family !== 'hand' || !m || !p.values.ild || !p.values.precision || !p.values.hit) return [];
    return [{ w: Number(m[1]), ild: p.values.ild.mean, precision: p.values.precision.mean, hit: p.values.hit.mean }];
  });
}
