import { describe, expect, it } from 'vitest';
import { placeLabels } from './labelPlacement';
import { percentChange, sharedRange, signedPercent } from './relativeScale';

const opts = { width: 300, height: 200, charWidth: 6, lineHeight: 10, pointRadius: 5 };

describe('label placement', () => {
  it('puts a lone label above its point', () => {
    expect(placeLabels([{ px: 100, py: 100, text: 'DVAO', priority: 0 }], opts)).toEqual([{ dx: 0, dy: -8, anchor: 'middle' }]);
  });

  it('moves the second of two close labels so the boxes do not overlap', () => {
    const pts = [
      { px: 100, py: 100, text: 'DVAO', priority: 0 },
      { px: 104, py: 100, text: 'GDPO', priority: 1 },
    ];
    const [a, b] = placeLabels(pts, opts);
    expect(a).toEqual({ dx: 0, dy: -8, anchor: 'middle' });
    // Above is taken by DVAO (x 88–112) and the point at 100 blocks nothing below: GDPO goes below.
    expect(b).toEqual({ dx: 0, dy: 16, anchor: 'middle' });
  });

  it('places the higher-priority label first and leaves off a label with no free spot', () => {
    // Twelve labels on one spot and eight candidate spots: some labels cannot be placed.
    const pts = Array.from({ length: 12 }, (_, i) => ({ px: 150, py: 100, text: `R${i}xx`, priority: 12 - i }));
    const out = placeLabels(pts, opts);
    expect(out[11]).toEqual({ dx: 0, dy: -8, anchor: 'middle' });
    expect(out.filter((p) => p === null).length).toBeGreaterThan(0);
  });

  it('keeps labels inside the plot', () => {
    const [p] = placeLabels([{ px: 2, py: 2, text: 'edge', priority: 0 }], opts);
    // Above would leave the plot and centred below would cross the left edge: below-right is the first that fits.
    expect(p).toEqual({ dx: 6, dy: 14, anchor: 'start' });
  });
});

describe('relative scale', () => {
  it('gives the % change from the reference', () => {
    expect(percentChange(0.73, 1)).toBeCloseTo(-27, 10);
    expect(percentChange(0.5, 0)).toBeNaN();
  });
  it('shares one range in whole steps with 0 inside', () => {
    expect(sharedRange([-27, -8, 3])).toEqual([-30, 5]);
    expect(sharedRange([-10, 0])).toEqual([-15, 5]);
  });
  it('writes signed percentages', () => {
    expect(signedPercent(-27.4)).toBe('−27%');
    expect(signedPercent(3.6)).toBe('+4%');
    expect(signedPercent(0.2)).toBe('0%');
  });
});
