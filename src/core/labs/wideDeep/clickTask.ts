// The click-prediction task: impressions (user, item) with a clicked / not-clicked label, drawn from a synthetic world's
// true click probability or read from imported ratings, split into train / validation / test.
import type { Dataset } from '../../data/dataset';
import { isPreset } from '../../data/datasetChoice';
import { SYNTHETIC_PRESETS } from '../../data/synthetic';
import { weightedSampleWithoutReplacement } from '../../data/syntheticDraws';
import { ErrorCode, LabError } from '../../errors';
import { heartbeat } from '../../heartbeat';
import { Rng } from '../../random/rng';

/** Which part of the data an impression belongs to. */
export const TRAIN = 0;
export const VALID = 1;
export const TEST = 2;
/** Shares of validation and test impressions (the rest trains). */
export const VALID_SHARE = 0.1;
export const TEST_SHARE = 0.2;
/** Impressions are drawn with probability ∝ popularity^EXPOSURE_POWER: a feed that favours popular items, flattened. */
export const EXPOSURE_POWER = 0.5;

export interface ClickTask {
  user: Int32Array;
  item: Int32Array;
  /** 1 = clicked. */
  label: Uint8Array;
  /** TRAIN, VALID or TEST per impression. */
  part: Uint8Array;
  /** Synthetic worlds: the true click probability of each impression (what a Bayes-optimal model predicts). */
  truth?: Float64Array;
  /** Synthetic worlds: 1 where the impression's user feature × item creator is a planted exception. */
  exception?: Uint8Array;
  /** How the labels were made, for the run's info. */
  source: string;
}

/**
 * The true click probability on a synthetic world. The world's choice weight (syntheticWorld.ts) is
 * w_{u,i} = (ε + (1 − ε)·m_{u,i}) · π_i^β · q_i · B^{x_{u,i}}; popularity π decides what is shown (exposure), the rest
 * whether it is clicked:
 *
 *   P(click | u, i shown) = σ(a + s_{u,i}),   s_{u,i} = ln((ε + (1 − ε)·m_{u,i}) · q_i) + x_{u,i} · ln B,
 *
 * so the odds of a click are proportional to the taste match, the quality and the planted exception boost; the
 * intercept a is set so the mean probability over the impressions is `clickRate`.
 */
export function syntheticClickScores(data: Dataset, users: Int32Array, items: Int32Array): { score: Float64Array; exception: Uint8Array } {
  const gt = data.groundTruth;
  const spec = isPreset(data.source.kind === 'synthetic' ? data.source.preset : '') ? SYNTHETIC_PRESETS[(data.source as { preset: keyof typeof SYNTHETIC_PRESETS }).preset] : null;
  if (!gt || !spec || !data.attributes || !data.userFeatures) {
    throw new LabError(ErrorCode.DataUnsuitable, `'dataset': ${data.name} has no true click probability: use a built-in synthetic world, or imported data with ratings`);
  }
  const t = data.genreNames.length;
  const nf = data.userFeatures.names.length;
  const creatorOf = new Int32Array(data.interactions.numItems).fill(-1);
  const a = data.attributes;
  for (let k = 0; k < a.item.length; k++) if (a.relation[k] === 0) creatorOf[a.item[k]] = a.entity[k];
  const eps = spec.offTasteWeight;
  const lnB = Math.log(spec.exceptionBoost);
  const score = new Float64Array(users.length);
  const exception = new Uint8Array(users.length);
  for (let k = 0; k < users.length; k++) {
    const u = users[k];
    const i = items[k];
    let match = 0;
    let g = 0;
    for (let j = 0; j < t; j++) {
      if (!data.itemGenres[i * t + j]) continue;
      match += gt.userTastes[u * t + j];
      g++;
    }
    match = g > 0 ? match / g : 0;
    let x = 0;
    for (const e of gt.exceptions) if (data.userFeatures.values[u * nf + e.userFeature] && creatorOf[i] === e.entity) x++;
    exception[k] = x > 0 ? 1 : 0;
    score[k] = Math.log((eps + (1 - eps) * match) * gt.itemQuality[i]) + x * lnB;
  }
  return { score, exception };
}

/** The intercept a with mean_k σ(a + s_k) = rate (bisection; the mean is increasing in a). */
export function interceptFor(scores: Float64Array, rate: number): number {
  let lo = -50;
  let hi = 50;
  for (let it = 0; it < 100; it++) {
    const mid = (lo + hi) / 2;
    let sum = 0;
    for (let k = 0; k < scores.length; k++) sum += 1 / (1 + Math.exp(-(mid + scores[k])));
    if (sum / scores.length < rate) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** The impressions of one part (TRAIN, VALID or TEST), in order. */
export function rowsIn(task: Pick<ClickTask, 'part'>, part: number): Int32Array {
  const out: number[] = [];
  for (let k = 0; k < task.part.length; k++) if (task.part[k] === part) out.push(k);
  return Int32Array.from(out);
}

/** Assigns each impression to train / validation / test at random (shares VALID_SHARE, TEST_SHARE). */
function drawParts(n: number, rng: Rng): Uint8Array {
  const part = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const r = rng.float();
    part[k] = r < TEST_SHARE ? TEST : r < TEST_SHARE + VALID_SHARE ? VALID : TRAIN;
  }
  return part;
}

/**
 * Synthetic worlds: each user is shown `perUser` distinct items drawn ∝ π_i^EXPOSURE_POWER (capped at half the
 * catalogue) and clicks each with its true probability. Imported data: every rated pair is an impression, clicked
 * when its rating is ≥ `threshold`.
 */
export function buildClickTask(data: Dataset, opts: { perUser: number; clickRate: number; threshold: number }, rng: Rng): ClickTask {
  const x = data.interactions;
  if (data.source.kind === 'synthetic') {
    const pop = data.groundTruth?.itemPopularity;
    if (!pop) throw new LabError(ErrorCode.DataUnsuitable, `'dataset': ${data.name} has no item popularity to draw impressions from`);
    const exposure = Float64Array.from(pop, (p) => Math.pow(p, EXPOSURE_POWER));
    const take = Math.min(opts.perUser, Math.max(1, Math.floor(x.numItems / 2)));
    const showRng = rng.fork('impressions');
    const users = new Int32Array(x.numUsers * take);
    const items = new Int32Array(x.numUsers * take);
    let n = 0;
    for (let u = 0; u < x.numUsers; u++) {
      heartbeat();
      for (const i of weightedSampleWithoutReplacement(showRng, exposure, take)) {
        users[n] = u;
        items[n++] = i;
      }
    }
    const { score, exception } = syntheticClickScores(data, users.subarray(0, n), items.subarray(0, n));
    const a = interceptFor(score, opts.clickRate);
    const truth = Float64Array.from(score, (s) => 1 / (1 + Math.exp(-(a + s))));
    const clickRng = rng.fork('clicks');
    const label = Uint8Array.from(truth, (p) => (clickRng.float() < p ? 1 : 0));
    return { user: users.subarray(0, n), item: items.subarray(0, n), label, truth, exception, part: drawParts(n, rng.fork('split')), source: `${take} impressions per user drawn ∝ popularity^${EXPOSURE_POWER}, clicks drawn from the true probability` };
  }
  if (!data.ratings) {
    throw new LabError(ErrorCode.DataUnsuitable, `'dataset': ${data.name} has no ratings, and on imported data a rating is what says shown-and-clicked (≥ the click threshold) or shown-and-not-clicked: import a file with a rating column`);
  }
  const n = x.indptr[x.numUsers];
  const users = new Int32Array(n);
  const label = new Uint8Array(n);
  for (let u = 0; u < x.numUsers; u++) for (let p = x.indptr[u]; p < x.indptr[u + 1]; p++) users[p] = u;
  let clicks = 0;
  for (let p = 0; p < n; p++) clicks += label[p] = data.ratings[p] >= opts.threshold ? 1 : 0;
  if (clicks === 0 || clicks === n) {
    const what = clicks === 0 ? 'no rating reaches' : 'every kept rating reaches';
    throw new LabError(ErrorCode.DataUnsuitable, `'clickThreshold': ${what} ${opts.threshold}, so there is nothing to tell clicks from non-clicks: ${clicks === n ? 'import with rating threshold 1 to keep the low ratings, or raise the click threshold' : 'lower the click threshold'}`);
  }
  return { user: users, item: Int32Array.from(x.indices), label, part: drawParts(n, rng.fork('split')), source: `every rating is an impression; rating ≥ ${opts.threshold} is a click` };
}
