import { describe, expect, it } from 'vitest';
import { Rng } from './rng';

describe('Rng', () => {
  it('gives the same sequence for the same seed', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const xs = Array.from({ length: 100 }, () => a.uint32());
    const ys = Array.from({ length: 100 }, () => b.uint32());
    expect(xs).toEqual(ys);
  });

  it('gives different sequences for different seeds', () => {
    expect(new Rng(1).uint32()).not.toBe(new Rng(2).uint32());
  });

  it('draws floats in [0, 1) with a mean near ½', () => {
    const r = new Rng(7);
    let sum = 0;
    for (let i = 0; i < 20000; i++) {
      const x = r.float();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      sum += x;
    }
    expect(sum / 20000).toBeCloseTo(0.5, 1);
  });

  it('draws integers below n, each value reachable', () => {
    const r = new Rng(3);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(r.int(5));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('draws normals with mean ≈ 0 and variance ≈ 1', () => {
    const r = new Rng(11);
    const n = 20000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const x = r.normal();
      s += x;
      s2 += x * x;
    }
    expect(s / n).toBeCloseTo(0, 1);
    expect(s2 / n).toBeCloseTo(1, 1);
  });

  it('shuffles to a permutation, reproducibly', () => {
    const a = new Rng(5).shuffle([0, 1, 2, 3, 4, 5, 6, 7]);
    const b = new Rng(5).shuffle([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(a).toEqual(b);
    expect([...a].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('forks children that depend on the label and on the parent seed', () => {
    const x = new Rng(9).fork('init').uint32();
    expect(new Rng(9).fork('init').uint32()).toBe(x);
    expect(new Rng(9).fork('split').uint32()).not.toBe(x);
    expect(new Rng(10).fork('init').uint32()).not.toBe(x);
  });

  it('samples categories in proportion to their weights', () => {
    const r = new Rng(13);
    const counts = [0, 0, 0];
    for (let i = 0; i < 30000; i++) counts[r.categorical([1, 2, 7])]++;
    expect(counts[0] / 30000).toBeCloseTo(0.1, 1);
    expect(counts[2] / 30000).toBeCloseTo(0.7, 1);
  });
});
