// Epoch sampling: every training pair once, negatives the user never had, reproducible from the seed.
import { describe, expect, it } from 'vitest';
import { fromUserLists, userItems } from '../../data/dataset';
import { Rng } from '../../random/rng';
import { sampleEpoch } from './sampling';

const train = fromUserLists([[0, 1, 2], [3], [0, 4, 5, 6, 7], []], 10);

describe('sampleEpoch', () => {
  it('lists every training (user, item) pair exactly once as a positive, in column 0', () => {
    const t = sampleEpoch(train, 3, new Rng(1));
    expect(t.width).toBe(4);
    expect(t.users).toHaveLength(9);
    expect(t.items).toHaveLength(9 * 4);
    const pairs = Array.from(t.users, (u, r) => `${u}:${t.items[r * 4]}`).sort();
    expect(pairs).toEqual(['0:0', '0:1', '0:2', '1:3', '2:0', '2:4', '2:5', '2:6', '2:7']);
  });

  it('never draws a negative the user has in training, and draws them all over the rest of the catalogue', () => {
    const t = sampleEpoch(train, 50, new Rng(2));
    const drawn = new Set<number>();
    t.users.forEach((u, r) => {
      const seen = new Set(userItems(train, u));
      for (let k = 1; k < t.width; k++) {
        expect(seen.has(t.items[r * t.width + k])).toBe(false);
        drawn.add(t.items[r * t.width + k]);
      }
    });
    expect(drawn.size).toBe(10);
  });

  it('is the same for the same seed and different for another', () => {
    expect(sampleEpoch(train, 2, new Rng(3))).toEqual(sampleEpoch(train, 2, new Rng(3)));
    expect(sampleEpoch(train, 2, new Rng(4)).items).not.toEqual(sampleEpoch(train, 2, new Rng(3)).items);
  });

  it('terminates for a user who has every item (the negative is then any item)', () => {
    const full = fromUserLists([[0, 1, 2]], 3);
    const t = sampleEpoch(full, 2, new Rng(5));
    expect(t.users).toHaveLength(3);
  });
});
