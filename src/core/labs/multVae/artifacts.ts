// The Mult-VAE lab's end-of-run views, as plain JSON: accuracy by user activity, accuracy vs diversity, β at the peak.
import { userItems, type Interactions } from '../../data/dataset';
import { intraListDiversity, itemCoverage, type ItemDistance } from '../../metrics';
import { mean, type UserScores } from './scoring';

/** One group of test users by how many items they fed in (fold-in), with each method's mean NDCG@100. */
export interface ActivityBucket {
  /** e.g. "12–25 items". */
  label: string;
  minItems: number;
  maxItems: number;
  users: number;
  /** Mean NDCG@100 (higher is better) per variant id and 'popularity'. */
  ndcg100: Record<string, number>;
}

/**
 * Test users sorted by fold-in size and cut into `groups` groups of (nearly) equal size (quartiles by default);
 * users with equal counts are never split between groups, so a group may be larger than n/groups or
 * absent. The VAE-vs-DAE view: the paper finds the VAE's edge largest for users with few clicks.
 */
export function activityBuckets(foldIn: Interactions, scores: Record<string, UserScores>, groups = 4): ActivityBucket[] {
  const first = Object.values(scores)[0];
  if (!first) return [];
  const users = first.users;
  const count = (r: number) => userItems(foldIn, users[r]).length;
  const order = Array.from({ length: users.length }, (_, r) => r).sort((a, b) => count(a) - count(b) || a - b);
  const out: ActivityBucket[] = [];
  let start = 0;
  for (let g = 1; g <= groups && start < order.length; g++) {
    let end = Math.round((g * order.length) / groups);
    if (g === groups) end = order.length;
    // Keep ties together: extend to the last user with the same count.
    while (end < order.length && end > 0 && count(order[end]) === count(order[end - 1])) end++;
    if (end <= start) continue;
    const rows = order.slice(start, end);
    const minItems = count(rows[0]);
    const maxItems = count(rows[rows.length - 1]);
    const ndcg100: Record<string, number> = {};
    for (const [id, s] of Object.entries(scores)) ndcg100[id] = mean(rows.map((r) => s.ndcg100[r]));
    out.push({ label: minItems === maxItems ? (minItems === 1 ? '1 item' : `${minItems} items`) : `${minItems}–${maxItems} items`, minItems, maxItems, users: rows.length, ndcg100 });
    start = end;
  }
  return out;
}

/** One method's accuracy next to the diversity of its top-10 lists on the test users. */
export interface AccuracyDiversityPoint {
  id: string;
  label: string;
  /** Mean NDCG@100; higher is better. */
  ndcg100: number;
  /** Mean intra-list diversity of the top 10 under genre cosine distance, in [0, 1]; higher = more varied lists. Null without genres. */
  ild10: number | null;
  /** Share of the catalogue appearing in at least one top-10 list, in [0, 1]; higher = more of the catalogue shown. */
  coverage10: number;
}

export function accuracyDiversity(scores: Record<string, UserScores>, labels: Record<string, string>, numItems: number, distance: ItemDistance | null): AccuracyDiversityPoint[] {
  return Object.entries(scores).map(([id, s]) => {
    const top10 = s.lists.map((l) => l.subarray(0, 10));
    return {
      id,
      label: labels[id] ?? id,
      ndcg100: mean(s.ndcg100),
      ild10: distance ? mean(top10.map((l) => intraListDiversity(l, 10, distance))) : null,
      coverage10: itemCoverage(top10, numItems),
    };
  });
}

/** Where a VAE's validation NDCG@100 peaked during training: the epoch, the β then in use, the value. */
export interface BetaPeak {
  id: string;
  epoch: number;
  /** β of the last update before that evaluation. */
  beta: number;
  /** Validation NDCG@100 at the peak; higher is better. */
  ndcg100: number;
}

/** The first epoch ≥ 1 with the highest NDCG (epoch 0, the untrained model, is not a peak of annealing). */
export function betaPeak(id: string, history: readonly { epoch: number; beta: number; ndcg100: number }[]): BetaPeak | null {
  let best: BetaPeak | null = null;
  for (const h of history) if (h.epoch >= 1 && Number.isFinite(h.ndcg100) && (!best || h.ndcg100 > best.ndcg100)) best = { id, ...h };
  return best;
}

/** The views the Mult-VAE lab's run emits for its panel, by name. */
export type MultVaeArtifacts = {
  betaPeak: BetaPeak[];
  activityBuckets: ActivityBucket[];
  accuracyDiversity: AccuracyDiversityPoint[];
};
