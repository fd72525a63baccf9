import { describe, expect, it } from 'vitest';
import { Rng } from '../random/rng';
import { fromPairs, fromUserLists, itemCounts, nnz, userItems } from './dataset';
import { weakSplit } from './split';
import { builtinDataset } from './synthetic';

describe('fromUserLists', () => {
  it('builds CSR rows, sorted and without duplicates', () => {
    const x = fromUserLists([[3, 1, 3], [], [0]], 4);
    expect(Array.from(x.indptr)).toEqual([0, 2, 2, 3]);
    expect(Array.from(userItems(x, 0))).toEqual([1, 3]);
    expect(Array.from(itemCounts(x))).toEqual([1, 1, 0, 1]);
  });
});

describe('fromPairs', () => {
  it('groups pairs by user, sorts items within a user and carries aligned columns along', () => {
    const { interactions, columns } = fromPairs(3, 5, Int32Array.from([2, 0, 2, 0]), Int32Array.from([4, 3, 1, 0]), {
      ts: Float64Array.from([10, 20, 30, 40]),
    });
    expect(Array.from(interactions.indptr)).toEqual([0, 2, 2, 4]);
    expect(Array.from(interactions.indices)).toEqual([0, 3, 1, 4]);
    expect(Array.from(columns.ts)).toEqual([40, 20, 30, 10]);
  });

  it('indexes 100k interactions quickly enough to be unremarkable (no timing asserted)', () => {
    const n = 100_000;
    const users = Int32Array.from({ length: n }, (_, e) => (e * 7919) % 1000);
    const items = Int32Array.from({ length: n }, (_, e) => Math.floor(e / 1000) + 100 * ((e * 13) % 17));
    const { interactions } = fromPairs(1000, 2000, users, items);
    expect(nnz(interactions)).toBe(n);
    for (let u = 0; u < 1000; u++) {
      const row = userItems(interactions, u);
      for (let j = 1; j < row.length; j++) expect(row[j]).toBeGreaterThanOrEqual(row[j - 1]);
    }
  });
});

describe('weakSplit', () => {
  it('partitions each user’s items into train and held-out, about 80/20, reproducibly', () => {
    const x = builtinDataset('tiny').interactions;
    const s = weakSplit(x, new Rng(1));
    for (let u = 0; u < x.numUsers; u++) {
      const tr = Array.from(userItems(s.train, u));
      const te = Array.from(userItems(s.heldOut, u));
      expect([...tr, ...te].sort((a, b) => a - b)).toEqual(Array.from(userItems(x, u)));
      expect(te.length).toBeGreaterThanOrEqual(1);
      expect(tr.filter((i) => te.includes(i))).toEqual([]);
    }
    expect(nnz(s.heldOut) / nnz(x)).toBeCloseTo(0.2, 1);
    expect(weakSplit(x, new Rng(1)).heldOut.indices).toEqual(s.heldOut.indices);
  });
});
