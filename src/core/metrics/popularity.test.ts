// Hand-computed cases and invariants for average popularity, long-tail share, the tail set and EPC novelty.
import { describe, expect, it } from 'vitest';
import { averagePopularity, noveltyEPC, tailItems, tailPercentage } from './popularity';

// Training counts of items 0..4: item 1 was never seen, item 3 is the most popular.
const counts = [5, 0, 2, 9, 4];

describe('averagePopularity', () => {
  it('averages the training counts of the top k items', () => {
    // list [3, 0, 1]: k=1 → 9; k=2 → (9 + 5)/2 = 7; k=3 → (9 + 5 + 0)/3 = 14/3.
    expect(averagePopularity([3, 0, 1], counts, 1)).toBe(9);
    expect(averagePopularity([3, 0, 1], counts, 2)).toBe(7);
    expect(averagePopularity([3, 0, 1], counts, 3)).toBe(14 / 3);
  });

  it('divides by the list length when k exceeds it, and is 0 for an empty list or k < 1', () => {
    expect(averagePopularity([3, 0, 1], counts, 10)).toBe(14 / 3);
    expect(averagePopularity([], counts, 5)).toBe(0);
    expect(averagePopularity([3], counts, 0)).toBe(0);
  });

  it('counts items missing from the count table as never seen (0)', () => {
    // item 42 has no entry: (9 + 0)/2.
    expect(averagePopularity([3, 42], counts, 2)).toBe(9 / 2);
  });
});

describe('tailPercentage', () => {
  it('is the share of the top k that is in the tail, given as a predicate or as flags', () => {
    // tail = {1, 2}; list [1, 3, 2, 0]: k=1 → 1/1; k=2 → 1/2; k=3 → 2/3; k=4 → 2/4.
    const isTail = (i: number) => i === 1 || i === 2;
    const flags = [0, 1, 1, 0, 0];
    const list = [1, 3, 2, 0];
    const want = [1, 1 / 2, 2 / 3, 2 / 4];
    for (let k = 1; k <= 4; k++) {
      expect(tailPercentage(list, isTail, k)).toBe(want[k - 1]);
      expect(tailPercentage(list, flags, k)).toBe(want[k - 1]);
      expect(tailPercentage(list, Uint8Array.from(flags), k)).toBe(want[k - 1]);
    }
  });

  it('treats ids outside a flag array as not tail and is 0 for an empty list', () => {
    expect(tailPercentage([7, 1], [0, 1], 2)).toBe(1 / 2);
    expect(tailPercentage([], [1], 3)).toBe(0);
  });
});

describe('tailItems', () => {
  // Ten items; counts 0 twice (ids 1 and 4), then 1 (id 5), 2 (id 2), …
  const ten = [5, 0, 2, 9, 0, 1, 7, 3, 4, 6];

  it('flags the least popular 10% by default, breaking ties by lower item id', () => {
    // m = max(1, ⌊0.1 · 10⌋) = 1: ids 1 and 4 both have count 0 ⇒ id 1 only.
    expect(Array.from(tailItems(ten))).toEqual([0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('flags exactly max(1, ⌊share · N⌋) items', () => {
    // share 0.3 ⇒ 3 items: ids 1, 4 (count 0) and 5 (count 1).
    expect(Array.from(tailItems(ten, 0.3))).toEqual([0, 1, 0, 0, 1, 1, 0, 0, 0, 0]);
    // share 0.05 of 10 items rounds down to 0, but the tail always holds at least one item.
    expect(tailItems(ten, 0.05).reduce((s, f) => s + f, 0)).toBe(1);
    expect(tailItems(ten, 1).every((f) => f === 1)).toBe(true);
  });

  it('rejects shares outside (0, 1] and returns an empty flag array for an empty catalogue', () => {
    expect(() => tailItems(ten, 0)).toThrow(RangeError);
    expect(() => tailItems(ten, 1.5)).toThrow(RangeError);
    expect(tailItems([]).length).toBe(0);
  });
});

describe('noveltyEPC', () => {
  it('discounts 1 − pop/|U| by 1/log2(r+1) and normalises by the summed discounts', () => {
    // |U| = 10, pops of list [3, 1, 2] = 9, 0, 2 ⇒ 1 − pop/|U| = 0.1, 1, 0.8.
    // discounts 1, 1/log2 3 ≈ 0.6309297535714575, 1/2.
    // EPC@3 = (0.1 + 0.6309297535714575 + 0.4) / 2.1309297535714575 ≈ 0.5307213.
    const d2 = 1 / Math.log2(3);
    expect(noveltyEPC([3, 1, 2], counts, 10, 3)).toBeCloseTo((0.1 + d2 + 0.4) / (1 + d2 + 0.5), 12);
    expect(noveltyEPC([3, 1, 2], counts, 10, 3)).toBeCloseTo(0.5307213, 6);
    // EPC@1 = 0.1 (only the first item).
    expect(noveltyEPC([3, 1, 2], counts, 10, 1)).toBeCloseTo(0.1, 15);
  });

  it('is 1 for never-seen items, 0 for items every user saw, and in [0, 1] in between', () => {
    expect(noveltyEPC([1, 1], counts, 10, 2)).toBe(1);
    expect(noveltyEPC([0, 0], [10], 10, 2)).toBe(0);
    for (let k = 1; k <= 5; k++) {
      const v = noveltyEPC([0, 1, 2, 3, 4], counts, 10, k);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
  });

  it('rewards novel items more at the top of the list', () => {
    // Same items, novel one first vs last.
    expect(noveltyEPC([1, 3], counts, 10, 2)).toBeGreaterThan(noveltyEPC([3, 1], counts, 10, 2));
  });

  it('is 0 for an empty list and rejects a non-positive user count', () => {
    expect(noveltyEPC([], counts, 10, 3)).toBe(0);
    expect(() => noveltyEPC([0], counts, 0, 1)).toThrow(RangeError);
  });
});
