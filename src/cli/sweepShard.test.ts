import { describe, expect, it } from 'vitest';
import type { Dataset } from '../core/data/dataset';
import { dataFingerprint, gridFingerprint, shardPositions } from './sweepShard';

describe('shardPositions', () => {
  it('deals the runs round-robin: shard i of n takes runs i, i+n, i+2n, …', () => {
    expect(shardPositions(7, { index: 0, count: 3 })).toEqual([0, 3, 6]);
    expect(shardPositions(7, { index: 1, count: 3 })).toEqual([1, 4]);
    expect(shardPositions(7, { index: 2, count: 3 })).toEqual([2, 5]);
    expect(shardPositions(2, { index: 3, count: 4 })).toEqual([]);
  });

  it('cuts any grid into disjoint shards that together hold every run once', () => {
    for (const total of [0, 1, 5, 12]) {
      for (const count of [1, 2, 3, 7]) {
        const all = Array.from({ length: count }, (_, index) => shardPositions(total, { index, count })).flat();
        expect(all.sort((a, b) => a - b)).toEqual(Array.from({ length: total }, (_, j) => j));
      }
    }
  });
});

describe('gridFingerprint', () => {
  it('is the same for the same configs in the same order, and changes with a value or the order', () => {
    const a = [{ epochs: 1, seed: 42 }, { epochs: 2, seed: 42 }];
    expect(gridFingerprint(a)).toBe(gridFingerprint(JSON.parse(JSON.stringify(a))));
    expect(gridFingerprint(a)).not.toBe(gridFingerprint([a[1], a[0]]));
    expect(gridFingerprint(a)).not.toBe(gridFingerprint([{ epochs: 1, seed: 43 }, a[1]]));
  });
});

describe('dataFingerprint', () => {
  const data = (indices: number[], ratings?: number[]) =>
    ({ userIds: ['u1', 'u2'], itemIds: ['a', 'b'], interactions: { numUsers: 2, numItems: 2, indptr: Int32Array.from([0, 1, 2]), indices: Int32Array.from(indices) }, ...(ratings ? { ratings: Float32Array.from(ratings) } : {}) }) as unknown as Dataset;

  it('tells two imports apart by their interactions or ratings, and agrees on two copies of the same', () => {
    expect(dataFingerprint(data([0, 1]))).toBe(dataFingerprint(data([0, 1])));
    expect(dataFingerprint(data([0, 1]))).not.toBe(dataFingerprint(data([1, 0])));
    expect(dataFingerprint(data([0, 1], [4, 5]))).not.toBe(dataFingerprint(data([0, 1], [4, 4])));
  });
});
