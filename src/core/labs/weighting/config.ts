// Settings of the weighting lab: how objectives are combined, their base weights, and the policy's training.
import { z } from 'zod';
import { datasetSetting } from '../../data/datasetChoice';
import { BACKBONE_IDS } from './backboneIds';
import { TASTE_SOURCES } from '../../rerank/listBuilder';

export const REWARD_METHODS = ['rc', 'ac', 'gdpo', 'dvao'] as const;
export const LOSS_METHODS = ['fixed', 'uw', 'dwa', 'gradnorm'] as const;
export type WeightingMethod = (typeof REWARD_METHODS)[number] | (typeof LOSS_METHODS)[number];

const weight = (d: number, what: string) => z.number().min(0).max(1).default(d).describe(`Base weight of ${what} (weights are normalised to sum to 1)`);

export const weightingSchema = z.object({
  dataset: datasetSetting('workshop'),
  seed: z.number().int().min(0).max(2147483647).default(42).describe('Seed for the split, initialisation, users and slates'),
  backbone: z.enum(BACKBONE_IDS).default('softmax-mf').describe('The recommender trained: any registered model that gives each user a softmax over the catalogue'),
  method: z
    .enum([...REWARD_METHODS, ...LOSS_METHODS])
    .default('dvao')
    .describe('How objectives are combined: rewards (rc, ac, gdpo, dvao) or losses (fixed, uw, dwa, gradnorm)'),
  wRelevance: weight(0.6, 'relevance'),
  wDiversity: weight(0.3, 'diversity'),
  wNovelty: weight(0.1, 'novelty'),
  relevance: z.enum(['precision', 'consumption']).default('precision').describe("Relevance reward: share of the slate that hits ('precision', everything consumed) or 1 if at least c hit ('consumption')"),
  consumeC: z.number().int().min(1).max(3).default(1).describe('c: items the user consumes — the consumption reward is 1 when at least c of the slate are hits, and consumption-aware lists are built for c (the U_c metric, min(c, hits)/c, is shown for c = 1–3)'),
  lists: z
    .enum(['top-n', 'consumption'])
    .default('top-n')
    .describe("How the evaluated top-10 is built from the policy's scores: the 10 best, or consumption-aware re-ranking for a user who consumes c (Peng et al.; no weights)"),
  rerankTastes: z
    .enum(TASTE_SOURCES)
    .default('history-lift')
    .describe("Consumption-aware lists: where each user's genre probabilities come from — history above the base rate, raw history, the model's softmax, or the true tastes (synthetic data only)"),
  epochs: z.number().int().min(1).max(100).default(8).describe('Passes over the users with the combined objective'),
  warmStartEpochs: z.number().int().min(0).max(50).default(10).describe('Epochs of accuracy-only training first (shared by every run with the same data and seed)'),
  learningRate: z.number().gt(0).max(1).default(0.003).describe('Step size of the multi-objective updates'),
  warmLearningRate: z.number().gt(0).max(1).default(0.02).describe('Step size of the warm start'),
  embeddingDim: z.number().int().min(2).max(128).default(32).describe('Size of each user and item vector'),
  usersPerStep: z.number().int().min(4).max(512).default(64).describe('Users (prompts) per update'),
  slatesPerUser: z.number().int().min(2).max(32).default(8).describe('G: slates sampled per user (the group)'),
  slateSize: z.number().int().min(2).max(50).default(10).describe('N: items per slate'),
  entropyBonus: z.number().min(0).max(1).default(0).describe('Bonus on the policy entropy (keeps it exploring)'),
  klToWarm: z.number().min(0).max(10).default(0).describe('Penalty on KL(policy ‖ warm start)'),
  diversityReward: z
    .enum(['ild', 'span'])
    .default('ild')
    .describe("Diversity reward: genre ILD of the slate, or 'span' = 1 if it covers ≥ 2 genres (saturates: shows DVAO switching it off)"),
  noisyObjective: z.enum(['none', 'relevance', 'diversity', 'novelty']).default('none').describe('Teaching toggle: add Gaussian noise to one reward'),
  noiseLevel: z.number().min(0).max(2).default(0.3).describe('Std of that noise'),
});

export type WeightingConfig = z.infer<typeof weightingSchema>;
export const weightingDefaults: WeightingConfig = weightingSchema.parse({});

/** The objectives in reward order, with their base weights normalised to sum to 1; all zero is an error. */
export function baseWeights(c: Pick<WeightingConfig, 'wRelevance' | 'wDiversity' | 'wNovelty'>): number[] {
  const raw = [c.wRelevance, c.wDiversity, c.wNovelty];
  const sum = raw.reduce((a, b) => a + b, 0);
  if (!(sum > 0)) throw new RangeError('every objective weight is 0: give at least one objective a weight above 0');
  return raw.map((w) => w / sum);
}
