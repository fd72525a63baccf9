// Is a dataset big enough to train on and evaluate? One rule for the importer, the app and the CLI's pre-flight.
import { ErrorCode, LabError } from '../errors';
import type { Dataset, Interactions } from './dataset';

/**
 * The least data every lab can split and evaluate: 2 users, 2 items, and 2 users with at least 2
 * interactions each (a held-out split keeps one of a user's items back and needs another to train on;
 * strong generalisation holds out whole users and needs one left to train on). Below this a run "completes"
 * with metrics that are undefined (NDCG over no held-out items).
 */
export const MIN_TRAINABLE = { users: 2, items: 2, usersWithTwoOrMore: 2 } as const;

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/**
 * Why `x` is too small to train and evaluate on (a sentence naming its counts and the minimum), or null when
 * it is big enough. O(users).
 */
export function trainabilityProblem(x: Interactions): string | null {
  let withTwo = 0;
  for (let u = 0; u < x.numUsers; u++) if (x.indptr[u + 1] - x.indptr[u] >= 2) withTwo++;
  const n = x.indptr[x.numUsers];
  if (x.numUsers >= MIN_TRAINABLE.users && x.numItems >= MIN_TRAINABLE.items && withTwo >= MIN_TRAINABLE.usersWithTwoOrMore) return null;
  return (
    `the data is too small to train and evaluate on: ${plural(x.numUsers, 'user')}, ${plural(x.numItems, 'item')}, ` +
    `${plural(n, 'interaction')}, ${withTwo} user${withTwo === 1 ? '' : 's'} with 2 or more; a lab needs at least ` +
    `${MIN_TRAINABLE.users} users, ${MIN_TRAINABLE.items} items and ${MIN_TRAINABLE.usersWithTwoOrMore} users with 2 or more ` +
    'interactions (one to hold out, one to train on) — add rows, or lower the rating threshold or the filter minimums.'
  );
}

/** Throws LabError OL107 (DataUnsuitable) naming the dataset when `trainabilityProblem` finds one. */
export function assertTrainable(d: Dataset): void {
  const problem = trainabilityProblem(d.interactions);
  if (problem) throw new LabError(ErrorCode.DataUnsuitable, `'dataset': ${d.name}: ${problem}`);
}
