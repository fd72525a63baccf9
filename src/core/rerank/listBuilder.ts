// Builds the lists a model recommends from a block of its scores: the top N, or the consumption-aware re-ranking.
import { userItems, type Interactions } from '../data/dataset';
import { ErrorCode, LabError } from '../errors';
import { heartbeat } from '../heartbeat';
import { topKFromScores } from '../experiment/topK';
import { candidatesFromScores, catalogueTastes, consumptionRerank, genreLists, historyTastes, liftTastes, modelTastes } from './consumptionRerank';

/** How a list is made from scores: the N best, or consumption-aware (Peng et al.) for a user who consumes c. */
export type ListMode = 'top-n' | 'consumption';
/**
 * Where the user's type (genre) probabilities come from: the history's genre mix above the base rate (the
 * default), the raw history mix, the model's softmax, or the synthetic world's true tastes (an oracle).
 */
export const TASTE_SOURCES = ['history-lift', 'history', 'model', 'truth'] as const;
export type TasteSource = (typeof TASTE_SOURCES)[number];

/** What re-ranking needs besides the scores, computed once per split. */
export interface ListContext {
  genres: Int32Array[];
  numGenres: number;
  /** The catalogue-wide genre mix of the training data (smooths each user's tastes). */
  prior: Float64Array;
  /** Each user's known items: never recommended, and the history tastes are read from them. */
  history: Interactions;
  /**
   * How many unseen items a user is expected to like per item they brought: testFraction / (1 − testFraction)
   * under a weak split (¼ for 80/20). Used only to turn the softmax into chances.
   */
  heldOutRatio: number;
  /** Row-major numUsers × numGenres true tastes (synthetic data only), for the 'truth' source. */
  truth?: Float64Array;
}

export interface ListContextOptions {
  /** The weak split's held-out share (default 0.2), giving heldOutRatio = f / (1 − f); ignored if heldOutRatio is set. */
  testFraction?: number;
  /** Unseen items liked per item brought, when the protocol is not a fixed share (e.g. a session holdout). */
  heldOutRatio?: number;
  truth?: Float64Array;
  /** Types other than the genres (e.g. clusters of item vectors): each item's types, and how many there are. */
  types?: { lists: Int32Array[]; count: number };
}

export function listContext(history: Interactions, itemGenres: Uint8Array, numGenres: number, opts: ListContextOptions = {}): ListContext {
  const genres = opts.types?.lists ?? genreLists(itemGenres, numGenres);
  const count = opts.types?.count ?? numGenres;
  const rows = Array.from({ length: history.numUsers }, (_, u) => userItems(history, u));
  const f = opts.testFraction ?? 0.2;
  const ratio = opts.heldOutRatio ?? f / (1 - f);
  // True tastes are over genres: they cannot stand for other types.
  const truth = opts.types ? undefined : opts.truth;
  return { genres, numGenres: count, prior: catalogueTastes(rows, genres, count), history, heldOutRatio: ratio, truth };
}

/** Share of the true tastes mixed with the base rate for the 'truth' source, so a list may still hold other genres. */
const TRUTH_FLOOR = 0.01;

/** User u's type probabilities from `source` (`scores`: the user's row over the catalogue, for 'model'). */
export function userTastes(ctx: ListContext, u: number, scores: ArrayLike<number>, source: TasteSource): Float64Array {
  const seen = userItems(ctx.history, u);
  switch (source) {
    case 'model':
      return modelTastes(scores, ctx.genres, ctx.numGenres);
    case 'truth': {
      if (!ctx.truth) throw new LabError(ErrorCode.DataUnsuitable, "taste source 'truth' needs a synthetic dataset (its true tastes); use 'history-lift' on imported data");
      const T = ctx.numGenres;
      return Float64Array.from({ length: T }, (_, t) => (1 - TRUTH_FLOOR) * ctx.truth![u * T + t] + TRUTH_FLOOR * ctx.prior[t]);
    }
    case 'history':
      return historyTastes(seen, ctx.genres, ctx.numGenres, ctx.prior);
    case 'history-lift':
      return liftTastes(historyTastes(seen, ctx.genres, ctx.numGenres, ctx.prior), ctx.prior);
  }
}

export interface ListOptions {
  mode: ListMode;
  /** Items the user consumes (consumption mode). */
  c: number;
  tastes: TasteSource;
  /** Top-n mode: also sum the model's chances r_i over each list (expectedHits; otherwise NaN). */
  forecast?: boolean;
}

/**
 * Lists of length k for `users` from their row-major scores (users.length × numItems). Consumption mode also
 * counts the users whose top N was kept (`keptTopN`) and sums the hits the model expects in the lists.
 */
export function buildLists(scores: Float32Array, users: Int32Array, numItems: number, ctx: ListContext, k: number, opts: ListOptions): { lists: Int32Array[]; keptTopN: number; expectedHits: number } {
  if (opts.mode === 'top-n') {
    // The hits the model expects in its own top k, by the same r_i the re-ranking uses (to read its calibration):
    // a softmax and a sort per user, so only when asked.
    let expectedHits = opts.forecast ? 0 : NaN;
    for (let r = 0; opts.forecast && r < users.length; r++) {
      heartbeat();
      const seen = userItems(ctx.history, users[r]);
      const top = candidatesFromScores(scores.subarray(r * numItems, (r + 1) * numItems), seen, seen.length * ctx.heldOutRatio, k);
      for (const x of top.relevance) expectedHits += x;
    }
    return { lists: topKFromScores(scores, users, numItems, ctx.history, k), keptTopN: 0, expectedHits };
  }
  const lists: Int32Array[] = [];
  let keptTopN = 0;
  let expectedHits = 0;
  for (let r = 0; r < users.length; r++) {
    heartbeat();
    const row = scores.subarray(r * numItems, (r + 1) * numItems);
    const seen = userItems(ctx.history, users[r]);
    const p = userTastes(ctx, users[r], row, opts.tastes);
    const cands = candidatesFromScores(row, seen, seen.length * ctx.heldOutRatio);
    const res = consumptionRerank(cands, p, ctx.genres, k, opts.c);
    if (res.keptTopN) keptTopN++;
    expectedHits += res.expectedHits;
    lists.push(res.list);
  }
  return { lists, keptTopN, expectedHits };
}
