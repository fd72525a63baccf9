import { describe, expect, it } from 'vitest';
import { frontGap, handFront, methodPath, objectivePaths, verdictOf, type TracedRun } from './paths';

const axes = { x: 'ild', y: 'precision' };
const hand = (wRelevance: number, wDiversity: number, ild: number, precision: number, more: Partial<TracedRun> = {}): TracedRun => ({
  label: `w=${wRelevance}`,
  kind: 'hand',
  config: { method: 'rc', wRelevance, wDiversity, wNovelty: 0 },
  epochs: [{ ild: 0.5, precision: 0.1 }, { ild, precision }],
  completed: true,
  ...more,
});

describe('the hand-weight front', () => {
  it('is each completed hand run at its final values, ordered by the weight on relevance', () => {
    const runs = [hand(1, 0, 0.4, 0.3), hand(0, 1, 0.9, 0.1), hand(0.3, 0.3, 0.7, 0.2)];
    expect(handFront(runs, axes)).toEqual([
      { label: 'w=0', w: 0, x: 0.9, y: 0.1 },
      { label: 'w=0.3', w: 0.5, x: 0.7, y: 0.2 },
      { label: 'w=1', w: 1, x: 0.4, y: 0.3 },
    ]);
  });

  it('leaves out runs that did not complete, weigh novelty, or are not hand weights', () => {
    const runs = [
      hand(1, 0, 0.4, 0.3),
      hand(0.5, 0.5, 0.6, 0.2, { completed: false }),
      hand(0.4, 0.4, 0.6, 0.2, { config: { wRelevance: 0.4, wDiversity: 0.4, wNovelty: 0.2 } }),
      hand(0.5, 0.5, 0.6, 0.2, { kind: 'automatic' }),
    ];
    expect(handFront(runs, axes).map((p) => p.label)).toEqual(['w=1']);
  });
});

describe('a method path', () => {
  it('is its evaluations in order, skipping one that lacks a value', () => {
    expect(methodPath([{ ild: 0.5, precision: 0.1 }, { ild: 0.6 }, { ild: 0.7, precision: 0.2 }], axes)).toEqual([
      { x: 0.5, y: 0.1 },
      { x: 0.7, y: 0.2 },
    ]);
  });
});

describe('the gap between a point and the front line', () => {
  // The line from (0, 2) to (2, 0): spans 2 on both axes.
  const line = [
    { x: 0, y: 2 },
    { x: 2, y: 0 },
  ];

  it('is positive inside: the middle of the line (1, 1) beats (0.5, 0.5) by 0.5 on both axes = 0.25 spans', () => {
    expect(frontGap({ x: 0.5, y: 0.5 }, line)).toBeCloseTo(0.25, 12);
  });

  it('counts the points between two hand runs: neither end beats (0.5, 0.5) on both axes, the middle does', () => {
    expect(Math.min((0 - 0.5) / 2, (2 - 0.5) / 2)).toBe(-0.25); // the end (0, 2), by hand
    expect(frontGap({ x: 0.5, y: 0.5 }, line)).toBeGreaterThan(0);
    expect(frontGap({ x: 0.5, y: 0.5 }, [line[0]])).toBeCloseTo(-0.5, 12); // that end alone: its spans are 1
  });

  it('is negative beyond: (1.5, 1.5) must move 0.5 down-left on both axes (0.25 spans) to touch the line', () => {
    expect(frontGap({ x: 1.5, y: 1.5 }, line)).toBeCloseTo(-0.25, 12);
  });

  it('is 0 on the line', () => {
    expect(frontGap({ x: 1, y: 1 }, line)).toBeCloseTo(0, 12);
    expect(frontGap({ x: 2, y: 0 }, line)).toBeCloseTo(0, 12);
  });

  it('measures each axis in its own span: (0.25, 0.05) under the line (0, 0.2)–(1, 0) is 0.25 spans inside', () => {
    expect(frontGap({ x: 0.25, y: 0.05 }, [{ x: 0, y: 0.2 }, { x: 1, y: 0 }])).toBeCloseTo(0.25, 12);
  });

  it('is NaN without a front', () => {
    expect(frontGap({ x: 1, y: 1 }, [])).toBeNaN();
  });
});

describe('the verdict', () => {
  it('calls a gap within the tolerance on the front', () => {
    expect([verdictOf(0.2), verdictOf(0.01), verdictOf(-0.01), verdictOf(-0.2), verdictOf(NaN)]).toEqual(['inside', 'on', 'on', 'beyond', undefined]);
    expect(verdictOf(0.04, 0.03)).toBe('inside');
  });
});

describe('the path view', () => {
  it('draws every completed automatic run start to end and places its end against the hand front', () => {
    const runs: TracedRun[] = [
      hand(0, 1, 2, 0),
      hand(1, 0, 0, 2),
      { label: 'DVAO', kind: 'automatic', config: { method: 'dvao' }, epochs: [{ ild: 0.2, precision: 0.2 }, { ild: 0.5, precision: 0.5 }], completed: true },
      { label: 'UW', kind: 'automatic', config: { method: 'uw' }, epochs: [{ ild: 0.2, precision: 0.2 }, { ild: 1.5, precision: 1.5 }], completed: true },
      { label: 'GDPO', kind: 'automatic', config: { method: 'gdpo' }, epochs: [{ ild: 0.2, precision: 0.2 }], completed: false },
      { label: 'RC consumption', kind: 'consumption', config: { method: 'rc' }, epochs: [{ ild: 1, precision: 1 }], completed: true },
    ];
    const v = objectivePaths(runs, axes);
    expect(v.front.map((p) => [p.x, p.y])).toEqual([
      [2, 0],
      [0, 2],
    ]);
    expect(v.paths.map((p) => [p.label, p.method, p.points.length, p.verdict])).toEqual([
      ['DVAO', 'dvao', 2, 'inside'],
      ['UW', 'uw', 2, 'beyond'],
    ]);
    expect(v.paths[0].gap).toBeCloseTo(0.25, 12);
    expect(v.paths[1].gap).toBeCloseTo(-0.25, 12);
  });
});
