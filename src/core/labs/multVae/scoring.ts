// Ranks every item a held-out user did not feed in, and scores the lists the way Mult-VAE reports them.
import { userItems, type Interactions } from '../../data/dataset';
import type { HeldOutUsers } from '../../data/split';
import { heartbeat } from '../../heartbeat';
import { rankInBlocks } from '../../experiment/rankInBlocks';
import { cappedRecallAtK, ndcgAtK } from '../../metrics';
import { EVAL_BLOCK } from '../../models/multVae/memory';
import type { MultVae } from '../../models/multVae/model';

/** The longest list scored (NDCG@100). */
export const LIST_LENGTH = 100;

/** Per-user accuracy of top-100 lists, over the users whose target is not empty. Higher is better for all three. */
export interface UserScores {
  /** The users scored (held-out users with at least one target item), ascending. */
  users: Int32Array;
  /** Each user's top-100 (fold-in items excluded), aligned with `users`. */
  lists: Int32Array[];
  /** NDCG@100, binary relevance, in [0, 1]. */
  ndcg100: Float64Array;
  /** Recall@20 in the Mult-VAE form: hits / min(20, |target|), in [0, 1]. */
  recall20: Float64Array;
  /** Recall@50 in the same form. */
  recall50: Float64Array;
}

/** The users of a held-out group who have something to rank. */
export function scorableUsers(group: HeldOutUsers): Int32Array {
  return group.users.filter((u) => group.target.indptr[u + 1] > group.target.indptr[u]);
}

/**
 * Each user's top-`k` from the model fed their fold-in items (evaluation mode: no dropout, z = μ), fold-in items
 * excluded, in blocks of 256 users (one read-back per block).
 */
export async function rankWithModel(model: MultVae, users: Int32Array, foldIn: Interactions, k = LIST_LENGTH): Promise<Int32Array[]> {
  return rankInBlocks(users, model.numItems, foldIn, k, (block) => model.logitsFromRows(Array.from(block, (u) => userItems(foldIn, u)), { training: false }), EVAL_BLOCK);
}

/** NDCG@100, Recall@20 and Recall@50 of each user's list against their target items. */
export function scoreLists(users: Int32Array, lists: Int32Array[], target: Interactions): UserScores {
  const n = users.length;
  const out: UserScores = { users, lists, ndcg100: new Float64Array(n), recall20: new Float64Array(n), recall50: new Float64Array(n) };
  for (let r = 0; r < n; r++) {
    heartbeat();
    const relevant = new Set(userItems(target, users[r]));
    out.ndcg100[r] = ndcgAtK(lists[r], relevant, 100);
    out.recall20[r] = cappedRecallAtK(lists[r], relevant, 20);
    out.recall50[r] = cappedRecallAtK(lists[r], relevant, 50);
  }
  return out;
}

/** Mean of the values, 0 for none. */
export function mean(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return xs.length ? s / xs.length : 0;
}

/** The three means under `${metric}/${suffix}` keys, e.g. 'ndcg@100/vae-multinomial'. */
export function meanScores(s: UserScores, suffix: string, prefix = ''): Record<string, number> {
  return {
    [`${prefix}ndcg@100/${suffix}`]: mean(s.ndcg100),
    [`${prefix}recall@20/${suffix}`]: mean(s.recall20),
    [`${prefix}recall@50/${suffix}`]: mean(s.recall50),
  };
}
