// Settings of the AMP-CF lab (personas vs one vector per user), with their ranges and defaults.
import { z } from 'zod';
import { datasetSetting } from '../../data/datasetChoice';

/** Persona counts the lab accepts; the P sweep trains 1 … {@link SWEEP_MAX}. */
export const MIN_PERSONAS = 1;
export const MAX_PERSONAS = 8;
export const SWEEP_MAX = 6;
/** The top-k cut-off of every metric. */
export const LIST_SIZE = 10;

export const ampCfSchema = z.object({
  dataset: datasetSetting('workshop'),
  seed: z.number().int().min(0).max(2147483647).default(42).describe('Seed for the initialisation, the training order and the negatives (and the split when the data has no timestamps)'),
  personas: z
    .number({ error: `P (personas) must be a whole number from ${MIN_PERSONAS} to ${MAX_PERSONAS}` })
    .int({ error: `P (personas) must be a whole number from ${MIN_PERSONAS} to ${MAX_PERSONAS}` })
    .min(MIN_PERSONAS, { error: `P (personas) must be at least ${MIN_PERSONAS} (P = 1 is plain MF)` })
    .max(MAX_PERSONAS, { error: `P (personas) must be at most ${MAX_PERSONAS}` })
    .default(3)
    .describe('P: persona vectors per user in AMP-CF (1 = plain matrix factorisation, the baseline it is compared with)'),
  dim: z
    .number()
    .int()
    .min(2)
    .max(128)
    .default(8)
    .describe('d: size of every persona, user and item vector. Small d (fewer dimensions than genres) is where one vector per user runs out of room'),
  negatives: z.number().int().min(1).max(64).default(8).describe('K: items drawn uniformly (never ones the user has) to compete with each positive in the sampled softmax'),
  entropyWeight: z
    .number()
    .min(0)
    .max(10)
    .default(0)
    .describe('λ of the attention-entropy term: + λ·(entropy of α on positives − entropy of α on negatives); 0 = off'),
  epochs: z.number().int().min(1).max(200).default(15).describe('Passes over the training clicks; MF and AMP-CF take each step on the same batch, in turn'),
  batchSize: z.number().int().min(16).max(8192).default(1024).describe('(user, clicked item) pairs per step, each with its K negatives'),
  learningRate: z.number().gt(0).max(1).default(0.02).describe('Adam step size'),
  l2: z.number().min(0).max(1).default(0.01).describe('L2 penalty on the vectors a step uses: every persona vector and the mean candidate item vector'),
  user: z
    .number()
    .int()
    .min(-1)
    .max(10_000_000)
    .default(-1)
    .describe('Whose recommendations the explanation shows: a user id (0-based), or −1 = automatic (the user with the most evenly mixed true tastes, or the most varied history on imported data)'),
  pSweep: z.boolean().default(false).describe('Also train P = 1 … 6 alongside (same batches) and report each one’s final accuracy, taste distance and ILD (slower)'),
  listSize: z
    .number()
    .int()
    .min(LIST_SIZE)
    .max(LIST_SIZE)
    .default(LIST_SIZE)
    .describe(`Length of the recommended list, the K of HR@K, NDCG@K, ILD@K and taste distance (fixed at ${LIST_SIZE}: the charts are drawn for it)`),
});

export type AmpCfConfig = z.infer<typeof ampCfSchema>;
export const ampCfDefaults: AmpCfConfig = ampCfSchema.parse({});
