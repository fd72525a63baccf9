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
 * gap = y − front(x) (accuracy units), and its verdict. Inside the front's x range: 'above' when gap > 0 (more
 * accurate than balancing at the same diversity), else 'below'. Outside it: 'above' when the point is more diverse
 * than the most diverse front point and no less accurate (it dominates it); 'below' when a front point is at least as
 * diverse and as accurate (it dominates the point); otherwise 'beyond': more diverse but less accurate, or less diverse
 * but more accurate — a trade the balancing points do not reach, not a win or a loss at equal diversity.
 */
export function gapToFront(front: readonly Point2[], p: Point2): { gap: number; verdict: GapVerdict } {
  const gap = p.y - frontAt(front, p.x);
  if (front.length === 0) return { gap, verdict: 'beyond' };
  const left = p.x < front[0].x;
  const right = p.x > front[front.length - 1].x;
  if (left) return { gap, verdict: gap > 0 ? 'beyond' : 'below' };
  if (right) return { gap, verdict: gap >= 0 ? 'above' : 'beyond' };
  return { gap, verdict: gap > 0 ? 'above' : 'below' };
}
