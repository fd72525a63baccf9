// Mult-VAE's kinds and layer sizes, without tfjs: settings and the page read these without loading the model.

/** Mult-VAE (stochastic encoder, KL term) or Mult-DAE (deterministic encoder on a dropout-corrupted input). */
export const MODEL_KINDS = ['vae', 'dae'] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

/** Layer widths: I → hidden → latent → hidden → I. */
export const MODEL_SIZES = {
  /** The paper's 600 / 200. */
  paper: { hidden: 600, latent: 200 },
  small: { hidden: 200, latent: 64 },
  /** For slow backends (cpu) and tests. */
  tiny: { hidden: 64, latent: 16 },
} as const;
export type ModelSize = keyof typeof MODEL_SIZES;
