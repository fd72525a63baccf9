// Seeded train / held-out splits of interactions.
import type { Rng } from '../random/rng';
import { fromUserLists, userItems, type Interactions } from './dataset';

export interface Split {
  train: Interactions;
  heldOut: Interactions;
}

/**
 * Weak generalisation (BPR, KGAT): every user in both parts; per user a random `testFraction` of their items
 * (at least one, and at least one left for training) is held out.
 */
export function weakSplit(x: Interactions, rng: Rng, testFraction = 0.2): Split {
  const train: number[][] = [];
  const held: number[][] = [];
  for (let u = 0; u < x.numUsers; u++) {
    const items = rng.shuffle(Array.from(userItems(x, u)));
    const nTest = items.length < 2 ? 0 : Math.min(items.length - 1, Math.max(1, Math.round(items.length * testFraction)));
    held.push(items.slice(0, nTest));
    train.push(items.slice(nTest));
  }
  return { train: fromUserLists(train, x.numItems), heldOut: fromUserLists(held, x.numItems) };
}
