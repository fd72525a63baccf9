// Settings of the "Consumption" lab (Peng, Raghavan, Pierson, Kleinberg, Garg, WWW 2024), with ranges and defaults.
import { z } from 'zod';
import { datasetSetting } from '../../data/datasetChoice';
import { WARM_START_DEFAULTS } from '../../experiment/warmStartDefaults';
import { TASTE_SOURCES } from '../../rerank/listBuilder';

/** Held-out protocols of the trained comparison (src/core/data/timeSplits.ts). */
export const PROTOCOLS = ['random', 'temporal', 'session', 'mood'] as const;

export const consumptionSchema = z.object({
  types: z.number().int().min(2).max(10).default(4).describe('Number of item types T (the tastes a user may have)'),
  tastes: z
    .enum(['dominant', 'two', 'long-tail', 'custom'])
    .default('two')
    .describe(
      'The recommender’s belief p_t about the user’s type: one dominant taste (0.7), two tastes (0.45 each), ' +
        'a long tail (p_t ∝ 1/t), or custom (the p setting)',
    ),
  p: z
    .string()
    .max(500)
    .default('')
    .describe(
      'Custom type probabilities: one non-negative number per type, comma-separated (normalised if they do not ' +
        'sum to 1); empty uses the tastes preset',
    )
    .meta({ label: 'Custom p', panel: true }),
  n: z.number().int().min(1).max(50).default(10).describe('List length N: items recommended').meta({ label: 'List length N', panel: true }),
  k: z.number().int().min(1).max(50).default(1).describe('Items the user consumes: the best k of the N (k ≥ N: all of them)').meta({ label: 'Items consumed k', panel: true }),
  value: z
    .enum(['bernoulli', 'uniform', 'exponential', 'pareto'])
    .default('bernoulli')
    .describe(
      'Value of a matching item: Bernoulli (good with probability q), Uniform[0, 1], Exponential(1) or ' +
        'Pareto(α) (heavy-tailed); items of another type are worth 0',
    ),
  q: z.number().gt(0).max(1).default(0.3).describe('Bernoulli: probability that a matching item is good'),
  alpha: z
    .number()
    .gt(0)
    .max(10)
    .default(3)
    .describe('Pareto tail index α (smaller = heavier tail; the mean α/(α−1) is infinite for α ≤ 1)'),
  dataset: datasetSetting('workshop').meta({ warmStart: true }),
  trainSeeds: z
    .number()
    .int()
    .min(0)
    .max(10)
    .default(3)
    .describe('Trained comparison: seeds (one model trained per seed, for mean ± spread); 0 runs the explorer only'),
  tasteSource: z
    .enum(TASTE_SOURCES)
    .default('history-lift')
    .describe(
      "Trained comparison: each user's genre probabilities — history above the base rate, raw history, the model's " +
        'softmax, or the true tastes (synthetic data only; an oracle)',
    ),
  protocol: z
    .enum(PROTOCOLS)
    .default('random')
    .describe(
      "Trained comparison: which of each user's clicks are held out — a random 20% ('random'), the latest 20% by time " +
        "('temporal'), the last session when the user has several ('session': a pause over an hour starts one; users " +
        "with one session are not scored), or one taste drawn from the true tastes ('mood', synthetic data)",
    )
    .meta({ warmStart: true }),
  typeSource: z
    .enum(['genres', 'clusters'])
    .default('genres')
    .describe("Trained comparison: the types — the items' genres, or clusters of the model's item vectors (k-means, the clusters setting)"),
  clusters: z.number().int().min(2).max(50).default(8).describe("Trained comparison: number of clusters when the types are 'clusters'"),
  relevanceScale: z
    .number()
    .min(0.05)
    .max(20)
    .default(1)
    .describe(
      "Trained comparison: multiplies the hits h the model expects among a user's unseen items, so each item's chance " +
        'r_i = min(1, h · π_i) — 1 keeps the protocol’s own h; compare the model’s expected Precision@10 with the measured one to calibrate',
    ),
  calibration: z
    .enum(['none', 'oracle'])
    .default('none')
    .describe(
      "Trained comparison: 'oracle' scales every r_i so the model's forecast of its top 10's hits equals the hits " +
        'measured on the held-out items — it reads the test data, like the true tastes: an upper bound on what calibration buys',
    ),
  warmStartEpochs: z
    .number()
    .int()
    .min(1)
    .max(50)
    .default(WARM_START_DEFAULTS.epochs)
    .describe('Trained comparison: epochs of the softmax MF (multinomial likelihood)')
    .meta({ warmStart: true }),
  embeddingDim: z.number().int().min(2).max(128).default(32).describe('Trained comparison: size of each user and item vector').meta({ warmStart: true }),
  seed: z.number().int().min(0).max(2147483647).default(42).describe('Seed of the first trained model (then seed + 1, …); the explorer is exact').meta({ warmStart: true }),
});

export type ConsumptionConfig = z.infer<typeof consumptionSchema>;
export const consumptionDefaults: ConsumptionConfig = consumptionSchema.parse({});
