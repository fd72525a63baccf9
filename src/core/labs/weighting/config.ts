// Settings of the weighting lab: how objectives are combined, their base weights, and the policy's training.
import { z } from 'zod';
import { datasetSetting } from '../../data/datasetChoice';
import { WARM_START_DEFAULTS } from '../../experiment/warmStartDefaults';
import { BACKBONE_IDS, MODEL_CATALOG } from '../../models/catalog';
import { TASTE_SOURCES } from '../../rerank/listBuilder';
import { LOSS_METHODS, METHOD_INFO, REWARD_METHODS } from './methods';
import { OBJECTIVES, type ObjectiveId } from './objectives';

export { LOSS_METHODS, REWARD_METHODS, type WeightingMethod } from './methods';

/** A base weight: drawn as a slider by the lab's panel (so not in the generic form). */
const weight = (d: number, id: ObjectiveId) =>
  z
    .number()
    .min(0)
    .max(1)
    .default(d)
    .describe(`Base weight of ${id} (weights are normalised to sum to 1)`)
    .meta({ label: OBJECTIVES.find((o) => o.id === id)!.sliderLabel, panel: true });

export const weightingSchema = z.object({
  dataset: datasetSetting('workshop').meta({ warmStart: true }),
  seed: z.number().int().min(0).max(2147483647).default(42).describe('Seed for the split, initialisation, users and slates').meta({ warmStart: true }),
  backbone: z
    .enum(BACKBONE_IDS)
    .default('softmax-mf')
    .describe('The recommender trained: any registered model that gives each user a softmax over the catalogue')
    .meta({ options: Object.fromEntries(BACKBONE_IDS.map((id) => [id, MODEL_CATALOG[id].label])), warmStart: true }),
  method: z
    .enum([...REWARD_METHODS, ...LOSS_METHODS])
    .default('dvao')
    .describe('How objectives are combined: rewards (rc, ac, gdpo, dvao) or losses (fixed, uw, dwa, gradnorm)')
    .meta({ options: Object.fromEntries(Object.entries(METHOD_INFO).map(([id, m]) => [id, m.name])), panel: true }),
  wRelevance: weight(0.6, 'relevance'),
  wDiversity: weight(0.3, 'diversity'),
  wNovelty: weight(0.1, 'novelty'),
  relevance: z.enum(['precision', 'consumption']).default('precision').describe("Relevance reward: share of the slate that hits ('precision', everything consumed) or 1 if at least c hit ('consumption')"),
  consumeC: z
    .number()
    .int()
    .min(1)
    .max(3)
    .default(1)
    .describe('c: items the user consumes — the consumption reward is 1 when at least c of the slate are hits, and consumption-aware lists are built for c (the U_c metric, min(c, hits)/c, is shown for c = 1–3)')
    .meta({ label: 'Items consumed (c)' }),
  lists: z
    .enum(['top-n', 'consumption'])
    .default('top-n')
    .describe("How the evaluated top-10 is built from the policy's scores: the 10 best, or consumption-aware re-ranking for a user who consumes c (Peng et al.; no weights)"),
  rerankTastes: z
    .enum(TASTE_SOURCES)
    .default('history-lift')
    .describe("Consumption-aware lists: where each user's genre probabilities come from — history above the base rate, raw history, the model's softmax, or the true tastes (synthetic data only)"),
  epochs: z.number().int().min(1).max(100).default(8).describe('Passes over the users with the combined objective'),
  warmStartEpochs: z
    .number()
    .int()
    .min(0)
    .max(50)
    .default(WARM_START_DEFAULTS.epochs)
    .describe('Epochs of accuracy-only training first (shared by every run with the same data and seed)')
    .meta({ warmStart: true }),
  learningRate: z.number().gt(0).max(1).default(0.003).describe('Step size of the multi-objective updates'),
  warmLearningRate: z.number().gt(0).max(1).default(WARM_START_DEFAULTS.learningRate).describe('Step size of the warm start').meta({ label: 'Warm-start learning rate', warmStart: true }),
  embeddingDim: z.number().int().min(2).max(128).default(32).describe('Size of each user and item vector').meta({ warmStart: true }),
  usersPerStep: z.number().int().min(4).max(512).default(WARM_START_DEFAULTS.batchUsers).describe('Users (prompts) per update').meta({ warmStart: true }),
  slatesPerUser: z.number().int().min(2).max(32).default(8).describe('G: slates sampled per user (the group)').meta({ label: 'Slates per user (G)' }),
  slateSize: z.number().int().min(2).max(50).default(10).describe('N: items per slate').meta({ label: 'Slate size (N)' }),
  entropyBonus: z.number().min(0).max(1).default(0).describe('Bonus on the policy entropy (keeps it exploring)'),
  klToWarm: z.number().min(0).max(10).default(0).describe('Penalty on KL(policy ‖ warm start)').meta({ label: 'KL to the warm start' }),
  diversityReward: z
    .enum(['ild', 'span'])
    .default('ild')
    .describe("Diversity reward: genre ILD of the slate, or 'span' = 1 if it covers ≥ 2 genres (saturates: σ = 0, so no method gets anything from it; RC and DVAO pass its share on, AC and GDPO lose it)"),
  noisyObjective: z.enum(['none', 'relevance', 'diversity', 'novelty']).default('none').describe('Teaching toggle: add Gaussian noise to one reward'),
  noiseLevel: z.number().min(0).max(2).default(0.3).describe('Std of that noise'),
});

export type WeightingConfig = z.infer<typeof weightingSchema>;
export const weightingDefaults: WeightingConfig = weightingSchema.parse({});
