// Scores a trained P5 model on evaluation prompts: ranking (sequential, direct-choose), yes/no accuracy, rating error.
import * as tf from '@tensorflow/tfjs';
import { logSoftmax } from '../tf/ops';
import { topIndices } from '../experiment/topK';
import { heartbeat } from '../heartbeat';
import { hitAtK, ndcgAtK } from '../metrics/ranking';
import type { P5Transformer } from '../models/p5/transformer';
import { BOS_ID, packPrompts, packTargets } from './batches';
import type { P5Data, P5Example } from './examples';
import { EOS, NO, RATING_TOKENS, ratingClass, YES } from './vocab';

/** What evaluation needs of a model: its two inference methods (a stub can stand in for tests). */
export type P5Scorer = Pick<P5Transformer, 'logits' | 'nextTokenLogits'>;

export interface P5EvalOptions {
  /** Prompts per forward pass (next-token scoring) — one read-back each. Default 64. */
  chunk?: number;
  /** Candidate sequences per forward pass when scoring digit ids by log-likelihood. Default 256. */
  rowsPerPass?: number;
  /** Only the examples of the first `maxUsers` distinct users (in example order). Default: all. */
  maxUsers?: number;
  /** Prompts longer than this are clipped (see `clipPrompt`). Default: no clipping. */
  maxSrc?: number;
}

export interface P5RankingScores {
  hr5: number;
  hr10: number;
  ndcg5: number;
  ndcg10: number;
  /** Users (examples) scored. */
  users: number;
}

export interface P5YesNoScores {
  /** Share of prompts where P(yes) > P(no) agrees with the answer (a tie counts as "no"). */
  accuracy: number;
  n: number;
}

export interface P5RatingScores {
  rmse: number;
  mae: number;
  n: number;
}

/** The examples of the first `maxUsers` distinct users. */
export function firstUsers(examples: readonly P5Example[], maxUsers = Infinity): P5Example[] {
  if (!Number.isFinite(maxUsers)) return examples.slice();
  const keep = new Set<number>();
  return examples.filter((e) => {
    if (keep.has(e.user)) return true;
    if (keep.size >= maxUsers) return false;
    keep.add(e.user);
    return true;
  });
}

function chunks<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let k = 0; k < xs.length; k += size) out.push(xs.slice(k, k + size));
  return out;
}

/**
 * Next-token logits after `<bos>` for each prompt, restricted to the token ids `columns`: returns rows of
 * `columns.length` values, one read-back per chunk of prompts, every tensor disposed.
 */
export async function nextTokenScores(model: P5Scorer, prompts: readonly Int32Array[], columns: Int32Array, opts: P5EvalOptions = {}): Promise<Float32Array[]> {
  const out: Float32Array[] = [];
  const cols = columns.length;
  for (const part of chunks(prompts, opts.chunk ?? 64)) {
    heartbeat();
    const { src, srcLen } = packPrompts(part, opts.maxSrc);
    const prefix = new Int32Array(part.length).fill(BOS_ID);
    const picked = tf.tidy(() => tf.gather(model.nextTokenLogits(src, srcLen, prefix, 1, part.length), tf.tensor1d(columns, 'int32'), 1));
    let flat: Float32Array;
    try {
      flat = (await picked.data()) as Float32Array;
    } finally {
      picked.dispose();
    }
    for (let b = 0; b < part.length; b++) out.push(flat.slice(b * cols, (b + 1) * cols));
  }
  return out;
}

/**
 * log P(target | prompt) = Σ_t log softmax(z_t)[y_t] over the target's tokens (`<eos>` included, so a short id is
 * not favoured for being a prefix of a longer one), teacher-forced, for each (prompt, target) pair: `rowsPerPass`
 * pairs per forward pass and one read-back each. Pairs that share a prompt (the same Int32Array) share one encoder pass.
 */
export async function sequenceLogProbs(model: P5Scorer, pairs: readonly { prompt: Int32Array; target: Int32Array }[], opts: P5EvalOptions = {}): Promise<Float64Array> {
  const out = new Float64Array(pairs.length);
  let at = 0;
  for (const part of chunks(pairs, opts.rowsPerPass ?? 256)) {
    heartbeat();
    const distinct = new Map<Int32Array, number>();
    const srcOf = Int32Array.from(part, (p) => {
      if (!distinct.has(p.prompt)) distinct.set(p.prompt, distinct.size);
      return distinct.get(p.prompt)!;
    });
    const { src, srcLen } = packPrompts([...distinct.keys()], opts.maxSrc);
    const { tgtIn, tgtOut, tgtLen } = packTargets(part.map((p) => p.target));
    const sums = tf.tidy(() => {
      const z = model.logits(src, srcLen, tgtIn, tgtLen, part.length, srcOf);
      const vocab = z.shape[2];
      const logp = logSoftmax(z);
      const y = tf.tensor2d(tgtOut, [part.length, tgtLen], 'int32');
      const picked = tf.sum(tf.mul(logp, tf.oneHot(y, vocab)), 2);
      return tf.sum(tf.mul(picked, tf.cast(tf.notEqual(y, 0), 'float32')), 1);
    });
    let flat: Float32Array;
    try {
      flat = (await sums.data()) as Float32Array;
    } finally {
      sums.dispose();
    }
    out.set(flat, at);
    at += part.length;
  }
  return out;
}

/** Mean HR@5/10 and NDCG@5/10 over users, each with one relevant item, from their top-10 lists. */
function rankingScores(rows: { top: number[]; answer: number }[]): P5RankingScores {
  const s = { hr5: 0, hr10: 0, ndcg5: 0, ndcg10: 0, users: rows.length };
  for (const { top, answer } of rows) {
    const rel = new Set([answer]);
    s.hr5 += hitAtK(top, rel, 5);
    s.hr10 += hitAtK(top, rel, 10);
    s.ndcg5 += ndcgAtK(top, rel, 5);
    s.ndcg10 += ndcgAtK(top, rel, 10);
  }
  const n = Math.max(1, rows.length);
  return { hr5: s.hr5 / n, hr10: s.hr10 / n, ndcg5: s.ndcg5 / n, ndcg10: s.ndcg10 / n, users: rows.length };
}

function answerItem(e: P5Example): number {
  if (!('item' in e.answer)) throw new RangeError(`${e.family} example has no item answer`);
  return e.answer.item;
}

/**
 * The items an example ranks: direct-choose its candidates; sequential the whole catalogue minus the items the user
 * had before the held-out one (the training prefix, plus the validation item at the test stage) — full ranking.
 * The answer itself is never removed, even when it repeats a history item.
 */
function rankingPool(data: P5Data, e: P5Example, stage: 'validation' | 'test'): Int32Array {
  if (e.family === 'direct-choose') {
    if (!e.candidates) throw new RangeError('a direct-choose example without candidates');
    return e.candidates;
  }
  const answer = answerItem(e);
  const seen = new Set(data.split.train[e.user]);
  if (stage === 'test' && data.split.validation[e.user] >= 0) seen.add(data.split.validation[e.user]);
  seen.delete(answer);
  const pool: number[] = [];
  for (let i = 0; i < data.itemIds.ids.length; i++) if (!seen.has(i)) pool.push(i);
  return Int32Array.from(pool);
}

/**
 * HR@5/10 and NDCG@5/10 of sequential or direct-choose examples (one held-out item each).
 * - Atomic ids: one next-token softmax after `<bos>` scores every item token at once.
 * - Digit ids (random / sequential modes): an item's score is log P(its digits + `<eos>` | prompt), teacher-forced.
 *   direct-choose costs 100 sequences per example; sequential full ranking costs ~numItems sequences per user
 *   (numItems / rowsPerPass forward passes each) — cap it with `maxUsers`.
 * `stage` says which items the user had already seen (excluded from a sequential full ranking).
 */
export async function evaluateRanking(model: P5Scorer, data: P5Data, examples: readonly P5Example[], stage: 'validation' | 'test', opts: P5EvalOptions = {}): Promise<P5RankingScores> {
  const exs = firstUsers(examples, opts.maxUsers);
  const rows: { top: number[]; answer: number }[] = [];
  if (data.itemIds.mode === 'atomic') {
    const numItems = data.itemIds.ids.length;
    const columns = Int32Array.from({ length: numItems }, (_, i) => data.vocab.itemBase + i);
    const scores = await nextTokenScores(
      model,
      exs.map((e) => e.prompt),
      columns,
      opts,
    );
    exs.forEach((e, b) => {
      const pool = rankingPool(data, e, stage);
      rows.push({ top: topIndices(Float64Array.from(pool, (i) => scores[b][i]), 10).map((j) => pool[j]), answer: answerItem(e) });
    });
  } else {
    const eos = data.vocab.id(EOS);
    const targetOf = (i: number) => Int32Array.from([...data.vocab.encode(data.itemTokens(i)), eos]);
    for (const e of exs) {
      const pool = rankingPool(data, e, stage);
      const lp = await sequenceLogProbs(
        model,
        Array.from(pool, (i) => ({ prompt: e.prompt, target: targetOf(i) })),
        opts,
      );
      rows.push({ top: topIndices(lp, 10).map((j) => pool[j]), answer: answerItem(e) });
    }
  }
  return rankingScores(rows);
}

/**
 * The popularity reference on the same prompts and protocol as {@link evaluateRanking}: every candidate (the
 * catalogue minus the history, or the 100 listed) ranked by its number of training-prefix interactions, ties by the
 * lower item index. No model: what a ranking that ignores the user reaches.
 */
export function evaluatePopularity(data: P5Data, examples: readonly P5Example[], stage: 'validation' | 'test', opts: Pick<P5EvalOptions, 'maxUsers'> = {}): P5RankingScores {
  const counts = new Float64Array(data.itemIds.ids.length);
  for (const prefix of data.split.train) for (const i of prefix) counts[i]++;
  return rankingScores(
    firstUsers(examples, opts.maxUsers).map((e) => {
      const pool = rankingPool(data, e, stage);
      return { top: topIndices(Float64Array.from(pool, (i) => counts[i]), 10).map((j) => pool[j]), answer: answerItem(e) };
    }),
  );
}

/** The mean-rating reference: every rating predicted as the mean of the training prefixes' ratings (classes 1–5). */
export function evaluateMeanRating(data: P5Data, ratings: ArrayLike<number>, examples: readonly P5Example[], opts: Pick<P5EvalOptions, 'maxUsers'> = {}): P5RatingScores {
  let sum = 0;
  let n = 0;
  data.split.positions.forEach((pos, u) => {
    for (let k = 0; k < data.split.train[u].length; k++) {
      sum += ratingClass(ratings[pos[k]]);
      n++;
    }
  });
  const mean = n === 0 ? 3 : sum / n;
  return ratingErrors(firstUsers(examples, opts.maxUsers), () => mean);
}

/** RMSE and MAE of a prediction per rating example against its rating 1–5. */
function ratingErrors(exs: readonly P5Example[], predict: (b: number) => number): P5RatingScores {
  let se = 0;
  let ae = 0;
  exs.forEach((e, b) => {
    if (!('rating' in e.answer)) throw new RangeError(`${e.family} example has no rating answer`);
    const err = predict(b) - e.answer.rating;
    se += err * err;
    ae += Math.abs(err);
  });
  const n = exs.length;
  return { rmse: n === 0 ? 0 : Math.sqrt(se / n), mae: n === 0 ? 0 : ae / n, n };
}

/** direct-yesno accuracy: "yes" iff the next-token logit of `yes` after `<bos>` exceeds that of `no`. */
export async function evaluateYesNo(model: P5Scorer, data: P5Data, examples: readonly P5Example[], opts: P5EvalOptions = {}): Promise<P5YesNoScores> {
  const exs = firstUsers(examples, opts.maxUsers);
  const scores = await nextTokenScores(
    model,
    exs.map((e) => e.prompt),
    data.vocab.encode([YES, NO]),
    opts,
  );
  let right = 0;
  exs.forEach((e, b) => {
    if (!('yes' in e.answer)) throw new RangeError(`${e.family} example has no yes/no answer`);
    if (scores[b][0] > scores[b][1] === e.answer.yes) right++;
  });
  return { accuracy: exs.length === 0 ? 0 : right / exs.length, n: exs.length };
}

/**
 * Rating error: the prediction is E[r] = Σ_k k · p_k with p = softmax over the five `<rating_k>` logits only
 * (renormalised: mass on other tokens is ignored), against the example's rating 1–5 → RMSE and MAE.
 */
export async function evaluateRating(model: P5Scorer, data: P5Data, examples: readonly P5Example[], opts: P5EvalOptions = {}): Promise<P5RatingScores> {
  const exs = firstUsers(examples, opts.maxUsers);
  const scores = await nextTokenScores(
    model,
    exs.map((e) => e.prompt),
    data.vocab.encode(RATING_TOKENS),
    opts,
  );
  return ratingErrors(exs, (b) => {
    const z = scores[b];
    const m = Math.max(...z);
    let sum = 0;
    let expected = 0;
    z.forEach((v, k) => {
      const w = Math.exp(v - m);
      sum += w;
      expected += (k + 1) * w;
    });
    return expected / sum;
  });
}
