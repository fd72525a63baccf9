// Keeps a run's step events within a bound by thinning them evenly, the latest one always kept.

/**
 * A bounded series: the events that arrived at index 0, stride, 2·stride, … (counting every event the run sent,
 * from 0) plus, when it is not one of those, the latest event. `seen` counts every event that arrived.
 */
export interface ThinnedSeries<T> {
  items: T[];
  stride: number;
  seen: number;
}

export const EMPTY_SERIES: ThinnedSeries<never> = { items: [], stride: 1, seen: 0 };

/**
 * Appends `incoming` to `series`, keeping at most `max` items (`max` ≥ 2): each time the bound is passed, every
 * other kept event is dropped and the stride doubles, so what is kept stays evenly spaced over the whole run and
 * the latest event (progress, the last value) is exact. Returns a new series; `series` is not changed.
 */
export function appendThinned<T>(series: ThinnedSeries<T>, incoming: readonly T[], max: number): ThinnedSeries<T> {
  if (incoming.length === 0) return series;
  let { stride, seen } = series;
  let items = series.items.slice();
  for (const e of incoming) {
    // The previous latest event was kept only for being the latest: the new one takes its place.
    if (seen > 0 && (seen - 1) % stride !== 0) items.pop();
    items.push(e);
    seen++;
    if (items.length > max) {
      // Kept events sit at positions 0, 1, 2, … of the grid: the even ones are on the doubled grid.
      items = items.filter((_, k) => k % 2 === 0 || k === items.length - 1);
      stride *= 2;
    }
  }
  return { items, stride, seen };
}
