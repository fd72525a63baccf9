// Held-out protocols whose held-out items are not a random sample of the history: by time (the last share of a
// user's clicks, or their last session) and, on synthetic data, by mood (one of the user's true tastes). The
// consumption lab uses them to test Peng et al.'s premise — the user wants a few items of ONE of their tastes now —
// which a random 80/20 split does not match: its held-out items are a sample of all of a user's tastes at once.
import { heartbeat } from '../heartbeat';
import type { Rng } from '../random/rng';
import type { Interactions } from './dataset';
import { keepPositions, type Split } from './split';

/** A split with how many users have held-out items (the users scored). */
export interface ProtocolSplit extends Split {
  usersHeldOut: number;
}

function splitByFlags(x: Interactions, held: Uint8Array): ProtocolSplit {
  const kept = held.map((h) => 1 - h);
  const heldOut = keepPositions(x, held);
  let usersHeldOut = 0;
  for (let u = 0; u < x.numUsers; u++) if (heldOut.indptr[u + 1] > heldOut.indptr[u]) usersHeldOut++;
  return { train: keepPositions(x, kept), heldOut, usersHeldOut };
}

function checkTimestamps(x: Interactions, timestamps: Float64Array): void {
  if (timestamps.length !== x.indices.length) throw new RangeError(`timestamps has ${timestamps.length} entries but the interactions have ${x.indices.length}`);
}

/** CSR positions of user u's rows, oldest first (ties: the earlier position first — deterministic). */
export function byTime(x: Interactions, timestamps: Float64Array, u: number): number[] {
  const pos = Array.from({ length: x.indptr[u + 1] - x.indptr[u] }, (_, j) => x.indptr[u] + j);
  return pos.sort((a, b) => timestamps[a] - timestamps[b] || a - b);
}

/**
 * Temporal holdout: per user the latest `testFraction` of their clicks by time (at least one, at least one left
 * for training; as {@link weakSplit} counts them, round(n · fraction)). Users with fewer than 2 clicks keep all.
 */
export function temporalSplit(x: Interactions, timestamps: Float64Array, testFraction = 0.2): ProtocolSplit {
  checkTimestamps(x, timestamps);
  const held = new Uint8Array(x.indices.length);
  for (let u = 0; u < x.numUsers; u++) {
    heartbeat();
    const order = byTime(x, timestamps, u);
    const n = order.length;
    const nTest = n < 2 ? 0 : Math.min(n - 1, Math.max(1, Math.round(n * testFraction)));
    for (let j = n - nTest; j < n; j++) held[order[j]] = 1;
  }
  return splitByFlags(x, held);
}

export interface SessionOptions {
  /** A pause longer than this (seconds) starts a new session. Default 3600 (one hour). */
  gapSeconds?: number;
  /** The last session is held out only if it is at most this share of the user's clicks. Default 0.5. */
  maxFraction?: number;
}

/**
 * Session holdout: a user's clicks are cut into sessions wherever the pause between two consecutive clicks exceeds
 * `gapSeconds`; the LAST session is held out when the user has at least two sessions and the last holds at most
 * `maxFraction` of their clicks. Other users (one session — on MovieLens most users rated everything in one
 * sitting — or a last session that is most of their history) keep everything in train and are not scored.
 */
export function sessionSplit(x: Interactions, timestamps: Float64Array, opts: SessionOptions = {}): ProtocolSplit {
  checkTimestamps(x, timestamps);
  const gap = opts.gapSeconds ?? 3600;
  const maxFraction = opts.maxFraction ?? 0.5;
  if (!(gap >= 0)) throw new RangeError(`gapSeconds ${gap} must be ≥ 0`);
  if (!(maxFraction > 0 && maxFraction < 1)) throw new RangeError(`maxFraction ${maxFraction} must be in (0, 1)`);
  const held = new Uint8Array(x.indices.length);
  for (let u = 0; u < x.numUsers; u++) {
    heartbeat();
    const order = byTime(x, timestamps, u);
    let start = order.length - 1;
    while (start > 0 && timestamps[order[start]] - timestamps[order[start - 1]] <= gap) start--;
    const size = order.length - start;
    if (start === 0 || size > maxFraction * order.length) continue;
    for (let j = start; j < order.length; j++) held[order[j]] = 1;
  }
  return splitByFlags(x, held);
}

/**
 * Mood holdout (synthetic data): per user one taste t is drawn with the user's TRUE taste probabilities, and the
 * held-out items are round(n · testFraction) of the user's clicks of genre t, drawn at random (fewer if the user
 * has fewer such clicks; always at least one click left for training). The draw is restricted to genres the user
 * has clicked, weighted by the true tastes (users with no such genre keep everything). The user arrives "in one
 * mood": the held-out set is one taste, as Peng et al.'s model assumes, not a sample of all of them.
 */
export function moodSplit(x: Interactions, rng: Rng, itemGenres: Uint8Array, numGenres: number, tastes: Float64Array, testFraction = 0.2): ProtocolSplit {
  if (tastes.length !== x.numUsers * numGenres) throw new RangeError(`tastes has ${tastes.length} entries, expected ${x.numUsers} × ${numGenres}`);
  const held = new Uint8Array(x.indices.length);
  const weights = new Float64Array(numGenres);
  for (let u = 0; u < x.numUsers; u++) {
    heartbeat();
    const start = x.indptr[u];
    const n = x.indptr[u + 1] - start;
    if (n < 2) continue;
    weights.fill(0);
    for (let p = start; p < start + n; p++) {
      for (let t = 0; t < numGenres; t++) if (itemGenres[x.indices[p] * numGenres + t]) weights[t] = tastes[u * numGenres + t];
    }
    if (!(weights.reduce((a, b) => a + b, 0) > 0)) continue;
    const t = rng.categorical(weights);
    const ofMood: number[] = [];
    for (let p = start; p < start + n; p++) if (itemGenres[x.indices[p] * numGenres + t]) ofMood.push(p);
    const want = Math.min(n - 1, Math.max(1, Math.round(n * testFraction)));
    rng.shuffle(ofMood);
    for (let j = 0; j < Math.min(want, ofMood.length); j++) held[ofMood[j]] = 1;
  }
  return splitByFlags(x, held);
}
