// The weighting lab's objectives in one table: what each rewards, its differentiable surrogate, how it is named,
// coloured and weighted. The rewards, the slate batch, the charts and the panel all read it. No tfjs here (the
// page draws charts from it); the surrogates' tf code is in surrogates.ts, keyed by the same ids.
import { ErrorCode, LabError } from '../../errors';
import { consumptionReward, noveltyReward, precisionReward } from './rewards';

export const OBJECTIVE_IDS = ['relevance', 'diversity', 'novelty'] as const;
export type ObjectiveId = (typeof OBJECTIVE_IDS)[number];

/** What a slate's rewards are computed from in one run. */
export interface RewardSettings {
  relevance: 'precision' | 'consumption';
  consumeC: number;
  /** Diversity reward of one slate, e.g. genreDiversityReward (ILD with the genre cosine distance). */
  diversity: (slate: Int32Array) => number;
  itemCounts: Int32Array;
  numUsers: number;
  /** Index of the objective that gets N(0, noiseLevel²) added (teaching toggle), or −1. */
  noisy: number;
  noiseLevel: number;
}

export interface Objective {
  id: ObjectiveId;
  /** Its name on charts ("relevance") and on its weight slider ("Accuracy (relevance)"). */
  label: string;
  sliderLabel: string;
  /** The setting holding its base weight b_k. */
  weightKey: 'wRelevance' | 'wDiversity' | 'wNovelty';
  color: string;
  /** Every reward is in [0, 1], higher = better. */
  better: 'higher';
  /** The reward of one slate given the user's hidden items. */
  reward(slate: Int32Array, hidden: ReadonlySet<number>, s: RewardSettings): number;
  /** What the reward measures, in one line. */
  rewardText: string;
  /** The differentiable loss the loss-side methods minimise for it (surrogates.ts), in one line. */
  surrogateText: string;
  /** The paper the reward's definition comes from. */
  paper: string;
}

/** The objectives in reward order (rewards are stored G × K in this order; weights and sliders follow it). */
export const OBJECTIVES: readonly Objective[] = [
  {
    id: 'relevance',
    label: 'relevance',
    sliderLabel: 'Accuracy (relevance)',
    weightKey: 'wRelevance',
    color: '#2f6fdd',
    better: 'higher',
    reward: (slate, hidden, s) => (s.relevance === 'precision' ? precisionReward(slate, hidden) : consumptionReward(slate, hidden, s.consumeC)),
    rewardText:
      'Hits on the user’s hidden items: precision-style (share of the slate that hits — everything is consumed) or consumption-style (1 if at least c items hit — the user takes one).',
    surrogateText: 'The multinomial log-likelihood of the hidden items, −Σ_i x_ui log π_ui / Σ_i x_ui (Mult-VAE’s loss).',
    paper: 'Peng, Raghavan, Pierson, Kleinberg, Garg, “Reconciling the accuracy–diversity trade-off in recommendations”, WWW 2024',
  },
  {
    id: 'diversity',
    label: 'diversity',
    sliderLabel: 'Diversity (genre ILD)',
    weightKey: 'wDiversity',
    color: '#12b76a',
    better: 'higher',
    reward: (slate, _hidden, s) => s.diversity(slate),
    rewardText: 'Intra-list diversity: mean pairwise genre distance (1 − cosine) among the slate’s items.',
    surrogateText: '1 − πᵀDπ: one minus the expected genre distance of two items drawn from the policy.',
    paper: 'Ziegler, McNee, Konstan, Lausen, “Improving recommendation lists through topic diversification”, WWW 2005',
  },
  {
    id: 'novelty',
    label: 'novelty',
    sliderLabel: 'Novelty',
    weightKey: 'wNovelty',
    color: '#d9822b',
    better: 'higher',
    reward: (slate, _hidden, s) => noveltyReward(slate, s.itemCounts, s.numUsers),
    rewardText: 'Mean self-information −log₂(popularity/users), normalised to [0, 1]: rarely seen items score high.',
    surrogateText: '1 − πᵀn: one minus the expected novelty of an item drawn from the policy.',
    paper: 'Zhou et al., “Solving the apparent diversity–accuracy dilemma of recommender systems”, PNAS 2010',
  },
];

/** The base weights b of a config (or a live patch over it), in table order and normalised to sum to 1; all zero is an error. */
export function baseWeights(c: Record<Objective['weightKey'], number>): number[] {
  const raw = OBJECTIVES.map((o) => c[o.weightKey]);
  const sum = raw.reduce((a, b) => a + b, 0);
  if (!(sum > 0)) throw new LabError(ErrorCode.InvalidConfigValue, 'every objective weight is 0: give at least one objective a weight above 0');
  return raw.map((w) => w / sum);
}
