import { describe, expect, it } from 'vitest';
import { tradeoffRows } from './tradeoff';

describe('the one-screen trade-off', () => {
  it('gives each accuracy as % change from the w = 1 point, from w = 1 down', () => {
    const rows = tradeoffRows([
      { w: 0, ild: 0.9, precision: 0.2, hit: 0.72 },
      { w: 1, ild: 0.6, precision: 0.4, hit: 0.8 },
      { w: 0.5, ild: 0.7, precision: 0.3, hit: 0.8 },
    ]);
    expect(rows.map((r) => r.w)).toEqual([1, 0.5, 0]);
    // 0.2 / 0.4 − 1 = −50%; 0.72 / 0.8 − 1 = −10%.
    expect(rows[2].precision).toBeCloseTo(-50, 10);
    expect(rows[2].hit).toBeCloseTo(-10, 10);
    expect(rows[0]).toEqual({ w: 1, x: 0.6, precision: 0, hit: 0 });
  });
  it('is empty without the w = 1 point', () => {
    expect(tradeoffRows([{ w: 0, ild: 0.9, precision: 0.2, hit: 0.7 }])).toEqual([]);
  });
});
