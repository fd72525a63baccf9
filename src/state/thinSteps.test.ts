import { describe, expect, it } from 'vitest';
import { appendThinned, EMPTY_SERIES, type ThinnedSeries } from './thinSteps';

const steps = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const oneByOne = (xs: number[], max: number) => xs.reduce<ThinnedSeries<number>>((s, x) => appendThinned(s, [x], max), EMPTY_SERIES);

describe('appendThinned', () => {
  it('keeps every event while under the bound', () => {
    expect(appendThinned(EMPTY_SERIES, steps(1, 4), 4)).toEqual({ items: [1, 2, 3, 4], stride: 1, seen: 4 });
  });

  it('drops every other event and doubles the stride when the bound is passed', () => {
    // Step 5 is the fifth of at most 4: steps 1, 3, 5 stay (indices 0, 2, 4), stride 2.
    expect(appendThinned(EMPTY_SERIES, steps(1, 5), 4)).toEqual({ items: [1, 3, 5], stride: 2, seen: 5 });
  });

  it('keeps the latest event off the grid and replaces it with the next one', () => {
    // After 1, 3, 5 (stride 2): 6 is off the grid but the latest, so kept; 7 is on the grid and replaces it.
    expect(oneByOne(steps(1, 6), 4)).toEqual({ items: [1, 3, 5, 6], stride: 2, seen: 6 });
    expect(oneByOne(steps(1, 7), 4)).toEqual({ items: [1, 3, 5, 7], stride: 2, seen: 7 });
  });

  it('thins again on the next overflow: 10 steps under a bound of 4 keep 1, 5, 9 and the latest, 10', () => {
    // 8 overflows [1, 3, 5, 7, 8] → [1, 5, 8] (stride 4); 9 is on the grid and replaces 8; 10 is the latest.
    expect(oneByOne(steps(1, 8), 4)).toEqual({ items: [1, 5, 8], stride: 4, seen: 8 });
    expect(oneByOne(steps(1, 10), 4)).toEqual({ items: [1, 5, 9, 10], stride: 4, seen: 10 });
  });

  it('gives the same series whether events come one by one or in batches', () => {
    const xs = steps(1, 1000);
    const batched = [xs.slice(0, 7), xs.slice(7, 300), xs.slice(300, 301), xs.slice(301)].reduce<ThinnedSeries<number>>((s, b) => appendThinned(s, b, 64), EMPTY_SERIES);
    expect(batched).toEqual(oneByOne(xs, 64));
  });

  it('holds the bound over a long run, evenly spaced, with the latest event kept', () => {
    const max = 10_000;
    let s: ThinnedSeries<number> = EMPTY_SERIES;
    for (let b = 0; b < 100; b++) s = appendThinned(s, steps(b * 1234 + 1, (b + 1) * 1234), max);
    expect(s.seen).toBe(123_400);
    expect(s.items.length).toBeLessThanOrEqual(max);
    expect(s.items.length).toBeGreaterThan(max / 2);
    expect(s.items.at(-1)).toBe(123_400);
    const grid = s.items.slice(0, -1);
    expect(grid.every((x, i) => x === 1 + i * s.stride)).toBe(true);
  });

  it('leaves the series it was given alone', () => {
    const s = appendThinned(EMPTY_SERIES, [1, 2, 3, 4], 4);
    appendThinned(s, [5], 4);
    expect(s.items).toEqual([1, 2, 3, 4]);
    expect(appendThinned(s, [], 4)).toBe(s);
  });
});
