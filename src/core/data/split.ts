// Seeded train / held-out splits of interactions: weak generalisation, strong generalisation, leave-one-out.
import { ErrorCode, LabError } from '../errors';
import { heartbeat } from '../heartbeat';
import type { Rng } from '../random/rng';
import { fromUserLists, userItems, type Interactions } from './dataset';

export interface Split {
  train: Interactions;
  heldOut: Interactions;
}

/**
 * Weak generalisation (BPR, Rendle et al. UAI 2009; KGAT, Wang et al. KDD 2019): every user in both parts;
 * per user a random `testFraction` of their items (at least one, and at least one left for training) is held
 * out. Users with fewer than 2 items keep everything in train.
 */
export function weakSplit(x: Interactions, rng: Rng, testFraction = 0.2): Split {
  const train: number[][] = [];
  const held: number[][] = [];
  for (let u = 0; u < x.numUsers; u++) {
    heartbeat(); // a lab's setup: ~1 s per million rows
    const items = rng.shuffle(Array.from(userItems(x, u)));
    const nTest = items.length < 2 ? 0 : Math.min(items.length - 1, Math.max(1, Math.round(items.length * testFraction)));
    held.push(items.slice(0, nTest));
    train.push(items.slice(nTest));
  }
  return { train: fromUserLists(train, x.numItems), heldOut: fromUserLists(held, x.numItems) };
}

/**
 * The rows of `x` at the CSR positions where `keep[p] = 1`, over the same users and items (other rows empty).
 * Rows stay sorted because positions are visited in order.
 */
export function keepPositions(x: Interactions, keep: Uint8Array): Interactions {
  const indptr = new Int32Array(x.numUsers + 1);
  for (let u = 0; u < x.numUsers; u++) {
    let n = 0;
    for (let p = x.indptr[u]; p < x.indptr[u + 1]; p++) n += keep[p];
    indptr[u + 1] = indptr[u] + n;
  }
  const indices = new Int32Array(indptr[x.numUsers]);
  let q = 0;
  for (let p = 0; p < x.indices.length; p++) if (keep[p]) indices[q++] = x.indices[p];
  return { numUsers: x.numUsers, numItems: x.numItems, indptr, indices };
}

/** Turns a share in [0, 1) or a whole count ≥ 1 into a number of users (see {@link StrongSplitOptions}). */
function userCount(value: number, numUsers: number, name: string): number {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a share in [0, 1) or a whole count ≥ 1, got ${value}`);
  if (value < 1) return Math.round(value * numUsers);
  if (!Number.isInteger(value)) throw new RangeError(`${name} ≥ 1 is read as a count of users and must be whole, got ${value}`);
  return value;
}

export interface StrongSplitOptions {
  /**
   * Test users: a value in [0, 1) is a share of the users who take part (those with at least `minItems`
   * items; rounded to the nearest whole user), a whole number ≥ 1 is a count (Mult-VAE holds out 10,000 users
   * of ML-20M). So `0.1` = 10% and `1` = one user.
   */
  heldOutUsers: number;
  /** Validation users, read the same way. Defaults to `heldOutUsers` (Mult-VAE uses equal sizes); 0 = none. */
  validationUsers?: number;
  /** Share of each held-out user's items fed to the model as input (fold-in); the rest are ranked. Default 0.8. */
  foldInFraction?: number;
  /**
   * Default 5, the reference's threshold. A user with fewer items takes no part at all (Mult-VAE's preprocessing
   * keeps only users with ≥ 5 clicks, `min_uc = 5`, before splitting users); a held-out user left with fewer
   * items once unseen items are dropped gets them all as fold-in and no target (its `n_items_u >= 5` rule).
   */
  minItems?: number;
}

/** One group of held-out users: their ids and their items split into model input and ranking target. */
export interface HeldOutUsers {
  /** User ids of the group, ascending. */
  users: Int32Array;
  /**
   * Over ALL users (rows of other users empty), so metrics index by user id: the items fed in. Only items some
   * training user clicked (the others are dropped from both rows).
   */
  foldIn: Interactions;
  /** Over ALL users (rows of other users empty): the items to rank. Empty for users with fewer than `minItems` kept items. */
  target: Interactions;
}

export interface StrongSplit {
  /** User ids trained on, ascending. */
  trainUsers: Int32Array;
  /** All interactions of the training users, over ALL users (held-out users' rows empty). */
  train: Interactions;
  validation: HeldOutUsers;
  test: HeldOutUsers;
  /** Users with fewer than `minItems` items: in no group, their rows empty everywhere. Ascending. */
  excludedUsers: Int32Array;
  /** Held-out interactions dropped because no training user clicked the item (counted over validation and test). */
  unseenDropped: number;
}

/**
 * Strong generalisation — the protocol of Mult-VAE (Liang, Krishnan, Hoffman & Jebara, "Variational
 * Autoencoders for Collaborative Filtering", WWW 2018), with the rules of its official preprocessing
 * (github.com/dawenl/vae_cf):
 *
 * 1. Users with fewer than `minItems` (5) items are left out entirely (`excludedUsers`).
 * 2. The remaining users are split into disjoint train / validation / test groups; the model trains on every
 *    interaction of the training users.
 * 3. A held-out user's interactions with items no training user clicked are dropped (the reference keeps only
 *    items in `unique_sid`, the items of the training users: a model cannot have learned anything about them).
 * 4. A held-out user with m ≥ `minItems` kept items gets n_target = ⌊m · (1 − foldInFraction)⌋ of them, drawn at
 *    random, as target (the reference's `int(0.2 · n)`), clamped to [1, m − 1]; the rest are fed in (fold-in).
 *    With fewer than `minItems` kept items, all are fold-in and the target is empty: metrics skip such users.
 *
 * Randomness: the user groups come from `rng.fork('users')` and the item split from `rng.fork('items')`, so
 * changing `foldInFraction` leaves the groups unchanged. Test users are drawn first, then validation users,
 * from one shuffle: changing the validation size leaves the test users unchanged.
 */
export function strongSplit(x: Interactions, rng: Rng, options: StrongSplitOptions): StrongSplit {
  const { numUsers } = x;
  const minItems = options.minItems ?? 5;
  if (!Number.isInteger(minItems) || minItems < 1) throw new RangeError(`minItems must be a whole number ≥ 1, got ${minItems}`);
  const count = (u: number) => x.indptr[u + 1] - x.indptr[u];
  const eligible: number[] = [];
  const excluded: number[] = [];
  for (let u = 0; u < numUsers; u++) (count(u) >= minItems ? eligible : excluded).push(u);

  const nTest = userCount(options.heldOutUsers, eligible.length, 'heldOutUsers');
  const nVal = userCount(options.validationUsers ?? options.heldOutUsers, eligible.length, 'validationUsers');
  const foldInFraction = options.foldInFraction ?? 0.8;
  if (!(foldInFraction > 0 && foldInFraction < 1)) throw new RangeError(`foldInFraction must be in (0, 1), got ${foldInFraction}`);
  if (nTest + nVal > eligible.length) {
    throw new LabError(
      ErrorCode.DataUnsuitable,
      `${nTest} test + ${nVal} validation users exceed the ${eligible.length} users of the data with at least ${minItems} items`,
    );
  }

  const userRng = rng.fork('users');
  const itemRng = rng.fork('items');
  const order = userRng.shuffle(Int32Array.from(eligible));
  const group = new Uint8Array(numUsers); // 0 train, 1 validation, 2 test, 3 excluded
  for (const u of excluded) group[u] = 3;
  for (let r = 0; r < nTest; r++) group[order[r]] = 2;
  for (let r = nTest; r < nTest + nVal; r++) group[order[r]] = 1;

  const nnzAll = x.indices.length;
  const inTrain = new Uint8Array(nnzAll);
  const seen = new Uint8Array(x.numItems);
  for (let u = 0; u < numUsers; u++) {
    if (group[u] !== 0) continue;
    inTrain.fill(1, x.indptr[u], x.indptr[u + 1]);
    for (let p = x.indptr[u]; p < x.indptr[u + 1]; p++) seen[x.indices[p]] = 1;
  }

  const foldIn = [new Uint8Array(nnzAll), new Uint8Array(nnzAll), new Uint8Array(nnzAll)];
  const target = [new Uint8Array(nnzAll), new Uint8Array(nnzAll), new Uint8Array(nnzAll)];
  const members: number[][] = [[], [], []];
  const targetShare = 1 - foldInFraction;
  let unseenDropped = 0;
  // Users in id order, so the draws for user u do not depend on which group another user fell in.
  for (let u = 0; u < numUsers; u++) {
    heartbeat();
    const g = group[u];
    if (g === 3) continue;
    members[g].push(u);
    if (g === 0) continue;
    const kept: number[] = [];
    for (let p = x.indptr[u]; p < x.indptr[u + 1]; p++) {
      if (seen[x.indices[p]]) kept.push(p);
      else unseenDropped++;
    }
    const m = kept.length;
    if (m < Math.max(minItems, 2)) {
      for (const p of kept) foldIn[g][p] = 1;
      continue;
    }
    const positions = itemRng.shuffle(Int32Array.from(kept));
    // + 1e-9: 1 − 0.8 is 0.19999999999999996 in floating point, and ⌊10 · that⌋ must still be 2.
    const nTarget = Math.min(m - 1, Math.max(1, Math.floor(m * targetShare + 1e-9)));
    for (let j = 0; j < m; j++) (j < nTarget ? target[g] : foldIn[g])[positions[j]] = 1;
  }
  const part = (g: 1 | 2): HeldOutUsers => ({
    users: Int32Array.from(members[g]),
    foldIn: keepPositions(x, foldIn[g]),
    target: keepPositions(x, target[g]),
  });
  return {
    trainUsers: Int32Array.from(members[0]),
    train: keepPositions(x, inTrain),
    validation: part(1),
    test: part(2),
    excludedUsers: Int32Array.from(excluded),
    unseenDropped,
  };
}

export interface LeaveOneOutSplit extends Split {
  /** When timestamps were given: the timestamps aligned with `train.indices` (for sequential models). */
  trainTimestamps?: Float64Array;
}

/**
 * Leave-one-out — the protocol of sequential recommenders and of P5 (Geng et al., RecSys 2022) and AMP-CF
 * (Barkan et al., RecSys 2020): per user the last item by time is held out and ranked against the full catalogue.
 *
 * With `timestamps` (aligned with `x.indices`) the held-out item is the one with the largest timestamp; among
 * equal timestamps the one at the latest CSR position (the largest item id, rows being sorted) — deterministic,
 * no draw. Without timestamps one item per user is drawn uniformly with `rng` (one draw per user with ≥ 2
 * items). Users with 1 item keep it in train and have no held-out item; users with 0 items have neither.
 */
export function leaveOneOut(x: Interactions, rng: Rng, timestamps?: Float64Array): LeaveOneOutSplit {
  const nnzAll = x.indices.length;
  if (timestamps && timestamps.length !== nnzAll) {
    throw new RangeError(`timestamps has ${timestamps.length} entries but the interactions have ${nnzAll}`);
  }
  const held = new Uint8Array(nnzAll);
  for (let u = 0; u < x.numUsers; u++) {
    heartbeat();
    const start = x.indptr[u];
    const n = x.indptr[u + 1] - start;
    if (n < 2) continue;
    let pick = start;
    if (timestamps) {
      // `>=` so that a later position wins a tie.
      for (let p = start + 1; p < start + n; p++) if (timestamps[p] >= timestamps[pick]) pick = p;
    } else pick = start + rng.int(n);
    held[pick] = 1;
  }
  const kept = new Uint8Array(nnzAll);
  for (let p = 0; p < nnzAll; p++) kept[p] = 1 - held[p];
  const out: LeaveOneOutSplit = { train: keepPositions(x, kept), heldOut: keepPositions(x, held) };
  if (timestamps) {
    const ts = new Float64Array(nnzAll - out.heldOut.indices.length);
    let q = 0;
    for (let p = 0; p < nnzAll; p++) if (kept[p]) ts[q++] = timestamps[p];
    out.trainTimestamps = ts;
  }
  return out;
}
