import { describe, expect, it } from 'vitest';
import { paretoFront } from './pareto';

const hh = { x: 'higher', y: 'higher' } as const;

describe('paretoFront', () => {
  it('keeps a single point', () => {
    expect(paretoFront([{ x: 1, y: 1 }], hh)).toEqual([0]);
    expect(paretoFront([], hh)).toEqual([]);
  });

  it('keeps only the point that dominates all others', () => {
    const pts = [{ x: 1, y: 1 }, { x: 3, y: 3 }, { x: 2, y: 0 }, { x: 3, y: 2 }];
    expect(paretoFront(pts, hh)).toEqual([1]);
  });

  it('keeps a trade-off curve and drops the points under it', () => {
    const pts = [{ x: 0.1, y: 0.9 }, { x: 0.5, y: 0.5 }, { x: 0.9, y: 0.1 }, { x: 0.4, y: 0.4 }, { x: 0.2, y: 0.9 }];
    expect(paretoFront(pts, hh)).toEqual([1, 2, 4]);
  });

  it('keeps every copy of a non-dominated duplicate, and drops dominated duplicates', () => {
    const pts = [{ x: 1, y: 2 }, { x: 1, y: 2 }, { x: 0, y: 0 }, { x: 0, y: 0 }];
    expect(paretoFront(pts, hh)).toEqual([0, 1]);
  });

  it('counts an equal value on one axis and a better one on the other as dominating', () => {
    expect(paretoFront([{ x: 1, y: 1 }, { x: 1, y: 2 }], hh)).toEqual([1]);
  });

  it('respects lower-is-better on either axis', () => {
    const pts = [{ x: 1, y: 1 }, { x: 2, y: 2 }, { x: 1, y: 3 }];
    expect(paretoFront(pts, { x: 'lower', y: 'lower' })).toEqual([0]);
    expect(paretoFront(pts, { x: 'lower', y: 'higher' })).toEqual([2]);
    expect(paretoFront(pts, { x: 'higher', y: 'lower' })).toEqual([0, 1]);
  });

  it('leaves points with a non-finite coordinate off the front, and they dominate nothing', () => {
    const pts = [{ x: NaN, y: 5 }, { x: 1, y: 1 }, { x: Infinity, y: Infinity }];
    expect(paretoFront(pts, hh)).toEqual([1]);
  });
});
