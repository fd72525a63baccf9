// A hand-made dataset small enough to draw its collaborative knowledge graph on paper (test fixture for KGAT).
import { fromUserLists, type Dataset } from '../data/dataset';

/**
 * Two users, three items: u0 took items 0 and 1, u1 items 1 and 2. Genres X = {0, 1}, Y = {1, 2}; creator c0 made
 * items 0 and 2. Its graph's nodes: u0 = 0, u1 = 1, items 2–4, X = 5, Y = 6, c0 = 7.
 */
export function handGraphData(): Dataset {
  return {
    name: 'hand',
    source: { kind: 'synthetic', preset: 'hand', seed: 0 },
    userIds: ['a', 'b'],
    itemIds: ['0', '1', '2'],
    interactions: fromUserLists([[0, 1], [1, 2]], 3),
    genreNames: ['X', 'Y'],
    itemGenres: Uint8Array.of(1, 0, 1, 1, 0, 1),
    attributes: { relationNames: ['creator'], entityNames: ['c0'], item: Int32Array.of(0, 2), relation: Int32Array.of(0, 0), entity: Int32Array.of(0, 0) },
  };
}
