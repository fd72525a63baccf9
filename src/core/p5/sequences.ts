// Each user's interactions in time order and P5's leave-one-out split of them (train prefix / validation / test).
import type { Dataset } from '../data/dataset';
import { byTime } from '../data/timeSplits';

/** Per user, CSR positions (into `interactions.indices`) in time order, plus the leave-one-out cut. */
export interface P5Split {
  /** `positions[u]`: user u's CSR positions sorted by timestamp (ties: earlier CSR position first). */
  positions: Int32Array[];
  /** `sequences[u]`: user u's items in time order (the items at `positions[u]`). */
  sequences: Int32Array[];
  /** `train[u]`: the training prefix, all but the last two items (the whole sequence for users with < 3 items). */
  train: Int32Array[];
  /** Second-to-last item per user, or −1 for users with fewer than 3 items. */
  validation: Int32Array;
  /** Last item per user, or −1 for users with fewer than 3 items. */
  test: Int32Array;
}

/**
 * Leave-one-out by time as P5 does it (Geng et al., RecSys 2022): per user the last item is the test item,
 * the second-to-last the validation item, the rest the training prefix. The order agrees with
 * `leaveOneOut` in src/core/data/split.ts (largest timestamp last, a later CSR position winning a tie).
 * Users with fewer than 3 items keep everything in training and have neither validation nor test item.
 * Without timestamps the CSR order (item id) stands in for time — fine for tests, meaningless for a lab.
 */
export function p5Split(d: Dataset): P5Split {
  const x = d.interactions;
  const ts = d.timestamps;
  const positions: Int32Array[] = [];
  const sequences: Int32Array[] = [];
  const train: Int32Array[] = [];
  const validation = new Int32Array(x.numUsers).fill(-1);
  const test = new Int32Array(x.numUsers).fill(-1);
  for (let u = 0; u < x.numUsers; u++) {
    const pos = ts ? Int32Array.from(byTime(x, ts, u)) : Int32Array.from({ length: x.indptr[u + 1] - x.indptr[u] }, (_, k) => x.indptr[u] + k);
    const seq = pos.map((p) => x.indices[p]);
    positions.push(pos);
    sequences.push(seq);
    const n = seq.length;
    if (n < 3) {
      train.push(seq.slice());
      continue;
    }
    train.push(seq.slice(0, n - 2));
    validation[u] = seq[n - 2];
    test[u] = seq[n - 1];
  }
  return { positions, sequences, train, validation, test };
}
