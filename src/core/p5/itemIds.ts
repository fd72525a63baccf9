// Item-id modes for P5 prompts, including the sequential numbering whose test-time leak Hua et al. found.
import type { Rng } from '../random/rng';
import type { P5Split } from './sequences';

/**
 * How an item appears in a prompt (Hua et al., "How to Index Item IDs for Recommendation Foundation Models",
 * SIGIR-AP 2023):
 * - `atomic`: one token per item (`<item_12>`); `ids` is the item index, not used for rendering.
 * - `random`: each item a distinct random integer in 1..numItems (a seeded permutation), written as digits.
 * - `sequential-leaky`: P5's official numbering: 1, 2, 3, … in the order items first appear along each user's
 *   WHOLE time-ordered sequence (users in order, validation and test items included), written as digits.
 * - `sequential-train`: the same numbering over the training prefixes only; items never seen in training are
 *   numbered afterwards in a seeded random order.
 */
export type ItemIdMode = 'atomic' | 'random' | 'sequential-leaky' | 'sequential-train';

export const ITEM_ID_MODES: readonly ItemIdMode[] = ['atomic', 'random', 'sequential-leaky', 'sequential-train'];

/** Item index → integer id under a mode (ids 1..numItems, distinct; atomic: the item index itself). */
export interface ItemIds {
  mode: ItemIdMode;
  ids: Int32Array;
}

/** Numbers items 1, 2, … in order of first appearance along `lists`; the rest get the next numbers in `rest` order. */
function numberByAppearance(lists: ArrayLike<number>[], numItems: number, restOrder: (unseen: number[]) => number[]): Int32Array {
  const ids = new Int32Array(numItems);
  let next = 1;
  for (const list of lists) {
    for (let k = 0; k < list.length; k++) if (ids[list[k]] === 0) ids[list[k]] = next++;
  }
  const unseen: number[] = [];
  for (let i = 0; i < numItems; i++) if (ids[i] === 0) unseen.push(i);
  for (const i of restOrder(unseen)) ids[i] = next++;
  return ids;
}

/**
 * The integer id of every item under `mode`. `rng` is drawn from only by `random` (the permutation) and
 * `sequential-train` (the order of items unseen in training).
 */
export function assignItemIds(mode: ItemIdMode, split: P5Split, numItems: number, rng: Rng): ItemIds {
  switch (mode) {
    case 'atomic':
      return { mode, ids: Int32Array.from({ length: numItems }, (_, i) => i) };
    case 'random': {
      const perm = rng.shuffle(Int32Array.from({ length: numItems }, (_, i) => i + 1));
      return { mode, ids: perm };
    }
    case 'sequential-leaky':
      return { mode, ids: numberByAppearance(split.sequences, numItems, (rest) => rest) };
    case 'sequential-train':
      return { mode, ids: numberByAppearance(split.train, numItems, (rest) => rng.shuffle(rest)) };
  }
}

/** The digit tokens of an integer id: 173 → ["1", "7", "3"]. */
export function idDigits(id: number): string[] {
  return String(id).split('');
}

/** The leak's signature over a split: how many users' test item has id max(history ids) + 1. */
export interface LeakShare {
  /** Users with a test item (history = training prefix + validation item, as at test time). */
  users: number;
  /** Of those, users whose test item's id is exactly max(history ids) + 1. */
  hits: number;
  /** hits / users (0 when no user has a test item). */
  share: number;
}

/**
 * Share of users whose test item's id equals the largest id in their test-time history plus one — under
 * `sequential-leaky` a model can learn "answer max + 1" without learning anything about taste (Hua et al.).
 */
export function leakShare(split: P5Split, ids: ItemIds): LeakShare {
  let users = 0;
  let hits = 0;
  for (let u = 0; u < split.test.length; u++) {
    const t = split.test[u];
    if (t < 0) continue;
    users++;
    let max = ids.ids[split.validation[u]];
    for (const i of split.train[u]) max = Math.max(max, ids.ids[i]);
    if (ids.ids[t] === max + 1) hits++;
  }
  return { users, hits, share: users === 0 ? 0 : hits / users };
}
