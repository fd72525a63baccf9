// Settings of the KGAT lab (collaboration and side information propagated over one graph), with ranges and defaults.
import { z } from 'zod';
import { datasetSetting } from '../../data/datasetChoice';

/** The four models every run trains, in chart order: KGAT and its baselines, all by the same code. */
export const MODELS = ['kgat', 'bprmf', 'kgat-noatt', 'kgat-nokg'] as const;
export type MainModel = (typeof MODELS)[number];

/** Their names on charts, tables and in the CLI report. */
export const MODEL_LABELS: Record<MainModel, string> = {
  kgat: 'KGAT (attention, knowledge graph)',
  bprmf: 'BPR-MF (no propagation)',
  'kgat-noatt': 'KGAT without attention',
  'kgat-nokg': 'KGAT without the knowledge graph',
};

/** The depths the depth sweep trains besides the main model's. */
export const DEPTHS = [1, 2, 3] as const;

/** The cut-off of every ranking metric (Recall@20, NDCG@20 as in the paper). */
export const K = 20;

export const kgatSchema = z.object({
  dataset: datasetSetting('workshop'),
  seed: z.number().int().min(0).max(2147483647).default(42).describe('Seed for the split, the initialisation, the batch order, the negative samples and the dropout masks'),
  embeddingDim: z.number().int().min(4).max(128).default(32).meta({ label: 'Embedding size d' }).describe('Size d of every base embedding (users, items, entities) and of TransR’s relation space'),
  layers: z.number().int().min(1).max(3).default(2).meta({ label: 'Propagation layers L' }).describe('Propagation layers of KGAT; their sizes halve from d (d, d/2, d/4), as the official 64-32-16'),
  epochs: z.number().int().min(1).max(200).default(15).describe('Passes over the training interactions; each is CF batches, then TransR batches, then the attention update, as in the official code'),
  batchSize: z.number().int().min(64).max(16384).default(1024).meta({ label: 'CF batch size' }).describe('(user, positive, negative) triples per BPR step; every step propagates over the whole graph'),
  kgBatchSize: z.number().int().min(64).max(16384).default(2048).meta({ label: 'KG batch size' }).describe('Triples per TransR step (each with a corrupted tail)'),
  learningRate: z.number().gt(0).max(1).default(0.005).describe('Adam step size of both losses (each has its own Adam, as in the official code; the paper uses 1e-4 for up to 1,000 epochs — here every model peaks on validation within about 15 epochs)'),
  l2: z.number().min(0).max(1).default(0.00001).meta({ label: 'L2 λ' }).describe('λ of the L2 terms on the embeddings of each batch (both losses), the official 1e-5'),
  messageDropout: z.number().min(0).lt(1).default(0.1).describe('Dropout on every propagation layer’s output while training (the official 0.1)'),
  trainShare: z
    .number()
    .gt(0)
    .max(1)
    .default(1)
    .meta({ label: 'Share of training interactions kept' })
    .describe('Keep only this share of each user’s training interactions (at least one), drawn at random: a sparser world like the paper’s datasets; validation and test items are unchanged'),
  userAttributes: z.boolean().default(false).meta({ label: 'User attributes in the graph' }).describe('Also link each user to their attributes (age group, region; MovieLens: gender, occupation, age) — not in the paper'),
  depthSweep: z.boolean().default(false).meta({ label: 'Depth sweep' }).describe('Also train KGAT with the other depths of L = 1, 2, 3 alongside (slower)'),
});

export type KgatConfig = z.infer<typeof kgatSchema>;
export const kgatDefaults: KgatConfig = kgatSchema.parse({});
