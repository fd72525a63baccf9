// Hand-computed cases and invariants for intra-list diversity and its item distances.
import { describe, expect, it } from 'vitest';
import { Rng } from '../random/rng';
import { embeddingCosineDistance, genreCosineDistance, intraListDiversity, jaccardDistance } from './diversity';

// Four items × three genres (row-major multi-hot):
//   item 0: {g0}   item 1: {g0, g1}   item 2: {g2}   item 3: no genre
const genres = Uint8Array.from([1, 0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0]);
const cos = genreCosineDistance(genres, 3);
const jac = jaccardDistance(genres, 3);

describe('genreCosineDistance', () => {
  it('is 1 − |A∩B| / √(|A||B|) on multi-hot rows', () => {
    // {g0} vs {g0, g1}: 1 − 1/√(1·2) ≈ 0.2928932188134524.
    expect(cos(0, 1)).toBeCloseTo(1 - 1 / Math.SQRT2, 15);
    expect(cos(1, 0)).toBe(cos(0, 1));
    // No shared genre ⇒ 1.
    expect(cos(0, 2)).toBe(1);
  });

  it('puts an item with no genre at distance 1 from every other item and 0 from itself', () => {
    expect(cos(3, 0)).toBe(1);
    expect(cos(3, 2)).toBe(1);
    expect(cos(3, 3)).toBe(0);
    expect(cos(1, 1)).toBe(0);
  });

  it('rejects ids outside the table and rows of the wrong width', () => {
    expect(() => cos(0, 4)).toThrow(RangeError);
    expect(() => genreCosineDistance(genres, 5)).toThrow(RangeError);
  });
});

describe('jaccardDistance', () => {
  it('is 1 − |A∩B| / |A∪B|', () => {
    // {g0} vs {g0, g1}: 1 − 1/2.
    expect(jac(0, 1)).toBe(1 / 2);
    expect(jac(0, 2)).toBe(1);
  });

  it('puts an item with no genre at distance 1 from every other item and 0 from itself', () => {
    expect(jac(3, 1)).toBe(1);
    expect(jac(3, 3)).toBe(0);
  });
});

describe('embeddingCosineDistance', () => {
  // e0 = (1, 0), e1 = (0, 2), e2 = (−3, 0), e3 = (0, 0).
  const emb = embeddingCosineDistance(Float32Array.from([1, 0, 0, 2, -3, 0, 0, 0]), 2);

  it('is 1 − cosine: 0 same direction, 1 orthogonal, 2 opposite', () => {
    expect(emb(0, 1)).toBe(1);
    expect(emb(0, 2)).toBe(2);
    expect(emb(0, 0)).toBe(0);
  });

  it('treats a zero vector as orthogonal to everything else', () => {
    expect(emb(3, 0)).toBe(1);
  });
});

describe('intraListDiversity', () => {
  it('averages the distance over the n(n−1)/2 pairs of the top k', () => {
    // k=3 over [0, 1, 2]: pairs (0,1) 1 − 1/√2, (0,2) 1, (1,2) 1 ⇒ (3 − 1/√2)/3 ≈ 0.7642977396044842.
    expect(intraListDiversity([0, 1, 2], 3, cos)).toBeCloseTo((3 - 1 / Math.SQRT2) / 3, 15);
    // Jaccard: (1/2 + 1 + 1)/3 = 5/6.
    expect(intraListDiversity([0, 1, 2], 3, jac)).toBeCloseTo(5 / 6, 15);
    // k=2: the single pair (0, 1).
    expect(intraListDiversity([0, 1, 2], 2, jac)).toBe(1 / 2);
  });

  it('is 0 with fewer than two items and uses the whole list when k exceeds it', () => {
    expect(intraListDiversity([0, 1, 2], 1, cos)).toBe(0);
    expect(intraListDiversity([], 5, cos)).toBe(0);
    expect(intraListDiversity([0, 1, 2], 10, jac)).toBe(intraListDiversity([0, 1, 2], 3, jac));
  });

  it('is not monotone in k: it is a mean, so adding a similar item lowers it', () => {
    // [0, 2, 1]: k=2 → d(0,2) = 1; k=3 → (1 + 1/2 + 1)/3 = 5/6 < 1.
    expect(intraListDiversity([0, 2, 1], 2, jac)).toBe(1);
    expect(intraListDiversity([0, 2, 1], 3, jac)).toBeCloseTo(5 / 6, 15);
  });

  it('stays in [0, 1] for genre distances and in [0, 2] for embeddings on random data', () => {
    const rng = new Rng(11);
    const numItems = 30;
    const numGenres = 5;
    const g = new Uint8Array(numItems * numGenres);
    for (let i = 0; i < g.length; i++) g[i] = rng.float() < 0.3 ? 1 : 0;
    const e = rng.normalArray(numItems * 4, 1);
    const dists = [genreCosineDistance(g, numGenres), jaccardDistance(g, numGenres)];
    const emb = embeddingCosineDistance(e, 4);
    for (let trial = 0; trial < 50; trial++) {
      const list = rng.shuffle(Array.from({ length: numItems }, (_, i) => i)).slice(0, 10);
      for (let k = 1; k <= 10; k++) {
        for (const d of dists) {
          const v = intraListDiversity(list, k, d);
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
        }
        const v = intraListDiversity(list, k, emb);
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(2);
      }
    }
  });
});
