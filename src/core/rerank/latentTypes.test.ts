import { describe, expect, it } from 'vitest';
import { Rng } from '../random/rng';
import { itemClusters } from './latentTypes';

describe('itemClusters (spherical k-means of item vectors)', () => {
  it('recovers three well-separated directions whatever the vectors’ lengths', () => {
    const rng = new Rng(5);
    const dirs = [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ];
    const truth: number[] = [];
    const v: number[] = [];
    for (let i = 0; i < 60; i++) {
      const c = i % 3;
      truth.push(c);
      const len = 0.1 + 5 * rng.float();
      v.push(...dirs[c].map((x) => len * (x + 0.05 * rng.normal())));
    }
    const { types, sizes } = itemClusters(Float32Array.from(v), 60, 3, 3, new Rng(1));
    expect(Array.from(sizes).sort()).toEqual([20, 20, 20]);
    // Same partition as the truth (labels may be permuted): items with the same true direction share a cluster.
    for (let i = 0; i < 60; i++) for (let j = 0; j < 60; j++) expect(types[i][0] === types[j][0]).toBe(truth[i] === truth[j]);
    expect(types.every((t) => t.length === 1)).toBe(true);
  });

  it('caps k at the number of items, and checks its arguments', () => {
    const { sizes } = itemClusters(Float32Array.from([1, 0, 0, 1]), 2, 2, 5, new Rng(1));
    expect(sizes.length).toBe(2);
    expect(() => itemClusters(new Float32Array(4), 2, 2, 0, new Rng(1))).toThrow(/cluster count/);
    expect(() => itemClusters(new Float32Array(3), 2, 2, 2, new Rng(1))).toThrow(/expected 2 × 2/);
  });
});
