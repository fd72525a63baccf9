// Settings of the "Popularity vs matrix factorisation" lab, with their ranges and defaults.
import { z } from 'zod';
import { datasetSetting } from '../../data/datasetChoice';

export const popVsMfSchema = z.object({
  dataset: datasetSetting('workshop'),
  seed: z.number().int().min(0).max(2147483647).default(42).describe('Seed for the split, initialisation and sampling'),
  epochs: z.number().int().min(1).max(200).default(20).describe('Passes over the training interactions'),
  learningRate: z.number().gt(0).max(100).default(0.01).describe('Step size of the optimiser'),
  optimizer: z.enum(['adam', 'sgd']).default('adam').describe('Adam (adaptive step sizes) or plain SGD (can diverge with a high rate and small batches)'),
  embeddingDim: z.number().int().min(2).max(256).default(32).describe('Size of each user and item vector'),
  batchSize: z.number().int().min(16).max(8192).default(1024).describe('Triples (user, liked item, unseen item) per step'),
  l2: z.number().min(0).max(1).default(0.01).describe('L2 penalty on the embeddings in each step (0 lets MF overfit)'),
});

export type PopVsMfConfig = z.infer<typeof popVsMfSchema>;
export const popVsMfDefaults: PopVsMfConfig = popVsMfSchema.parse({});
