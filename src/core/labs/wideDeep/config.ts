// Settings of the Wide & Deep lab (memorisation and generalisation trained as one model), with ranges and defaults.
import { z } from 'zod';
import { datasetSetting } from '../../data/datasetChoice';

/** The four models every run trains or builds, in chart order. */
export const MODELS = ['wide', 'deep', 'joint', 'ensemble'] as const;
export type ModelId = (typeof MODELS)[number];

/** Which cross-product features the wide part gets (user attribute × item attribute, each an AND of two binary features). */
export const CROSS_CHOICES = ['none', 'planted', 'top', 'all'] as const;
export type CrossChoice = (typeof CROSS_CHOICES)[number];

/** The wide-part sizes the crosses sweep trains: the top N crosses by G, and every candidate (Infinity). */
export const SWEEP_CROSSES = [0, 3, 10, 30, 100, 300, Infinity] as const;

/** A sweep size as it appears in summary keys and labels: the number, or 'all'. */
export function sweepLabel(n: number): string {
  return n === Infinity ? 'all' : String(n);
}

export const wideDeepSchema = z.object({
  dataset: datasetSetting('workshop'),
  seed: z.number().int().min(0).max(2147483647).default(42).describe('Seed for the impressions and clicks drawn from the world, the split, the initialisation and the training order'),
  impressionsPerUser: z
    .number()
    .int()
    .min(5)
    .max(2000)
    .default(250)
    .describe('Synthetic worlds: items shown to each user (drawn by exposure ∝ popularity^0.5 without repeats); each is clicked with the world’s true probability'),
  clickRate: z
    .number()
    .gt(0)
    .lt(1)
    .default(0.1)
    .describe('Synthetic worlds: the mean true click probability over all impressions (sets the click model’s intercept)'),
  clickThreshold: z
    .number()
    .min(0)
    .max(10)
    .default(4)
    .describe('Imported data: every rating is an impression, a rating ≥ this is a click (import with rating threshold 1 to keep the non-clicks)'),
  crosses: z
    .enum(CROSS_CHOICES)
    .default('top')
    .meta({ label: 'Crosses (wide part)', options: { none: 'none', planted: 'the planted exceptions', top: 'top N by G-test', all: 'all pairs' } })
    .describe('Cross features of the wide part: none; the planted exceptions (synthetic worlds only); the top N by how far the cell’s training click rate departs from what its two attributes predict alone (G-test); or all user-attribute × item-attribute pairs'),
  topCrosses: z.number().int().min(0).max(100_000).default(20).meta({ label: 'Top N crosses' }).describe('N of “top”: how many crosses the wide part gets'),
  embeddingDim: z.number().int().min(2).max(64).default(8).meta({ label: 'Embedding size d' }).describe('Size of every embedding of the deep part (one per id and per attribute value)'),
  hidden: z.number().int().min(4).max(512).default(64).meta({ label: 'Hidden units' }).describe('Units of the deep part’s first ReLU layer (the second has half as many)'),
  epochs: z.number().int().min(1).max(100).default(5).describe('Passes over the training impressions; wide, deep and joint each take a step on the same batch, in turn'),
  batchSize: z.number().int().min(16).max(8192).default(256).describe('Impressions per step'),
  learningRate: z.number().gt(0).max(1).default(0.003).describe('Adam step size of the deep part (and of every bias)'),
  l2: z.number().min(0).max(1).default(0.0001).meta({ label: 'L2 (deep embeddings)' }).describe('L2 penalty on the deep part’s embeddings a batch uses (squared norm summed over an impression’s features, averaged over the batch)'),
  ftrlAlpha: z.number().gt(0).max(10).default(0.1).meta({ label: 'FTRL α' }).describe('FTRL-Proximal α of the wide part’s weights (per-coordinate step α / (β + √Σg²), β = 1)'),
  l1: z.number().min(0).max(100).default(5).meta({ label: 'FTRL L1 λ₁' }).describe('FTRL’s L1 strength λ₁ on the wide weights, in units of the summed per-impression gradient: a weight stays exactly 0 until its features’ accumulated error exceeds λ₁ (0 = no sparsity; the reference implementation sets none unless asked)'),
  crossSweep: z.boolean().default(false).meta({ label: 'Crosses sweep' }).describe('Also train wide and joint models with the top 0, 3, 10, 30, 100, 300 and all crosses alongside, and plot each one’s AUC against its size (slower)'),
});

export type WideDeepConfig = z.infer<typeof wideDeepSchema>;
export const wideDeepDefaults: WideDeepConfig = wideDeepSchema.parse({});
