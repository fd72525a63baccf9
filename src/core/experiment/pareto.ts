// The non-dominated points of a two-objective scatter (a sweep's Pareto front), each axis with its direction.
import type { Direction } from './types';

export interface Point2 {
  x: number;
  y: number;
}

/**
 * Indices (ascending) of the points no other point dominates. Point a dominates b when a is at least as
 * good on both axes and strictly better on at least one, "good" per `better` ('higher' or 'lower').
 *
 * Ties: equal points do not dominate each other, so every copy of a non-dominated point is kept (a sweep
 * that reaches the same result twice shows both runs on the front). Points with a non-finite coordinate
 * (a diverged run) are never on the front and never dominate. O(n²), fine for sweeps of a few hundred runs.
 */
export function paretoFront(points: readonly Point2[], better: { x: Direction; y: Direction }): number[] {
  const sx = better.x === 'higher' ? 1 : -1;
  const sy = better.y === 'higher' ? 1 : -1;
  // Flip signs so that higher is better on both axes.
  const p = points.map((q) => ({ x: sx * q.x, y: sy * q.y, ok: Number.isFinite(q.x) && Number.isFinite(q.y) }));
  const dominates = (a: (typeof p)[number], b: (typeof p)[number]) => a.x >= b.x && a.y >= b.y && (a.x > b.x || a.y > b.y);
  const front: number[] = [];
  for (let i = 0; i < p.length; i++) {
    if (!p[i].ok) continue;
    if (!p.some((q, j) => j !== i && q.ok && dominates(q, p[i]))) front.push(i);
  }
  return front;
}
