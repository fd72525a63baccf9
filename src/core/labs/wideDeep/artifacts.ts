// The views the Wide & Deep lab's run emits for its panel, by name (types only).
import type { ModelId } from './config';
import type { ErrorGridArtifact, SplitArtifact } from './grid';

/** Sizes and what the wide part was given. */
export interface ModelsArtifact {
  /** Trainable parameters per model (the ensemble = wide + deep + its 3 blend weights). */
  params: Record<ModelId, number>;
  /** Wide weights FTRL left non-zero (wide only and joint), of the raw features + crosses. */
  nonzeroWide: { wide: number; joint: number };
  /** The crosses the wide part got (first 30 shown), with their training counts and G. */
  crosses: { name: string; impressions: number; clicks: number; expected: number; g: number; planted: boolean }[];
  crossCount: number;
  /** The ensemble's blend ℓ = a·ℓ_wide + b·ℓ_deep + c, fitted on the validation impressions. */
  blend: { a: number; b: number; c: number };
}

/** One wide-part size of the crosses sweep. */
export interface CrossSweepRow {
  /** Crosses given to the wide part (the top N by G; the last size is every candidate). */
  crosses: number;
  /** Wide weights FTRL left non-zero in the wide-only and the joint model: the wide part's effective size. */
  nonzeroWide: { wide: number; joint: number };
  /** Parameters of the joint model and of the ensemble (wide + deep + 3) at this size. */
  jointParams: number;
  ensembleParams: number;
  auc: { wide: number; joint: number; ensemble: number };
  logloss: { wide: number; joint: number; ensemble: number };
  exceptionLogloss: { wide: number; joint: number; ensemble: number } | null;
}

export interface CrossSweepArtifact {
  epochs: number;
  /** The deep-only model the ensembles share, for reference (its exception log-loss on synthetic worlds). */
  deep: { params: number; auc: number; logloss: number; exceptionLogloss: number | null };
  rows: CrossSweepRow[];
}

export type WideDeepArtifacts = {
  /** After every epoch: parameter counts, the crosses given and the ensemble's blend. */
  models: ModelsArtifact;
  /** At the end: per-cell calibration on the test impressions. */
  errorGrid: ErrorGridArtifact;
  /** At the end: metrics on pairs seen often / rarely / never in training. */
  split: SplitArtifact;
  /** At the end, when the crosses sweep is on. */
  crossSweep: CrossSweepArtifact;
};
