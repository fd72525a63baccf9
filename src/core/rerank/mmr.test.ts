import { describe, expect, it } from 'vitest';
import { genreCosine, mmrLists } from './mmr';

describe('genreCosine', () => {
  it('is |A ∩ B| / √(|A| |B|), and 0 for an item without genres', () => {
    expect(genreCosine([0, 2], [2, 5])).toBeCloseTo(0.5, 12);
    expect(genreCosine([1], [1])).toBe(1);
    expect(genreCosine([0, 1, 2], [3])).toBe(0);
    expect(genreCosine([], [3])).toBe(0);
  });
});

describe('mmrLists (Carbonell & Goldstein 1998)', () => {
  // Items 0 and 1 share genre 0, item 2 is genre 1; chances 1, 0.9, 0.5 (rel = the same, the largest being 1).
  const genres = [Int32Array.of(0), Int32Array.of(0), Int32Array.of(1)];
  const cands = { items: Int32Array.of(0, 1, 2), relevance: Float64Array.of(1, 0.9, 0.5) };

  it('w = 0 is the top n by score; a larger w swaps in the other genre past the hand-computed break-even', () => {
    // After item 0: item 1 is worth (1 − w)·0.9 − w·1, item 2 (1 − w)·0.5 − 0; they tie at w = 0.4 / 1.4 ≈ 0.2857.
    const lists = mmrLists(cands, genres, 2, [0, 0.28, 0.29, 0.5]);
    expect(lists.map((l) => Array.from(l))).toEqual([
      [0, 1],
      [0, 1],
      [0, 2],
      [0, 2],
    ]);
  });

  it('divides the chances by the largest, so only their ratios matter', () => {
    const scaled = { items: cands.items, relevance: Float64Array.from(cands.relevance, (r) => r / 4) };
    expect(mmrLists(scaled, genres, 2, [0.29]).map((l) => Array.from(l))).toEqual([[0, 2]]);
  });

  it('returns at most as many items as there are candidates and checks the weights', () => {
    expect(mmrLists(cands, genres, 10, [0.5])[0]).toHaveLength(3);
    expect(() => mmrLists(cands, genres, 2, [1.5])).toThrow(/diversity weight/);
  });
});
