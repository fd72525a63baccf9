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

/**
 * Every user's reward targets, drawn once per run: a random 20% of their training items (at least one; none for a
 * user with fewer than 2 items) are hidden — the targets the relevance reward looks for at every step — and the
 * rest are visible. The warm start is fit on the visible items only, so the relevance reward counts hits on items
 * the warm-started policy was never trained on (out of sample for it), not items it has memorised.
 */
export interface RewardTargets {
  /** By user id: the visible training items (what the warm start trains on; never recommended in a slate). */
  visible: Int32Array[];
  /** By user id: the hidden targets. */
  hidden: Set<number>[];
}

/** The run's {@link RewardTargets}, one draw from `rng` per user in user order (deterministic per seed). */
export function rewardTargets(train: Interactions, rng: Rng): RewardTargets {
  const out: RewardTargets = { visible: [], hidden: [] };
  for (let u = 0; u < train.numUsers; u++) {
    const items = rng.shuffle(Int32Array.from(userItems(train, u)));
    const nHidden = items.length >= 2 ? Math.max(1, Math.round(items.length * 0.2)) : 0;
    out.hidden.push(new Set(items.subarray(0, nHidden)));
    out.visible.push(Int32Array.from(items.subarray(nHidden)).sort());
  }
  return out;
}

/** The visible/hidden split of every user of a batch, from the run's targets (for models that read inputs). */
export function splitVisible(users: Int32Array, targets: RewardTargets): VisibleSplit {
  return { visible: Array.from(users, (u) => targets.visible[u]), hidden: Array.from(users, (u) => targets.hidden[u]) };
}

/**
 * For each user of the batch: their visible items (never recommended) and hidden reward targets from `split`
 * (the run's {@link RewardTargets}); G slates of N items sampled from the policy's logits (Plackett–Luce via
 * Gumbel top-k); K rewards per slate.
 */
export function sampleBatch(
  logits: Float32Array,
  users: Int32Array,
  train: Interactions,
  G: number,
  N: number,
  s: RewardSettings,
  rng: Rng,
  split: VisibleSplit,
): SlateBatch {
  const I = train.numItems;
  const K = OBJECTIVES.length;
  const out: SlateBatch = { slates: [], visible: [], rewards: [] };
  users.forEach((_u, r) => {
    const visible = split.visible[r];
    const hidden = split.hidden[r];
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
