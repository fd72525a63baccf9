import { describe, expect, it } from 'vitest';
import { Rng } from '../random/rng';
import { fromUserLists, nnz, userItems, type Interactions } from './dataset';
import { leaveOneOut, strongSplit, weakSplit } from './split';
import { builtinDataset } from './synthetic';

const rows = (x: Interactions) => Array.from({ length: x.numUsers }, (_, u) => Array.from(userItems(x, u)));
const sorted = (a: number[]) => [...a].sort((p, q) => p - q);

describe('strongSplit (Mult-VAE strong generalisation)', () => {
  const x = builtinDataset('tiny').interactions;

  it('puts every user in exactly one of train, validation and test, with the requested sizes', () => {
    const s = strongSplit(x, new Rng(7), { heldOutUsers: 0.1, validationUsers: 15 });
    const all = [...s.trainUsers, ...s.validation.users, ...s.test.users];
    expect(sorted(all)).toEqual(Array.from({ length: x.numUsers }, (_, u) => u));
    expect(s.test.users.length).toBe(10);
    expect(s.validation.users.length).toBe(15);
    expect(s.trainUsers.length).toBe(75);
    for (const ids of [s.trainUsers, s.validation.users, s.test.users]) expect(Array.from(ids)).toEqual(sorted(Array.from(ids)));
  });

  it('trains on all items of training users and nothing of held-out users', () => {
    const s = strongSplit(x, new Rng(7), { heldOutUsers: 0.1 });
    const train = new Set(s.trainUsers);
    for (let u = 0; u < x.numUsers; u++) {
      expect(Array.from(userItems(s.train, u))).toEqual(train.has(u) ? Array.from(userItems(x, u)) : []);
    }
    expect(s.train.numUsers).toBe(x.numUsers);
    expect(s.train.numItems).toBe(x.numItems);
  });

  it('splits each held-out user’s items into disjoint fold-in and target, about 80/20, both non-empty', () => {
    const s = strongSplit(x, new Rng(7), { heldOutUsers: 0.2 });
    let target = 0;
    let total = 0;
    for (const part of [s.validation, s.test]) {
      const members = new Set(part.users);
      for (let u = 0; u < x.numUsers; u++) {
        const f = Array.from(userItems(part.foldIn, u));
        const t = Array.from(userItems(part.target, u));
        if (!members.has(u)) {
          expect(f.length + t.length).toBe(0);
          continue;
        }
        expect(sorted([...f, ...t])).toEqual(Array.from(userItems(x, u)));
        expect(f.filter((i) => t.includes(i))).toEqual([]);
        expect(f.length).toBeGreaterThanOrEqual(1);
        expect(t.length).toBeGreaterThanOrEqual(1);
        target += t.length;
        total += f.length + t.length;
      }
    }
    expect(target / total).toBeCloseTo(0.2, 1);
  });

  it('is identical with the same seed and different with another', () => {
    const a = strongSplit(x, new Rng(3), { heldOutUsers: 0.1 });
    const b = strongSplit(x, new Rng(3), { heldOutUsers: 0.1 });
    const c = strongSplit(x, new Rng(4), { heldOutUsers: 0.1 });
    expect(b.test.users).toEqual(a.test.users);
    expect(b.test.target.indices).toEqual(a.test.target.indices);
    expect(b.validation.foldIn.indices).toEqual(a.validation.foldIn.indices);
    expect(c.test.users).not.toEqual(a.test.users);
  });

  it('keeps the user groups when only the fold-in fraction changes, and the test users when only validation size changes', () => {
    const a = strongSplit(x, new Rng(5), { heldOutUsers: 10, validationUsers: 10 });
    const b = strongSplit(x, new Rng(5), { heldOutUsers: 10, validationUsers: 10, foldInFraction: 0.5 });
    const c = strongSplit(x, new Rng(5), { heldOutUsers: 10, validationUsers: 0 });
    expect(b.test.users).toEqual(a.test.users);
    expect(b.validation.users).toEqual(a.validation.users);
    expect(c.test.users).toEqual(a.test.users);
    expect(c.validation.users.length).toBe(0);
    expect(nnz(c.validation.foldIn)).toBe(0);
  });

  it('gives a held-out user with one item that item as fold-in and an empty target', () => {
    const small = fromUserLists([[4], [1, 2], []], 5);
    const s = strongSplit(small, new Rng(1), { heldOutUsers: 3, validationUsers: 0 });
    expect(rows(s.test.foldIn)[0]).toEqual([4]);
    expect(rows(s.test.target)[0]).toEqual([]);
    expect(rows(s.test.foldIn)[1].length).toBe(1);
    expect(rows(s.test.target)[1].length).toBe(1);
    expect(rows(s.test.foldIn)[2]).toEqual([]);
    expect(nnz(s.train)).toBe(0);
  });

  it('rejects sizes it cannot honour, naming the value', () => {
    expect(() => strongSplit(x, new Rng(1), { heldOutUsers: 60 })).toThrow(/^OL107: 60 test \+ 60 validation/);
    expect(() => strongSplit(x, new Rng(1), { heldOutUsers: 2.5 })).toThrow(/2\.5/);
    expect(() => strongSplit(x, new Rng(1), { heldOutUsers: -0.1 })).toThrow(/-0\.1/);
    expect(() => strongSplit(x, new Rng(1), { heldOutUsers: 0.1, foldInFraction: 1 })).toThrow(/foldInFraction/);
  });
});

describe('leaveOneOut', () => {
  it('holds out the item with the latest timestamp, the later position on a tie, and carries train timestamps', () => {
    // user 0: items 1, 3, 5 at times 30, 10, 20 → 1 is last; user 1: tie at 50 between items 0 and 2 → 2;
    // user 2: a single item stays in train; user 3: empty.
    const x = fromUserLists([[1, 3, 5], [0, 2, 4], [7], []], 8);
    const ts = Float64Array.from([30, 10, 20, 50, 50, 5, 99]);
    const s = leaveOneOut(x, new Rng(1), ts);
    expect(rows(s.heldOut)).toEqual([[1], [2], [], []]);
    expect(rows(s.train)).toEqual([[3, 5], [0, 4], [7], []]);
    expect(Array.from(s.trainTimestamps!)).toEqual([10, 20, 50, 5, 99]);
  });

  it('without timestamps holds out one random item per user with at least two, reproducibly', () => {
    const x = builtinDataset('tiny').interactions;
    const s = leaveOneOut(x, new Rng(11));
    for (let u = 0; u < x.numUsers; u++) {
      const tr = Array.from(userItems(s.train, u));
      const te = Array.from(userItems(s.heldOut, u));
      expect(te.length).toBe(x.indptr[u + 1] - x.indptr[u] >= 2 ? 1 : 0);
      expect(sorted([...tr, ...te])).toEqual(Array.from(userItems(x, u)));
    }
    expect(s.trainTimestamps).toBeUndefined();
    expect(leaveOneOut(x, new Rng(11)).heldOut.indices).toEqual(s.heldOut.indices);
    expect(leaveOneOut(x, new Rng(12)).heldOut.indices).not.toEqual(s.heldOut.indices);
  });

  it('refuses timestamps that are not aligned with the interactions', () => {
    const x = fromUserLists([[0, 1]], 2);
    expect(() => leaveOneOut(x, new Rng(1), new Float64Array(3))).toThrow(/3 entries .* 2/);
  });
});

describe('weakSplit', () => {
  it('differs with another seed', () => {
    const x = builtinDataset('tiny').interactions;
    expect(weakSplit(x, new Rng(2)).heldOut.indices).not.toEqual(weakSplit(x, new Rng(1)).heldOut.indices);
  });
});
