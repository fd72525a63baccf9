// How far a point lies above or below a set of points' accuracy–diversity front, at its own diversity: the arena's
// test of "reformulating beats balancing". Pure numbers, no tfjs.
import { paretoFront, type Point2 } from './pareto';

/** The front of `points` (both axes higher-better) from left to right: the upper envelope a point is compared with. */
export function upperFront(points: readonly Point2[]): Point2[] {
  const idx = paretoFront(points, { x: 'higher', y: 'higher' });
  return idx.map((i) => points[i]).sort((a, b) => a.x - b.x || b.y - a.y);
}

/**
 * The front's accuracy at diversity `x`: linear between the two front points around x, and the nearest end's y
 * outside the front's x range (a front point of more diversity is no worse than the left end; beyond the right
 * end no balancing point is that diverse, so the right end is the best it offers).
 */
export function frontAt(front: readonly Point2[], x: number): number {
  if (front.length === 0) return NaN;
  if (x <= front[0].x) return front[0].y;
  const last = front[front.length - 1];
  if (x >= last.x) return last.y;
  let j = 1;
  while (front[j].x < x) j++;
  const a = front[j - 1];
  const b = front[j];
  return b.x === a.x ? Math.max(a.y, b.y) : a.y + ((b.y - a.y) * (x - a.x)) / (b.x - a.x);
}

/** Where a point stands against a front. */
export type GapVerdict = 'above' | 'below' | 'beyond';

/**
 * gap = y − front(x) (accuracy units), and its verdict: 'above' (gap > 0: more accurate than the front at equal or
 * more diversity), 'below' (gap ≤ 0 within the front's x range or left of it: a balancing point is at least as good
 * on both axes, or the line through two of them is), 'beyond' (right of the front and less accurate than its most
 * diverse point: a different trade, not comparable on this front).
 */
export function gapToFront(front: readonly Point2[], p: Point2): { gap: number; verdict: GapVerdict } {
  const gap = p.y - frontAt(front, p.x);
  const right = front.length > 0 && p.x > front[front.length - 1].x;
  return { gap, verdict: gap > 0 ? 'above' : right ? 'beyond' : 'below' };
}
