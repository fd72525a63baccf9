// How a trained model's personas line up with the true tastes a synthetic world drew each user from.
import * as tf from '@tensorflow/tfjs';
import { userItems, type GroundTruth, type Interactions } from '../../data/dataset';
import type { Rng } from '../../random/rng';
import type { AmpCf } from '../../models/ampCf/model';

/** A genre counts as one of a user's true tastes when its weight in the user's mixture is at least this. */
export const TASTE_MIN = 0.1;
/** Random re-assignments averaged per user for the chance level. */
const CHANCE_DRAWS = 20;
/** Users whose history attention is computed per device call. */
const BATCH_USERS = 128;

/** The user's true tastes: genres with weight ≥ {@link TASTE_MIN}, heaviest first (ties: lower genre id). */
export function trueTastes(truth: GroundTruth, numGenres: number, user: number): number[] {
  const w = truth.userTastes.subarray(user * numGenres, (user + 1) * numGenres);
  const out: number[] = [];
  for (let g = 0; g < numGenres; g++) if (w[g] >= TASTE_MIN) out.push(g);
  return out.sort((a, b) => w[b] - w[a] || a - b);
}

/**
 * The taste that explains `item` for a user with true tastes `tastes` (heaviest first): the first of them the item
 * has as a genre, or −1 when it has none of them (an off-taste pick).
 */
export function tasteOfItem(itemGenres: Uint8Array, numGenres: number, item: number, tastes: readonly number[]): number {
  for (const t of tastes) if (itemGenres[item * numGenres + t]) return t;
  return -1;
}

/**
 * Purity of a partition: each group (persona) is credited with its most common label (taste),
 * purity = Σ_p max_t |{i : a_i = p, t_i = t}| / N ∈ (0, 1]. Higher = groups are purer. One group scores the share of
 * the most common label; N groups of one item score 1 — so compare with {@link chancePurity}.
 */
export function partitionPurity(assign: ArrayLike<number>, labels: ArrayLike<number>): number {
  const n = assign.length;
  if (n === 0) return NaN;
  const counts = new Map<number, Map<number, number>>();
  for (let i = 0; i < n; i++) {
    let row = counts.get(assign[i]);
    if (!row) counts.set(assign[i], (row = new Map()));
    row.set(labels[i], (row.get(labels[i]) ?? 0) + 1);
  }
  let sum = 0;
  for (const row of counts.values()) sum += Math.max(...row.values());
  return sum / n;
}

/**
 * Chance level of {@link partitionPurity} for the same group sizes: the mean purity over `draws` random
 * permutations of the assignment (so each persona keeps its number of items, but which items is random).
 */
export function chancePurity(assign: ArrayLike<number>, labels: ArrayLike<number>, rng: Rng, draws = CHANCE_DRAWS): number {
  const a = Int32Array.from(assign);
  let sum = 0;
  for (let d = 0; d < draws; d++) sum += partitionPurity(rng.shuffle(a), labels);
  return sum / draws;
}

/** The persona-truth view: personas against true tastes, over users with ≥ 2 true tastes. */
export interface PersonaTruthArtifact {
  personas: number;
  /** Users measured: ≥ 2 true tastes and history items of ≥ 2 of them. */
  users: number;
  /** History items measured (those of one of the user's tastes; off-taste picks are left out). */
  items: number;
  /** Mean over users of the purity of the personas (each history item → its argmax persona p*) w.r.t. the item's taste. Higher = personas follow tastes. */
  purity: number;
  /** The same with each user's persona assignment randomly permuted (same persona sizes): the chance level. */
  chancePurity: number;
  /** Mean share of the user's most common taste in the history = the purity of a single persona (what MF has). */
  majorityShare: number;
  /** Mean number of personas that are p* of at least one history item. */
  personasUsed: number;
  /** The taste threshold and the measure in words, for the panel. */
  tasteMin: number;
  definition: string;
}

export const PERSONA_TRUTH_DEFINITION =
  `For each user with at least 2 true tastes (genres of weight ≥ ${TASTE_MIN} in the mixture the synthetic world drew them from), ` +
  'every training item of one of those tastes is labelled with it (the heavier taste if it has two) and assigned to its ' +
  'argmax persona p*. Purity = the share of items whose persona\'s most common taste is their own, averaged over users. ' +
  'Chance = the same after randomly permuting which items each persona holds (persona sizes kept). ' +
  'A single persona (MF) scores the majority share.';

/**
 * Measures how the model's personas line up with the users' true tastes (see {@link PERSONA_TRUTH_DEFINITION}).
 * Returns null when there are no users to measure. Reads attention for every measured user's history (batched).
 */
export async function measurePersonaTruth(
  model: AmpCf,
  train: Interactions,
  truth: GroundTruth,
  itemGenres: Uint8Array,
  numGenres: number,
  rng: Rng,
): Promise<PersonaTruthArtifact | null> {
  const P = model.personas;
  const users: number[] = [];
  const rows: { items: number[]; labels: number[] }[] = [];
  for (let u = 0; u < train.numUsers; u++) {
    const tastes = trueTastes(truth, numGenres, u);
    if (tastes.length < 2) continue;
    const items: number[] = [];
    const labels: number[] = [];
    for (const i of userItems(train, u)) {
      const t = tasteOfItem(itemGenres, numGenres, i, tastes);
      if (t >= 0) {
        items.push(i);
        labels.push(t);
      }
    }
    if (new Set(labels).size < 2) continue;
    users.push(u);
    rows.push({ items, labels });
  }
  if (!users.length) return null;

  let purity = 0;
  let chance = 0;
  let majority = 0;
  let used = 0;
  let items = 0;
  for (let s = 0; s < users.length; s += BATCH_USERS) {
    const batch = users.slice(s, s + BATCH_USERS);
    const width = Math.max(...batch.map((_, r) => rows[s + r].items.length));
    // Padded with item 0; the padding's attention is read past.
    const flat = new Int32Array(batch.length * width);
    batch.forEach((_, r) => flat.set(rows[s + r].items, r * width));
    const alpha = tf.tidy(() => model.attention(tf.tensor1d(batch, 'int32'), tf.tensor2d(flat, [batch.length, width], 'int32')));
    const a = (await alpha.data()) as Float32Array;
    alpha.dispose();
    batch.forEach((_, r) => {
      const { labels } = rows[s + r];
      const assign = labels.map((_, j) => argmax(a, (r * width + j) * P, P));
      purity += partitionPurity(assign, labels);
      chance += chancePurity(assign, labels, rng);
      majority += partitionPurity(new Int32Array(labels.length), labels);
      used += new Set(assign).size;
      items += labels.length;
    });
  }
  const n = users.length;
  return {
    personas: P,
    users: n,
    items,
    purity: purity / n,
    chancePurity: chance / n,
    majorityShare: majority / n,
    personasUsed: used / n,
    tasteMin: TASTE_MIN,
    definition: PERSONA_TRUTH_DEFINITION,
  };
}

/** Index (0-based, from `offset`) of the largest of `len` values; ties → the lower index. */
export function argmax(values: ArrayLike<number>, offset: number, len: number): number {
  let best = 0;
  for (let p = 1; p < len; p++) if (values[offset + p] > values[offset + best]) best = p;
  return best;
}
