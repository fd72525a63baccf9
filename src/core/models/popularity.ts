// The popularity baseline: recommend the most-interacted items the user has not seen yet.
import { itemCounts, userItems, type Interactions } from '../data/dataset';
import { heartbeat } from '../heartbeat';
import type { Recommender } from './recommender';

/** Ranks items by training interaction count (ties by lower id), the same list for everyone minus seen items. */
export function createPopularity(train: Interactions): Recommender {
  const counts = itemCounts(train);
  const order = Int32Array.from({ length: train.numItems }, (_, i) => i).sort((a, b) => counts[b] - counts[a] || a - b);
  return {
    id: 'pop',
    label: 'Popularity',
    async recommend(users, k, exclude) {
      return Array.from(users, (u) => {
        heartbeat();
        const seen = new Set(userItems(exclude, u));
        const out = new Int32Array(Math.min(k, train.numItems - seen.size));
        let n = 0;
        for (let r = 0; r < order.length && n < out.length; r++) if (!seen.has(order[r])) out[n++] = order[r];
        return out;
      });
    },
    dispose() {},
  };
}
