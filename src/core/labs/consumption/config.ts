// Settings of the "Consumption" lab (Peng, Raghavan, Pierson, Kleinberg, Garg, WWW 2024), with ranges and defaults.
import { z } from 'zod';

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
    ),
  n: z.number().int().min(1).max(50).default(10).describe('List length N: items recommended'),
  k: z.number().int().min(1).max(50).default(1).describe('Items the user consumes: the best k of the N (k ≥ N: all of them)'),
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
  seed: z.number().int().min(0).max(2147483647).default(42).describe('Seed (the explorer is exact: nothing is random)'),
});

export type ConsumptionConfig = z.infer<typeof consumptionSchema>;
export const consumptionDefaults: ConsumptionConfig = consumptionSchema.parse({});
