import { describe, expect, it } from 'vitest';
import { frontAt, gapToFront, upperFront } from './frontGap';

// Three front points and one they dominate: (0.3, 0.3) is beaten by (0.4, 0.4) on both axes.
const POINTS = [
  { x: 0.6, y: 0.2 },
  { x: 0.2, y: 0.5 },
  { x: 0.3, y: 0.3 },
  { x: 0.4, y: 0.4 },
];

describe('the balancing front', () => {
  it('keeps the non-dominated points, left to right', () => {
    expect(upperFront(POINTS)).toEqual([
      { x: 0.2, y: 0.5 },
      { x: 0.4, y: 0.4 },
      { x: 0.6, y: 0.2 },
    ]);
  });

  it('interpolates linearly between front points and holds the ends outside them', () => {
    const f = upperFront(POINTS);
    // Halfway from (0.4, 0.4) to (0.6, 0.2): 0.3.
    expect(frontAt(f, 0.5)).toBeCloseTo(0.3, 12);
    // A quarter of the way from (0.2, 0.5) to (0.4, 0.4): 0.475.
    expect(frontAt(f, 0.25)).toBeCloseTo(0.475, 12);
    expect(frontAt(f, 0.1)).toBe(0.5);
    expect(frontAt(f, 0.9)).toBe(0.2);
    expect(frontAt([], 0.5)).toBeNaN();
  });
});

describe('a point against the front', () => {
  const f = upperFront(POINTS);
  it('is above when more accurate than the front at its diversity', () => {
    const r = gapToFront(f, { x: 0.5, y: 0.35 });
    expect(r.gap).toBeCloseTo(0.05, 12);
    expect(r.verdict).toBe('above');
  });
  it('is below when the front at its diversity is more accurate', () => {
    const r = gapToFront(f, { x: 0.3, y: 0.3 });
    expect(r.gap).toBeCloseTo(0.3 - 0.45, 12);
    expect(r.verdict).toBe('below');
  });
  it('left of the front: below when its left end dominates it, beyond when it is more accurate but less diverse', () => {
    expect(gapToFront(f, { x: 0.1, y: 0.45 }).verdict).toBe('below');
    expect(gapToFront(f, { x: 0.1, y: 0.6 })).toEqual({ gap: expect.closeTo(0.1, 12), verdict: 'beyond' });
  });
  it('right of the front: above when it beats the most diverse point, beyond when it trades accuracy for diversity', () => {
    expect(gapToFront(f, { x: 0.7, y: 0.25 })).toEqual({ gap: expect.closeTo(0.05, 12), verdict: 'above' });
    expect(gapToFront(f, { x: 0.7, y: 0.1 }).verdict).toBe('beyond');
  });
});
