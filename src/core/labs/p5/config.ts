// Settings of the P5 lab (one text-to-text model for every recommendation task), with ranges and defaults.
import { z } from 'zod';
import { datasetSetting } from '../../data/datasetChoice';
import { ITEM_ID_MODES, type ItemIdMode } from '../../p5/itemIds';
import type { P5Family } from '../../p5/templates';

/** The digit-id modes the id-mode sweep trains on the sequential task (atomic is the per-task sequential model). */
export const SWEEP_MODES = ['random', 'sequential-leaky', 'sequential-train'] as const satisfies readonly ItemIdMode[];

export const ID_MODE_LABELS: Record<ItemIdMode, string> = {
  atomic: 'atomic tokens (one per item)',
  random: 'random ids, as digits',
  'sequential-leaky': 'sequential ids from whole sequences, as digits (P5’s; leaks)',
  'sequential-train': 'sequential ids from training prefixes, as digits',
};

export const FAMILY_LABELS: Record<P5Family, string> = {
  rating: 'rating',
  sequential: 'sequential (next item)',
  'direct-yesno': 'direct: yes / no',
  'direct-choose': 'direct: choose 1 of 100',
};

/** The setting that says how many examples of a family each epoch draws. */
export const EXAMPLES_SETTING = {
  rating: 'examplesRating',
  sequential: 'examplesSequential',
  'direct-yesno': 'examplesYesNo',
  'direct-choose': 'examplesChoose',
} as const satisfies Record<P5Family, string>;

/** The metrics each family is scored on, in table order (HR and NDCG at 5 and 10, as in the paper). */
export const FAMILY_METRICS: Record<P5Family, string[]> = {
  rating: ['rmse', 'mae'],
  sequential: ['hr@5', 'hr@10', 'ndcg@5', 'ndcg@10'],
  'direct-yesno': ['accuracy'],
  'direct-choose': ['hr@5', 'hr@10', 'ndcg@5', 'ndcg@10'],
};

/** The no-model reference of a family: popularity for the ranking families, the mean training rating for rating. */
export function referenceLabel(family: P5Family): string {
  return family === 'rating' ? 'Mean rating (no model: the mean training rating for everyone)' : 'Popularity (no model: items by training count)';
}

/** Which way a metric is better: errors (RMSE, MAE) lower; hit rates, NDCG and accuracy higher. */
export function metricDirection(metric: string): 'lower' | 'higher' {
  return metric === 'rmse' || metric === 'mae' ? 'lower' : 'higher';
}

export const p5Schema = z.object({
  dataset: datasetSetting('workshop'),
  seed: z.number().int().min(0).max(2147483647).default(42).describe('Seed for the split, the ids, the examples drawn, the initialisation, the batch order and the dropout masks'),
  idMode: z
    .enum(ITEM_ID_MODES)
    .default('atomic')
    .meta({ label: 'Item ids', options: ID_MODE_LABELS })
    .describe('How items appear in prompts and answers for the main models: one token each (an answer is one softmax over the catalogue), or an integer id written as digits (slower: prompts are longer and ranking scores every item’s digit sequence)'),
  dim: z.number().int().min(8).max(256).multipleOf(8).default(64).meta({ label: 'Model width d' }).describe('Width of every token embedding and hidden state'),
  heads: z.number().int().min(1).max(8).default(4).meta({ label: 'Attention heads' }).describe('Heads of every attention layer (must divide d)'),
  encoderLayers: z.number().int().min(1).max(4).default(2).meta({ label: 'Encoder layers' }).describe('Transformer layers reading the prompt'),
  decoderLayers: z.number().int().min(1).max(4).default(2).meta({ label: 'Decoder layers' }).describe('Transformer layers writing the answer'),
  dropout: z.number().min(0).lt(1).default(0.1).describe('Dropout on the embeddings and every sublayer’s output while training (T5’s 0.1)'),
  learningRate: z.number().gt(0).max(1).default(0.002).describe('Adam step size of every model (no warm-up, no decay)'),
  epochs: z.number().int().min(1).max(200).default(10).describe('Epochs; each draws fresh training examples (see below) and ends with a validation pass'),
  examplesSequential: z
    .number()
    .int()
    .min(16)
    .max(200_000)
    .default(2048)
    .meta({ label: 'Next-item examples per epoch' })
    .describe('Sequential training examples drawn each epoch (all of them when there are fewer). The unified model trains on every family’s draws mixed; each per-task model on its family’s same draws — the same data, split'),
  examplesYesNo: z
    .number()
    .int()
    .min(16)
    .max(200_000)
    .default(4096)
    .meta({ label: 'Yes / no examples per epoch' })
    .describe('Yes / no training examples drawn each epoch: short prompts, cheap steps, but the slowest family to learn (the answer hangs on one item token)'),
  examplesChoose: z
    .number()
    .int()
    .min(16)
    .max(200_000)
    .default(512)
    .meta({ label: 'Choose-one examples per epoch' })
    .describe('Choose-one-of-100 training examples drawn each epoch: each prompt lists 100 candidates, so a step costs about four sequential ones'),
  examplesRating: z
    .number()
    .int()
    .min(16)
    .max(200_000)
    .default(2048)
    .meta({ label: 'Rating examples per epoch' })
    .describe('Rating training examples drawn each epoch (datasets with ratings only)'),
  batchSize: z.number().int().min(8).max(1024).default(128).describe('Examples per Adam step; every batch holds one family’s examples'),
  historyLength: z.number().int().min(1).max(50).default(20).meta({ label: 'History length' }).describe('Sequential prompts list the last this many items of the history'),
  validationUsers: z.number().int().min(10).max(100_000).default(300).meta({ label: 'Validation users' }).describe('Users whose validation prompts are scored after every epoch (the training curves)'),
  idModeSweep: z.boolean().default(false).meta({ label: 'Id-mode comparison' }).describe('Also train the sequential task with random, leaky sequential and training-prefix sequential digit ids (three more models, slower)'),
  idModeUsers: z
    .number()
    .int()
    .min(10)
    .max(100_000)
    .default(200)
    .meta({ label: 'Users scored with digit ids' })
    .describe('With digit ids a sequential test ranks every item by the likelihood of its digits — one decoder row per item per user — so only this many test users are scored'),
});

export type P5Config = z.infer<typeof p5Schema>;
export const p5Defaults: P5Config = p5Schema.parse({});
