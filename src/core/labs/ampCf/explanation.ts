// The explanation view of one user: their history split by persona, and both models' top-k with AMP-CF's attention.
import * as tf from '@tensorflow/tfjs';
import { userItems, type Dataset, type Interactions } from '../../data/dataset';
import { topKFromScores } from '../../experiment/topK';
import { genreDistribution, tasteDistance } from '../../metrics';
import type { AmpCf } from '../../models/ampCf/model';
import { argmax, trueTastes } from './personaTruth';

/** History items shown on each persona card. */
export const ITEMS_PER_PERSONA = 5;

/** An item as the panel shows it. */
export interface ItemView {
  item: number;
  title: string;
  genres: string[];
}

/** A history item with AMP-CF's attention over the user's personas. */
export interface HistoryItemView extends ItemView {
  /** α over the P personas (sums to 1). */
  attention: number[];
  /** p* = argmax α: the persona this item belongs to (0-based). */
  persona: number;
}

/** A recommended item of one model's top-k. */
export interface RankedItemView extends ItemView {
  /** 1-based position in the list. */
  rank: number;
  /** The model's score s(u, i) (a logit; only the order matters). */
  score: number;
  /** True when this is the user's held-out item (a hit). */
  heldOut: boolean;
}

/** A recommendation of AMP-CF, explained: which persona asked for it. */
export interface ExplainedItemView extends RankedItemView {
  /** α over the P personas (sums to 1). */
  attention: number[];
  /** p* = argmax α: the persona that explains the recommendation (0-based). */
  persona: number;
}

/** One persona of the user, seen through their history. */
export interface PersonaCard {
  persona: number;
  /** Mean attention this persona gets over the user's history items: its share of the user (the P shares sum to 1). */
  share: number;
  /** History items whose p* is this persona. */
  items: number;
  /** The history items with the highest α for this persona, best first (at most {@link ITEMS_PER_PERSONA}). */
  topItems: (ItemView & { attention: number })[];
  /** Genre mix of the persona: the α-weighted genre distribution of the history, Σ_i α_ip g_i / Σ_i α_ip (sums to 1). */
  genreMix: number[];
}

/** The 'explanation' artifact: everything the persona panel draws for one user, after one epoch. */
export interface ExplanationArtifact {
  /** The epoch the models had finished when this was made (0 = untrained). */
  epoch: number;
  user: number;
  userId: string;
  /** True when the user was chosen automatically (setting −1). */
  auto: boolean;
  personas: number;
  listSize: number;
  genreNames: string[];
  /** Training items of the user, in id order, with AMP-CF's attention. */
  history: HistoryItemView[];
  /** The item held out for testing (null when the user has fewer than 2 items). */
  heldOut: ItemView | null;
  /** The user's true taste mixture per genre (sums to 1); null for data without ground truth. */
  trueTastes: number[] | null;
  personaCards: PersonaCard[];
  /** AMP-CF's top-k of the unseen items, with attention and p*. */
  amp: ExplainedItemView[];
  /** MF's (P = 1) top-k of the unseen items. */
  mf: RankedItemView[];
  /** Genre distributions (each item's unit shared among its genres; each sums to 1) of the history and the two lists. */
  genreHistogram: { history: number[]; amp: number[]; mf: number[] };
  /** Jensen–Shannon (bits) between the history's genre mix and each list's: lower = the list matches the user's tastes. */
  tasteDistance: { amp: number; mf: number };
}

/**
 * The user the explanation shows when the setting is −1: among users with a held-out item and ≥ 2 true tastes,
 * the one whose true taste mixture has the highest entropy (the most evenly mixed); on data without ground truth,
 * the one whose history's genre mix has the highest entropy among users with ≥ 10 training items (or any user if
 * none has). Ties → the lower id. Deterministic given the split.
 */
export function autoUser(data: Pick<Dataset, 'groundTruth' | 'itemGenres' | 'genreNames'>, train: Interactions, heldOut: Interactions): number {
  const T = data.genreNames.length;
  const hasTest = (u: number) => heldOut.indptr[u + 1] > heldOut.indptr[u];
  const entropy = (p: ArrayLike<number>) => {
    let h = 0;
    for (let g = 0; g < p.length; g++) if (p[g] > 0) h -= p[g] * Math.log(p[g]);
    return h;
  };
  let best = -1;
  let bestH = -Infinity;
  const consider = (u: number, h: number) => {
    if (h > bestH) {
      best = u;
      bestH = h;
    }
  };
  const truth = data.groundTruth;
  if (truth) {
    for (let u = 0; u < train.numUsers; u++) {
      if (hasTest(u) && trueTastes(truth, T, u).length >= 2) consider(u, entropy(truth.userTastes.subarray(u * T, (u + 1) * T)));
    }
  }
  if (best < 0) {
    for (const minItems of [10, 1]) {
      for (let u = 0; u < train.numUsers; u++) {
        const h = userItems(train, u);
        if (hasTest(u) && h.length >= minItems) consider(u, entropy(genreDistribution(h, data.itemGenres, T)));
      }
      if (best >= 0) break;
    }
  }
  return Math.max(0, best);
}

/** What the explanation is built from. */
export interface ExplainInput {
  user: number;
  auto: boolean;
  epoch: number;
  amp: AmpCf;
  mf: AmpCf;
  train: Interactions;
  heldOut: Interactions;
  data: Dataset;
  listSize: number;
}

/** Builds the 'explanation' artifact (reads a few small tensors back; frees them all). */
export async function explainUser(x: ExplainInput): Promise<ExplanationArtifact> {
  const { user, amp, mf, train, heldOut, data, listSize: k } = x;
  const T = data.genreNames.length;
  const P = amp.personas;
  const view = (i: number): ItemView => ({ item: i, title: data.itemTitles?.[i] ?? data.itemIds[i] ?? String(i), genres: genresOf(data, i) });
  const history = Array.from(userItems(train, user));
  const test = new Set(userItems(heldOut, user));
  const users = new Int32Array([user]);

  const ranked = async (model: AmpCf) => {
    const logits = tf.tidy(() => model.logits(tf.tensor1d(users, 'int32')));
    const scores = (await logits.data()) as Float32Array;
    logits.dispose();
    const list = Array.from(topKFromScores(scores, users, model.numItems, train, k)[0]);
    return list.map((i, r): RankedItemView => ({ ...view(i), rank: r + 1, score: scores[i], heldOut: test.has(i) }));
  };
  const attentionOf = async (items: number[]): Promise<number[][]> => {
    if (!items.length) return [];
    const t = tf.tidy(() => amp.attention(tf.tensor1d(users, 'int32'), tf.tensor2d(items, [1, items.length], 'int32')));
    const a = (await t.data()) as Float32Array;
    t.dispose();
    return items.map((_, j) => Array.from(a.subarray(j * P, (j + 1) * P)));
  };

  const [ampList, mfList, histAlpha] = await Promise.all([ranked(amp), ranked(mf), attentionOf(history)]);
  const listAlpha = await attentionOf(ampList.map((r) => r.item));
  const historyViews = history.map((i, j): HistoryItemView => ({ ...view(i), attention: histAlpha[j], persona: argmax(histAlpha[j], 0, P) }));

  const personaCards = Array.from({ length: P }, (_, p): PersonaCard => {
    const weight = history.map((_, j) => histAlpha[j][p]);
    const order = history.map((_, j) => j).sort((a, b) => weight[b] - weight[a] || history[a] - history[b]);
    const mix = new Float64Array(T);
    let mass = 0;
    history.forEach((i, j) => {
      const g = genreDistribution([i], data.itemGenres, T);
      if (!g.some((v) => v > 0)) return;
      for (let t = 0; t < T; t++) mix[t] += weight[j] * g[t];
      mass += weight[j];
    });
    return {
      persona: p,
      share: history.length ? weight.reduce((a, b) => a + b, 0) / history.length : 0,
      items: historyViews.filter((h) => h.persona === p).length,
      topItems: order.slice(0, ITEMS_PER_PERSONA).map((j) => ({ ...view(history[j]), attention: weight[j] })),
      genreMix: Array.from(mix, (v) => (mass > 0 ? v / mass : 0)),
    };
  });

  const mixOf = (items: number[]) => Array.from(genreDistribution(items, data.itemGenres, T));
  const distance = (list: RankedItemView[]) => tasteDistance(history, list.map((r) => r.item), data.itemGenres, T, k);
  const heldOutItem = test.size ? [...test][0] : -1;
  return {
    epoch: x.epoch,
    user,
    userId: data.userIds[user] ?? String(user),
    auto: x.auto,
    personas: P,
    listSize: k,
    genreNames: data.genreNames,
    history: historyViews,
    heldOut: heldOutItem >= 0 ? view(heldOutItem) : null,
    trueTastes: data.groundTruth ? Array.from(data.groundTruth.userTastes.subarray(user * T, (user + 1) * T)) : null,
    personaCards,
    amp: ampList.map((r, j) => ({ ...r, attention: listAlpha[j], persona: argmax(listAlpha[j], 0, P) })),
    mf: mfList,
    genreHistogram: { history: mixOf(history), amp: mixOf(ampList.map((r) => r.item)), mf: mixOf(mfList.map((r) => r.item)) },
    tasteDistance: { amp: distance(ampList), mf: distance(mfList) },
  };
}

/** Genre names of item i. */
function genresOf(data: Pick<Dataset, 'itemGenres' | 'genreNames'>, i: number): string[] {
  const T = data.genreNames.length;
  return data.genreNames.filter((_, g) => data.itemGenres[i * T + g]);
}
