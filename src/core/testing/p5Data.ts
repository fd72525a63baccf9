// test fixture; nothing in the product imports it. Hand-made datasets for the P5 tests: small enough to work out ids and splits by hand.
import { fromPairs, rangeIds, type Dataset } from '../data/dataset';

/**
 * A dataset from per-user item lists given in time order (timestamps 0, 1, 2, … within each user), with
 * optional ratings in the same layout.
 */
export function datasetFromSequences(sequences: number[][], numItems: number, ratings?: number[][]): Dataset {
  const users: number[] = [];
  const items: number[] = [];
  const times: number[] = [];
  const rates: number[] = [];
  sequences.forEach((seq, u) =>
    seq.forEach((i, k) => {
      users.push(u);
      items.push(i);
      times.push(k);
      if (ratings) rates.push(ratings[u][k]);
    }),
  );
  const columns: Record<string, Float32Array | Float64Array> = { timestamps: Float64Array.from(times) };
  if (ratings) columns.ratings = Float32Array.from(rates);
  const built = fromPairs(sequences.length, numItems, Int32Array.from(users), Int32Array.from(items), columns);
  const d: Dataset = {
    name: 'hand-made',
    source: { kind: 'synthetic', preset: 'hand-made', seed: 0 },
    userIds: rangeIds(sequences.length),
    itemIds: rangeIds(numItems),
    interactions: built.interactions,
    timestamps: built.columns.timestamps as Float64Array,
    genreNames: ['g'],
    itemGenres: new Uint8Array(numItems).fill(1),
  };
  if (ratings) d.ratings = built.columns.ratings as Float32Array;
  return d;
}

/**
 * 20 users with 4 items each, no item shared: user u's k-th item is (4u + k) · 37 mod 80, so item indices
 * say nothing about time order. Under `sequential-leaky` every test item is max(history) + 1.
 */
export function disjointDataset(): Dataset {
  const seqs = Array.from({ length: 20 }, (_, u) => Array.from({ length: 4 }, (_, k) => ((4 * u + k) * 37) % 80));
  return datasetFromSequences(seqs, 80);
}
