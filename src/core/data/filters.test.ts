import { describe, expect, it } from 'vitest';
import { fromPairs, fromUserLists, itemCounts, userItems, type Dataset, type Interactions } from './dataset';
import { filterDataset, filterInteractions, gatherColumn } from './filters';
import { builtinDataset } from './synthetic';

const rows = (x: Interactions) => Array.from({ length: x.numUsers }, (_, u) => Array.from(userItems(x, u)));

/** Every (user, item) pair of `x`, as "u,i" strings. */
const pairs = (x: Interactions) => rows(x).flatMap((r, u) => r.map((i) => `${u},${i}`));

describe('filterInteractions', () => {
  it('iterates to the fixed point: dropping an item can push a user below the minimum', () => {
    // With 2 per user and 2 per item: item 2 (seen once) goes, which leaves user 2 with one item, so user 2
    // goes, which leaves item 3 with one user, so item 3 goes. One pass alone would have kept item 3.
    const x = fromUserLists([[0, 1], [0, 1, 3], [2, 3], [0, 1]], 4);
    const r = filterInteractions(x, { minPerUser: 2, minPerItem: 2 });
    expect(Array.from(r.userMap)).toEqual([0, 1, 3]);
    expect(Array.from(r.itemMap)).toEqual([0, 1]);
    expect(rows(r.interactions)).toEqual([[0, 1], [0, 1], [0, 1]]);
  });

  it('leaves every user and item at or above the minimum on the tiny dataset, and keeps each pair’s identity', () => {
    const x = builtinDataset('tiny').interactions;
    const r = filterInteractions(x, { minPerUser: 20, minPerItem: 8 });
    const y = r.interactions;
    expect(y.numUsers).toBeGreaterThan(0);
    expect(y.numUsers).toBeLessThan(x.numUsers);
    for (let u = 0; u < y.numUsers; u++) expect(userItems(y, u).length).toBeGreaterThanOrEqual(20);
    for (const c of itemCounts(y)) expect(c).toBeGreaterThanOrEqual(8);
    const original = new Set(pairs(x));
    for (let u = 0; u < y.numUsers; u++) {
      for (const i of userItems(y, u)) expect(original.has(`${r.userMap[u]},${r.itemMap[i]}`)).toBe(true);
    }
    // Nothing that survives both maps was dropped: the result is exactly the original restricted to kept ids.
    const keptUsers = new Set(r.userMap);
    const keptItems = new Set(r.itemMap);
    const restricted = pairs(x).filter((p) => {
      const [u, i] = p.split(',').map(Number);
      return keptUsers.has(u) && keptItems.has(i);
    });
    expect(restricted.length).toBe(y.indices.length);
    // A second pass changes nothing: it is a fixed point.
    const again = filterInteractions(y, { minPerUser: 20, minPerItem: 8 });
    expect(again.interactions.indices).toEqual(y.indices);
    expect(Array.from(again.userMap)).toEqual(Array.from({ length: y.numUsers }, (_, u) => u));
  });

  it('keeps everything, cold users and items included, with minimums of 0', () => {
    const x = fromUserLists([[1], []], 3);
    const r = filterInteractions(x, {});
    expect(Array.from(r.userMap)).toEqual([0, 1]);
    expect(Array.from(r.itemMap)).toEqual([0, 1, 2]);
    expect(r.interactions.indices).toEqual(x.indices);
  });

  it('removes users and items without interactions with minimums of 1', () => {
    const r = filterInteractions(fromUserLists([[1], []], 3), { minPerUser: 1, minPerItem: 1 });
    expect(rows(r.interactions)).toEqual([[0]]);
    expect(Array.from(r.itemMap)).toEqual([1]);
  });

  it('can empty the data entirely when no core exists', () => {
    const r = filterInteractions(fromUserLists([[0], [1]], 2), { minPerUser: 2 });
    expect(r.interactions.numUsers).toBe(0);
    expect(r.interactions.indptr.length).toBe(1);
  });

  it('gathers aligned columns with the positions', () => {
    const x = fromUserLists([[0, 1], [0, 1, 3], [2, 3], [0, 1]], 4);
    const r = filterInteractions(x, { minPerUser: 2, minPerItem: 2 });
    const col = Float32Array.from({ length: x.indices.length }, (_, p) => p);
    const out = gatherColumn(col, r.positions);
    expect(out).toBeInstanceOf(Float32Array);
    expect(Array.from(out)).toEqual([0, 1, 2, 3, 7, 8]);
  });
});

describe('filterDataset', () => {
  it('reindexes ids, titles, ratings, timestamps, genres, features, attributes and ground truth consistently', () => {
    const { interactions, columns } = fromPairs(
      3,
      3,
      Int32Array.from([0, 0, 1, 1, 2]),
      Int32Array.from([0, 2, 0, 2, 1]),
      { ratings: Float32Array.from([5, 4, 3, 2, 1]), timestamps: Float64Array.from([10, 20, 30, 40, 50]) },
    );
    const d: Dataset = {
      name: 'hand',
      source: { kind: 'synthetic', preset: 'hand', seed: 0 },
      userIds: ['a', 'b', 'c'],
      itemIds: ['x', 'y', 'z'],
      itemTitles: ['X', 'Y', 'Z'],
      interactions,
      ratings: columns.ratings as Float32Array,
      timestamps: columns.timestamps as Float64Array,
      genreNames: ['g0', 'g1'],
      itemGenres: Uint8Array.from([1, 0, 0, 1, 1, 1]),
      attributes: {
        relationNames: ['creator'],
        entityNames: ['e0', 'e1'],
        item: Int32Array.from([1, 2, 0]),
        relation: Int32Array.from([0, 0, 0]),
        entity: Int32Array.from([0, 1, 1]),
      },
      userFeatures: { names: ['f'], values: Uint8Array.from([1, 0, 1]) },
      groundTruth: {
        userTastes: Float64Array.from([1, 0, 0.5, 0.5, 0, 1]),
        itemQuality: Float64Array.from([0.1, 0.2, 0.3]),
        itemPopularity: Float64Array.from([0.5, 0.25, 0.25]),
        exceptions: [{ userFeature: 0, relation: 0, entity: 1 }],
      },
    };
    // Item 'y' (seen once) and then user 'c' (left with nothing) drop out.
    const f = filterDataset(d, { minPerUser: 1, minPerItem: 2 });
    expect(f.userIds).toEqual(['a', 'b']);
    expect(f.itemIds).toEqual(['x', 'z']);
    expect(f.itemTitles).toEqual(['X', 'Z']);
    expect(rows(f.interactions)).toEqual([[0, 1], [0, 1]]);
    expect(Array.from(f.ratings!)).toEqual([5, 4, 3, 2]);
    expect(Array.from(f.timestamps!)).toEqual([10, 20, 30, 40]);
    expect(Array.from(f.itemGenres)).toEqual([1, 0, 1, 1]);
    expect(Array.from(f.attributes!.item)).toEqual([1, 0]);
    expect(Array.from(f.attributes!.entity)).toEqual([1, 1]);
    expect(f.attributes!.entityNames).toEqual(['e0', 'e1']);
    expect(Array.from(f.userFeatures!.values)).toEqual([1, 0]);
    expect(Array.from(f.groundTruth!.userTastes)).toEqual([1, 0, 0.5, 0.5]);
    expect(Array.from(f.groundTruth!.itemQuality)).toEqual([0.1, 0.3]);
    expect(Array.from(f.groundTruth!.itemPopularity)).toEqual([0.5 / 0.75, 0.25 / 0.75]);
    expect(f.groundTruth!.exceptions).toEqual(d.groundTruth!.exceptions);
    expect(f.genreNames).toEqual(d.genreNames);
  });

  it('keeps each interaction’s external (user, item) identity on the tiny dataset', () => {
    const d = builtinDataset('tiny');
    const f = filterDataset(d, { minPerUser: 15, minPerItem: 5 });
    const original = new Set(rows(d.interactions).flatMap((r, u) => r.map((i) => `${d.userIds[u]}|${d.itemIds[i]}`)));
    const filtered = rows(f.interactions).flatMap((r, u) => r.map((i) => `${f.userIds[u]}|${f.itemIds[i]}`));
    expect(filtered.length).toBeGreaterThan(0);
    for (const p of filtered) expect(original.has(p)).toBe(true);
    expect(f.itemGenres.length).toBe(f.itemIds.length * d.genreNames.length);
  });
});
