// The KGAT lab's split: per-user test, validation and training items (weak generalisation), optionally thinned.
import { fromUserLists, nnz, userItems, type Dataset, type Interactions } from '../../data/dataset';
import { weakSplit } from '../../data/split';
import { ErrorCode, LabError } from '../../errors';
import { heartbeat } from '../../heartbeat';
import type { Rng } from '../../random/rng';

export interface KgatSplit {
  train: Interactions;
  valid: Interactions;
  test: Interactions;
}

/**
 * Per user, 20% of the items are held out for test and 10% of the whole (12.5% of the rest) for validation. With
 * `trainShare` < 1 only that share of each user's training items is kept (at least one): a sparser world; the
 * default draws nothing for it, so its random streams are those of a run without the setting.
 */
export function kgatSplit(data: Dataset, trainShare: number, root: Rng): KgatSplit {
  const outer = weakSplit(data.interactions, root.fork('split'), 0.2);
  heartbeat();
  const inner = weakSplit(outer.train, root.fork('valid'), 0.125);
  const train = trainShare < 1 ? thinned(inner.train, trainShare, root.fork('thin')) : inner.train;
  const split = { train, valid: inner.heldOut, test: outer.heldOut };
  if (nnz(split.train) === 0 || nnz(split.valid) === 0 || nnz(split.test) === 0) {
    throw new LabError(ErrorCode.DataUnsuitable, `'dataset': ${data.name} has too few interactions per user to hold out validation and test items: users need at least 3`);
  }
  return split;
}

/** Each user's rows, a random `share` of them kept (rounded, at least one when the user has any). */
function thinned(x: Interactions, share: number, rng: Rng): Interactions {
  return fromUserLists(
    Array.from({ length: x.numUsers }, (_, u) => {
      const row = rng.shuffle(Array.from(userItems(x, u)));
      return row.slice(0, row.length ? Math.max(1, Math.round(row.length * share)) : 0);
    }),
    x.numItems,
  );
}
