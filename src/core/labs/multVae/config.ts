// Settings of the Mult-VAE lab ("the loss is an objective"), with their ranges and defaults.
import { z } from 'zod';
import { datasetSetting } from '../../data/datasetChoice';
import { MODEL_SIZES } from '../../models/multVae/options';
import { LIKELIHOODS, MODEL_KINDS, variantOf, type Variant } from './variants';

export const COMPARE_MODES = ['none', 'likelihoods', 'models'] as const;

const share = (d: number, what: string) => z.number().min(0.02).max(0.4).default(d).describe(`Share of users (of those with at least 5 clicks) held out for ${what}: of each one's clicks on items seen in training, 20% (rounded down) are ranked and the rest fed in`);

export const multVaeSchema = z.object({
  dataset: datasetSetting('workshop'),
  seed: z.number().int().min(0).max(2147483647).default(42).describe('Seed for the user split, initialisation, dropout masks, ε and batch order'),
  model: z.enum(MODEL_KINDS).default('vae').describe("Mult-VAE ('vae': stochastic encoder, KL term weighted by β) or Mult-DAE ('dae': deterministic encoder, no KL)"),
  likelihood: z.enum(LIKELIHOODS).default('multinomial').describe('The objective: multinomial (items compete for probability mass), Gaussian (squared error) or logistic (independent clicks)'),
  compare: z
    .enum(COMPARE_MODES)
    .default('likelihoods')
    .describe("Train side by side: 'likelihoods' = the chosen model under all three likelihoods, 'models' = VAE and DAE under the chosen likelihood, 'none' = just the chosen pair"),
  size: z.enum(Object.keys(MODEL_SIZES) as [keyof typeof MODEL_SIZES, ...(keyof typeof MODEL_SIZES)[]]).default('paper').describe("Layer widths I → hidden → latent → hidden → I: 'paper' 600/200, 'small' 200/64, 'tiny' 64/16 (for slow backends)"),
  epochs: z.number().int().min(1).max(1000).default(50).describe('Passes over the training users (each model in turn, one epoch at a time)'),
  batchSize: z
    .number()
    .int()
    .min(16)
    .max(4096)
    .default(100)
    .describe('Users per update. The paper uses 500 on 116k training users; on 800 that is 2 updates per epoch, so 100 here'),
  learningRate: z.number().gt(0).max(10).default(0.001).describe('Adam step size (the paper: 0.001)'),
  betaCap: z.number().min(0).max(1).default(0.2).describe('Largest weight β of the KL term (VAE only); the paper finds NDCG peaks near 0.2 — set 1 to anneal all the way and find the peak'),
  anneal: z.enum(['linear', 'fixed']).default('linear').describe("'linear': β grows from 0 by 1/annealSteps per update up to the cap; 'fixed': β = cap from the first update"),
  annealSteps: z.number().int().min(1).max(1_000_000).default(1000).describe('Updates over which β would grow from 0 to 1 (the cap stops it earlier; the paper uses 200,000 on ML-20M)'),
  dropout: z.number().min(0).max(0.9).default(0.5).describe('Share of each training user’s clicks dropped from the input (the paper: 0.5)'),
  gaussianConfidence: z
    .number()
    .min(1)
    .max(1000)
    .default(3)
    .describe('Gaussian likelihood only: weight c₁ of a click’s squared error against c₀ = 1 for a non-click (the paper takes c₁ > c₀ after Hu et al. 2008; 3 scored best on workshop validation of 1, 3, 10, 30, 100)'),
  daeReference: z
    .boolean()
    .default(false)
    .describe(
      "Mult-DAE as in the authors' code: tanh on its code layer and L2 weight decay λ = 0.01 / batchSize on the weight matrices. Off: the VAE's network without the KL term (linear code, no decay)",
    ),
  heldOutUsers: share(0.1, 'the final test'),
  validationUsers: share(0.1, 'validation (the per-epoch curves)'),
  firstLayer: z
    .enum(['auto', 'sparse', 'dense'])
    .default('auto')
    .describe("How the encoder's first layer is computed: 'sparse' gathers the rows of a user's clicks, 'dense' multiplies the whole click matrix; 'auto' picks the faster for the backend (same numbers)"),
});

export type MultVaeConfig = z.infer<typeof multVaeSchema>;
export const multVaeDefaults: MultVaeConfig = multVaeSchema.parse({});

/** The variants a config trains, in chart order. */
export function variantsOf(c: Pick<MultVaeConfig, 'model' | 'likelihood' | 'compare'>): Variant[] {
  if (c.compare === 'likelihoods') return LIKELIHOODS.map((l) => variantOf(c.model, l));
  if (c.compare === 'models') return MODEL_KINDS.map((m) => variantOf(m, c.likelihood));
  return [variantOf(c.model, c.likelihood)];
}
