// One batch of users for a policy step: each user's visible/hidden split, the slates sampled, their rewards.
import { userItems, type Interactions } from '../../data/dataset';
import type { Rng } from '../../random/rng';
import { OBJECTIVES, type RewardSettings } from './objectives';
import { sampleSlates } from './plackettLuce';

export interface SlateBatch {
  /** Per user: the G sampled slates. */
  slates: Int32Array[][];
  /** Per user: the visible items (excluded from slates). */
  visible: Int32Array[];
  /** Per user: rewards, row-major G × K (K objectives, in the table's order). */
  rewards: Float64Array[];
}

/** Per user of a batch: the visible items (the policy may see them; never recommended) and the hidden targets. */
export interface VisibleSplit {
  visible: Int32Array[];
  hidden: Set<number>[];
}

/** One user's fresh random 80/20 split of their training items into visible and hidden (at least one hidden). */
function splitUser(train: Interactions, u: number, rng: Rng): { visible: Int32Array; hidden: Set<number> } {
  const items = rng.shuffle(Int32Array.from(userItems(train, u)));
  const nHidden = Math.max(1, Math.round(items.length * 0.2));
  return { hidden: new Set(items.subarray(0, nHidden)), visible: items.slice(nHidden) };
}

/** The visible/hidden split of every user of a batch, made before the policy's logits (for models that read inputs). */
export function splitVisible(users: Int32Array, train: Interactions, rng: Rng): VisibleSplit {
  const out: VisibleSplit = { visible: [], hidden: [] };
  users.forEach((u) => {
    const s = splitUser(train, u, rng);
    out.visible.push(s.visible);
    out.hidden.push(s.hidden);
  });
  return out;
}

/**
 * For each user: a fresh random 80/20 split of their training items into visible (never recommended) and
 * hidden (the targets the relevance reward looks for) — or the `split` made before the logits; G slates of N items sampled from the policy's logits
 * (Plackett–Luce via Gumbel top-k); K rewards per slate.
 */
export function sampleBatch(
  logits: Float32Array,
  users: Int32Array,
  train: Interactions,
  G: number,
  N: number,
  s: RewardSettings,
  rng: Rng,
  split?: VisibleSplit,
): SlateBatch {
  const I = train.numItems;
  const K = OBJECTIVES.length;
  const out: SlateBatch = { slates: [], visible: [], rewards: [] };
  users.forEach((u, r) => {
    // Made here, interleaved with the sampling, unless the caller split first (same draws per user either way).
    const { visible, hidden } = split ? { visible: split.visible[r], hidden: split.hidden[r] } : splitUser(train, u, rng);
    const slates = sampleSlates(logits.subarray(r * I, (r + 1) * I), visible, G, N, rng);
    const rewards = new Float64Array(G * K);
    slates.forEach((slate, g) => {
      OBJECTIVES.forEach((o, k) => (rewards[g * K + k] = o.reward(slate, hidden, s)));
      if (s.noisy >= 0) rewards[g * K + s.noisy] += s.noiseLevel * rng.normal();
    });
    out.slates.push(slates);
    out.visible.push(visible);
    out.rewards.push(rewards);
  });
  return out;
}
