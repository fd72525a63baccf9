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

  it('splits each held-out user’s items seen in training into disjoint fold-in and target, about 80/20, both non-empty', () => {
    const s = strongSplit(x, new Rng(7), { heldOutUsers: 0.2 });
    const seen = new Set(s.train.indices);
    let target = 0;
    let total = 0;
    let dropped = 0;
    for (const part of [s.validation, s.test]) {
      const members = new Set(part.users);
      for (let u = 0; u < x.numUsers; u++) {
        const f = Array.from(userItems(part.foldIn, u));
        const t = Array.from(userItems(part.target, u));
        if (!members.has(u)) {
          expect(f.length + t.length).toBe(0);
          continue;
        }
        const all = Array.from(userItems(x, u));
        const kept = all.filter((i) => seen.has(i));
        dropped += all.length - kept.length;
        expect(sorted([...f, ...t])).toEqual(kept);
        expect(f.filter((i) => t.includes(i))).toEqual([]);
        expect(f.length).toBeGreaterThanOrEqual(1);
        expect(t.length).toBe(kept.length >= 5 ? Math.floor(kept.length * 0.2 + 1e-9) : 0);
        target += t.length;
        total += f.length + t.length;
      }
    }
    expect(s.unseenDropped).toBe(dropped);
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

  // Three users take part (u3 has 4 < 5 items, u4 none); one trains, one validates, one is tested. Whichever
  // user trains decides which items are "seen", and by hand:
  //   train u0 (items 0–9):           u1 keeps 0–4 (drops 10, 11): 5 kept → ⌊5 · 0.2⌋ = 1 target, 4 fold-in;
  //                                   u2 keeps 5–9 (drops 10): 5 kept → 1 target, 4 fold-in.
  //   train u1 (items 0–4, 10, 11):   u0 keeps 0–4 → 1 target, 4 fold-in; u2 keeps only 10 → fold-in [10], no target.
  //   train u2 (items 5–10):          u0 keeps 5–9 → 1 target, 4 fold-in; u1 keeps only 10 → fold-in [10], no target.
  const invented = fromUserLists(
    [
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
      [0, 1, 2, 3, 4, 10, 11],
      [5, 6, 7, 8, 9, 10],
      [0, 1, 2, 3],
      [],
    ],
    12,
  );
  const byHand: Record<number, Record<number, { kept: number[]; target: number; dropped: number }>> = {
    0: { 1: { kept: [0, 1, 2, 3, 4], target: 1, dropped: 2 }, 2: { kept: [5, 6, 7, 8, 9], target: 1, dropped: 1 } },
    1: { 0: { kept: [0, 1, 2, 3, 4], target: 1, dropped: 5 }, 2: { kept: [10], target: 0, dropped: 5 } },
    2: { 0: { kept: [5, 6, 7, 8, 9], target: 1, dropped: 5 }, 1: { kept: [10], target: 0, dropped: 6 } },
  };

  it('leaves out users with fewer than 5 items, drops items no training user clicked, and gives a target only to users with 5 kept items', () => {
    const trainedBy = new Set<number>();
    for (let seed = 1; seed <= 40; seed++) {
      const s = strongSplit(invented, new Rng(seed), { heldOutUsers: 1, validationUsers: 1 });
      expect(Array.from(s.excludedUsers)).toEqual([3, 4]);
      expect(s.trainUsers.length).toBe(1);
      const trainer = s.trainUsers[0];
      trainedBy.add(trainer);
      expect(rows(s.train)[trainer]).toEqual(rows(invented)[trainer]);
      expect(nnz(s.train)).toBe(nnz(fromUserLists([rows(invented)[trainer]], 12)));
      let dropped = 0;
      for (const part of [s.validation, s.test]) {
        expect(part.users.length).toBe(1);
        const u = part.users[0];
        const want = byHand[trainer][u];
        const f = rows(part.foldIn)[u];
        const t = rows(part.target)[u];
        expect(sorted([...f, ...t])).toEqual(want.kept);
        expect(t.length).toBe(want.target);
        dropped += want.dropped;
        for (const v of [3, 4]) expect(rows(part.foldIn)[v].length + rows(part.target)[v].length).toBe(0);
      }
      expect(s.unseenDropped).toBe(dropped);
    }
    // The 40 seeds drew each of the three possible training users at least once.
    expect([...trainedBy].sort()).toEqual([0, 1, 2]);
  });

  // Every user clicks the same n items, so whoever trains has seen them all; the target is the reference's
  // int(0.2 · n): 5 → 1, 8 → 1 (rounding would give 2), 9 → 1, 10 → 2, 14 → 2 (rounding: 3), 15 → 3.
  it.each([
    [5, 1],
    [8, 1],
    [9, 1],
    [10, 2],
    [14, 2],
    [15, 3],
  ])('holds out ⌊0.2 · n⌋ of a held-out user’s n = %i items: %i', (n, want) => {
    const same = fromUserLists(Array.from({ length: 3 }, () => Array.from({ length: n }, (_, i) => i)), n);
    const s = strongSplit(same, new Rng(1), { heldOutUsers: 1, validationUsers: 1 });
    for (const part of [s.validation, s.test]) {
      const u = part.users[0];
      expect(rows(part.target)[u].length).toBe(want);
      expect(rows(part.foldIn)[u].length).toBe(n - want);
    }
  });

  it('with minItems 1 keeps a one-item user: held out, it gets the item as fold-in and no target', () => {
    // Users 1 and 2 click 1, 2, 4; when user 0 (item 4 only) is the test user, both others train and 4 is seen.
    const small = fromUserLists([[4], [1, 2, 4], [1, 2, 4], []], 5);
    let cases = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const s = strongSplit(small, new Rng(seed), { heldOutUsers: 1, validationUsers: 0, minItems: 1 });
      expect(Array.from(s.excludedUsers)).toEqual([3]);
      if (s.test.users[0] !== 0) continue;
      cases++;
      expect(rows(s.test.foldIn)[0]).toEqual([4]);
      expect(rows(s.test.target)[0]).toEqual([]);
    }
    expect(cases).toBeGreaterThan(0);
  });

  it('rejects sizes it cannot honour, naming the value', () => {
    expect(() => strongSplit(x, new Rng(1), { heldOutUsers: 60 })).toThrow(/^OL107: 60 test \+ 60 validation users exceed the 100 users of the data with at least 5 items/);
    expect(() => strongSplit(x, new Rng(1), { heldOutUsers: 0.1, minItems: 0 })).toThrow(/minItems/);
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
