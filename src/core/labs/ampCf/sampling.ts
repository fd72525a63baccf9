// One epoch of sampled-softmax training lists: every training (user, item) pair once, each with K uniform negatives.
import { sortedHas, userItems, type Interactions } from '../../data/dataset';
import type { Rng } from '../../random/rng';

/** Training lists of an epoch: `items` is row-major users.length × width, column 0 the positive. */
export interface CandidateLists {
  users: Int32Array;
  items: Int32Array;
  /** 1 + the number of negatives per positive. */
  width: number;
}

/**
 * Every training pair once, in a seeded random order, each followed by `negatives` items drawn uniformly from
 * the catalogue and redrawn while the user has the item in `train` (so a negative is never a training positive).
 * Negatives are drawn independently, so two negatives of one row may coincide (rare: K ≪ catalogue). A user's
 * held-out item is not in `train` and may be drawn as a negative, as in any sampler that does not peek at the test.
 * A user who has every item keeps the last draw (no unseen item exists).
 */
export function sampleEpoch(train: Interactions, negatives: number, rng: Rng): CandidateLists {
  const n = train.indptr[train.numUsers];
  const width = 1 + negatives;
  const order = rng.shuffle(Int32Array.from({ length: n }, (_, i) => i));
  const owner = new Int32Array(n);
  for (let u = 0; u < train.numUsers; u++) owner.fill(u, train.indptr[u], train.indptr[u + 1]);
  const users = new Int32Array(n);
  const items = new Int32Array(n * width);
  for (let r = 0; r < n; r++) {
    const e = order[r];
    const u = owner[e];
    const row = userItems(train, u);
    const full = row.length >= train.numItems;
    users[r] = u;
    items[r * width] = train.indices[e];
    for (let k = 1; k < width; k++) {
      let j: number;
      do j = rng.int(train.numItems);
      while (!full && sortedHas(row, j));
      items[r * width + k] = j;
    }
  }
  return { users, items, width };
}
