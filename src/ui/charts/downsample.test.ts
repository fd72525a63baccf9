import { describe, expect, it } from 'vitest';
import { downsample } from './downsample';

const pts = (n: number) => Array.from({ length: n }, (_, i) => ({ x: i, y: Math.sin(i / 10) }));

describe('downsample', () => {
  it('returns short series unchanged', () => {
    const rows = pts(50);
    expect(downsample(rows, 100, (r) => r.x, (r) => r.y)).toEqual(rows);
  });

  it('returns exactly max points, keeping the first and the last, in x order', () => {
    const rows = pts(5000);
    const out = downsample(rows, 300, (r) => r.x, (r) => r.y);
    expect(out).toHaveLength(300);
    expect(out[0]).toBe(rows[0]);
    expect(out[299]).toBe(rows[4999]);
    for (let i = 1; i < out.length; i++) expect(out[i].x).toBeGreaterThan(out[i - 1].x);
  });

  it('keeps a lone spike that a plain stride would drop', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => ({ x: i, y: i === 503 ? 100 : 0 }));
    const out = downsample(rows, 50, (r) => r.x, (r) => r.y);
    expect(out.some((r) => r.y === 100)).toBe(true);
  });
});
