// Hand-computed cases and invariants for catalogue coverage, Gini index and Shannon entropy.
import { describe, expect, it } from 'vitest';
import { giniIndex, itemCoverage, shannonEntropy } from './beyondAccuracy';

describe('itemCoverage', () => {
  it('is the share of the catalogue that appears in at least one list', () => {
    // ∪ {0,1} ∪ {1,2} = {0,1,2} ⇒ 3 of 5 items.
    expect(itemCoverage([[0, 1], [1, 2]], 5)).toBe(3 / 5);
  });

  it('is 1 when every item is recommended and 0 when nothing is', () => {
    expect(itemCoverage([[0, 1], [2, 3]], 4)).toBe(1);
    expect(itemCoverage([], 4)).toBe(0);
    expect(itemCoverage([[], []], 4)).toBe(0);
  });

  it('rejects ids outside the catalogue', () => {
    expect(() => itemCoverage([[0, 4]], 4)).toThrow(RangeError);
    expect(() => itemCoverage([[-1]], 4)).toThrow(RangeError);
  });
});

describe('giniIndex', () => {
  it('follows Σ (2j − n − 1) c_(j) / (n Σc) on a small case', () => {
    // lists [[0,1],[0]], n = 3: counts c = (2, 1, 0), sorted (0, 1, 2).
    // weights 2j − n − 1 for j = 1..3: −2, 0, 2 ⇒ (0 + 0 + 4) / (3 · 3) = 4/9.
    expect(giniIndex([[0, 1], [0]], 3)).toBeCloseTo(4 / 9, 15);
  });

  it('is 0 when every item is recommended equally often', () => {
    expect(giniIndex([[0, 1], [2, 3]], 4)).toBe(0);
  });

  it('is (n − 1)/n when every recommendation goes to one item', () => {
    // counts sorted (0, 0, 0, 3): weight of j = 4 is 3 ⇒ 3·3 / (4·3) = 3/4.
    expect(giniIndex([[2], [2], [2]], 4)).toBe(3 / 4);
  });

  it('counts never-recommended items as zeros', () => {
    // Same lists, bigger catalogue ⇒ less even. n = 2: counts (1,1) ⇒ 0; n = 4: counts (0,0,1,1) ⇒ (1·1 + 3·1)/(4·2) = 1/2.
    expect(giniIndex([[0], [1]], 2)).toBe(0);
    expect(giniIndex([[0], [1]], 4)).toBe(1 / 2);
  });

  it('is 0 when nothing is recommended', () => {
    expect(giniIndex([], 5)).toBe(0);
    expect(giniIndex([[]], 5)).toBe(0);
  });
});

describe('shannonEntropy', () => {
  it('is −Σ p ln p in nats on a small case', () => {
    // [[0, 0, 1]]: p(0) = 2/3, p(1) = 1/3 ⇒ H = −(2/3 ln 2/3 + 1/3 ln 1/3) ≈ 0.6365141682948128.
    expect(shannonEntropy([[0, 0, 1]])).toBeCloseTo(0.6365141682948128, 12);
  });

  it('is ln m for m items recommended equally often and 0 for a single item', () => {
    expect(shannonEntropy([[0, 1], [2, 3]])).toBeCloseTo(Math.log(4), 12);
    expect(shannonEntropy([[7], [7], [7]])).toBe(0);
  });

  it('is 0 when nothing is recommended', () => {
    expect(shannonEntropy([])).toBe(0);
    expect(shannonEntropy([[], []])).toBe(0);
  });
});
