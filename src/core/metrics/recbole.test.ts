// Reproduces the test vectors of RecBole's tests/metrics/test_topk_metrics.py (RUCAIBox/RecBole) through the public API.
import { describe, expect, it } from 'vitest';
import {
  averagePopularity,
  giniIndex,
  hitAtK,
  itemCoverage,
  mapAtK,
  mrrAtK,
  ndcgAtK,
  precisionAtK,
  recallAtK,
  shannonEntropy,
  tailItems,
  tailPercentage,
} from './index';

// RecBole describes each user by a boolean "pos_index" row over the top-k and "pos_len" = |relevant|.
// metric_info returns, per user, the metric at k = 1, 2, 3.
const posIdx = [
  [0, 0, 0],
  [1, 1, 1],
  [1, 0, 1],
  [0, 0, 1],
];
const posLen = [1, 3, 4, 2];

// Conversion: ranked = [0, 1, 2] (item id = position), relevant = positions flagged 1, padded with
// never-ranked ids 100, 101, … until |relevant| = pos_len.
const users = posIdx.map((row, u) => {
  const relevant = new Set<number>();
  row.forEach((flag, i) => {
    if (flag) relevant.add(i);
  });
  for (let pad = 100; relevant.size < posLen[u]; pad++) relevant.add(pad);
  return { ranked: [0, 1, 2], relevant };
});

type TopK = (ranked: ArrayLike<number>, relevant: ReadonlySet<number>, k: number) => number;

/** Checks metric(user u, k) against expected[u][k − 1] to 1e-12. */
function expectMatrix(metric: TopK, expected: number[][]): void {
  users.forEach(({ ranked, relevant }, u) => {
    for (let k = 1; k <= 3; k++) {
      const got = metric(ranked, relevant, k);
      const want = expected[u][k - 1];
      expect(Math.abs(got - want), `user ${u}, k=${k}: got ${got}, want ${want}`).toBeLessThanOrEqual(1e-12);
    }
  });
}

const log2 = Math.log2;

describe("RecBole's top-k vectors", () => {
  it('match for hit', () => {
    expectMatrix(hitAtK, [
      [0, 0, 0],
      [1, 1, 1],
      [1, 1, 1],
      [0, 0, 1],
    ]);
  });

  it('match for NDCG (RecBole also takes the ideal DCG over min(k, pos_len) hits)', () => {
    expectMatrix(ndcgAtK, [
      [0, 0, 0],
      [1, 1, 1],
      [
        1,
        1 / log2(2) / (1 / log2(2) + 1 / log2(3)),
        (1 / log2(2) + 1 / log2(4)) / (1 / log2(2) + 1 / log2(3) + 1 / log2(4)),
      ],
      [0, 0, 1 / log2(4) / (1 / log2(2) + 1 / log2(3))],
    ]);
  });

  it('match for MRR', () => {
    expectMatrix(mrrAtK, [
      [0, 0, 0],
      [1, 1, 1],
      [1, 1, 1],
      [0, 0, 1 / 3],
    ]);
  });

  it('match for MAP (RecBole also divides by min(k, pos_len))', () => {
    expectMatrix(mapAtK, [
      [0, 0, 0],
      [1, 1, 1],
      [1, 1 / 2, (1 / 3) * (1 / 1 + 2 / 3)],
      [0, 0, (1 / 3) * (1 / 2)],
    ]);
  });

  it('match for recall (RecBole divides by pos_len, i.e. our uncapped recallAtK)', () => {
    expectMatrix(recallAtK, [
      [0, 0, 0],
      [1 / 3, 2 / 3, 3 / 3],
      [1 / 4, 1 / 4, 2 / 4],
      [0, 0, 1 / 2],
    ]);
  });

  it('match for precision', () => {
    expectMatrix(precisionAtK, [
      [0, 0, 0],
      [1 / 1, 2 / 2, 3 / 3],
      [1 / 1, 1 / 2, 2 / 3],
      [0, 0, 1 / 3],
    ]);
  });
});

// RecBole's item_matrix: 5 users × top-3, num_items = 8 (ids 1..7 used, id 0 never recommended).
const itemMatrix = [
  [5, 7, 3],
  [4, 5, 2],
  [2, 3, 5],
  [1, 4, 6],
  [5, 3, 7],
];
const numItems = 8;

describe("RecBole's beyond-accuracy vectors", () => {
  it('match for item coverage (7 of 8 items)', () => {
    expect(Math.abs(itemCoverage(itemMatrix, numItems) - 7 / 8)).toBeLessThanOrEqual(1e-12);
  });

  it('match for the Gini index', () => {
    const want = (-7 * 0 + -5 * 1 + -3 * 1 + -1 * 2 + 1 * 2 + 3 * 2 + 5 * 3 + 7 * 4) / (8 * (3 * 5));
    expect(Math.abs(giniIndex(itemMatrix, numItems) - want)).toBeLessThanOrEqual(1e-12);
  });

  // Definition difference. RecBole's ShannonEntropy.get_entropy sums −p ln p over the distinct recommended
  // items and then divides by their number (`result / len(item_count)`); its test expects
  // −mean([1/15 ln 1/15, 2/15 ln 2/15, 3/15 ln 3/15, 2/15 ln 2/15, 4/15 ln 4/15, 1/15 ln 1/15, 2/15 ln 2/15]).
  // We return the entropy itself. The counts of items 1..7 in item_matrix are 1, 2, 3, 2, 4, 1, 2 (15 slots), so
  //   H = −Σ (c/15) ln(c/15) = ln 15 − (Σ c ln c) / 15 = ln 15 − (2 ln 2 + 3 ln 3 + 2 ln 2 + 4 ln 4 + 2 ln 2) / 15
  //     = ln 15 − (14 ln 2 + 3 ln 3) / 15 = 1.8413903748459726…
  // and RecBole's value is H / 7 = 0.26305576783513895… (both evaluated outside this project, in Python).
  const handEntropy = Math.log(15) - (14 * Math.log(2) + 3 * Math.log(3)) / 15;

  it('give the entropy −Σ p ln p, worked out by hand from the item counts', () => {
    expect(Math.abs(handEntropy - 1.8413903748459726)).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(shannonEntropy(itemMatrix) - 1.8413903748459726)).toBeLessThanOrEqual(1e-12);
  });

  it("differ from RecBole's Shannon entropy, which is that sum divided by the 7 distinct items", () => {
    const recboleExpected = 0.26305576783513895;
    expect(Math.abs(shannonEntropy(itemMatrix) - recboleExpected)).toBeGreaterThan(1);
    expect(Math.abs(shannonEntropy(itemMatrix) / 7 - recboleExpected)).toBeLessThanOrEqual(1e-12);
  });
});

// RecBole's item_count = {1: 0, 2: 1, 3: 2, 4: 3, 5: 4, 6: 5}; ids 0 and 7 are absent and read as 0
// (RecBole's item_count.get(id, 0)), which an array indexed by id reproduces.
const itemCount = [0, 0, 1, 2, 3, 4, 5, 0];

/** Checks metric(row u, k) against expected[u][k − 1] to 1e-12 for k = 1, 2, 3. */
function expectRows(metric: (list: number[], k: number) => number, expected: number[][]): void {
  itemMatrix.forEach((list, u) => {
    for (let k = 1; k <= 3; k++) {
      const got = metric(list, k);
      const want = expected[u][k - 1];
      expect(Math.abs(got - want), `user ${u}, k=${k}: got ${got}, want ${want}`).toBeLessThanOrEqual(1e-12);
    }
  });
}

describe("RecBole's popularity vectors", () => {
  it('match for average popularity', () => {
    expectRows((list, k) => averagePopularity(list, itemCount, k), [
      [4 / 1, 4 / 2, 6 / 3],
      [3 / 1, 7 / 2, 8 / 3],
      [1 / 1, 3 / 2, 7 / 3],
      [0 / 1, 3 / 2, 8 / 3],
      [4 / 1, 6 / 2, 6 / 3],
    ]);
  });

  // RecBole ranks only the six items in item_count by (count, id) and keeps max(1, ⌊6 · 0.1⌋) = 1 of them: {1}.
  // tailItems over those six counts (ids 1..6 at indices 0..5) picks the same item with the same rule.
  const counted = [1, 2, 3, 4, 5, 6];
  const flags = tailItems(counted.map((i) => itemCount[i]));
  const isTail = (i: number) => i >= 1 && i <= 6 && flags[i - 1] === 1;

  it('match for the tail set (tail_ratio 0.1 ⇒ item 1 only)', () => {
    expect(Array.from(flags)).toEqual([1, 0, 0, 0, 0, 0]);
  });

  it('match for tail percentage', () => {
    expectRows((list, k) => tailPercentage(list, isTail, k), [
      [0 / 1, 0 / 2, 0 / 3],
      [0 / 1, 0 / 2, 0 / 3],
      [0 / 1, 0 / 2, 0 / 3],
      [1 / 1, 1 / 2, 1 / 3],
      [0 / 1, 0 / 2, 0 / 3],
    ]);
  });
});
