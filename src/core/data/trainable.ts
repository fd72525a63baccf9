// Is a dataset big enough to train on and evaluate? One rule for the importer, the app and the CLI's pre-flight.
import type { Interactions } from './dataset';

/**
 * The least data a held-out evaluation can be run on: 2 users, 2 items, and a user with at least 2
 * interactions (one held out, one to train on). Below this a run "completes" with undefined metrics (NDCG
 * over no held-out items: the CLI printed `undefined`). A lab that needs more checks its own split (Mult-VAE
 * holds out whole users and refuses a split that leaves a group empty).
 */
export const MIN_TRAINABLE: TrainableMinimum = { users: 2, items: 2, usersWithTwoOrMore: 1 };

export interface TrainableMinimum {
  users: number;
  items: number;
  usersWithTwoOrMore: number;
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/**
 * Why `x` is too small to train and evaluate on (a sentence naming its counts and the minimum), or null when
 * it is big enough. O(users).
 */
export function trainabilityProblem(x: Interactions, min: TrainableMinimum = MIN_TRAINABLE): string | null {
  let withTwo = 0;
  for (let u = 0; u < x.numUsers; u++) if (x.indptr[u + 1] - x.indptr[u] >= 2) withTwo++;
  const n = x.indptr[x.numUsers];
  if (x.numUsers >= min.users && x.numItems >= min.items && withTwo >= min.usersWithTwoOrMore) return null;
  return (
    `the data is too small to train and evaluate on: ${plural(x.numUsers, 'user')}, ${plural(x.numItems, 'item')}, ` +
    `${plural(n, 'interaction')}, ${withTwo} user${withTwo === 1 ? '' : 's'} with 2 or more; a lab needs at least ` +
    `${min.users} users, ${min.items} items and ${plural(min.usersWithTwoOrMore, 'user')} with 2 or more ` +
    'interactions (one to hold out, one to train on) — add rows, or lower the rating threshold or the filter minimums.'
  );
}
