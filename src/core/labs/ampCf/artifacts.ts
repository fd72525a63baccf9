// The views the AMP-CF lab's run emits for its panel, by name (types only).
import type { ExplanationArtifact } from './explanation';
import type { PersonaTruthArtifact } from './personaTruth';
import type { PSweepArtifact } from './pSweep';

export type AmpCfArtifacts = {
  /** After every epoch: one user's personas and explained recommendations next to MF's. */
  explanation: ExplanationArtifact;
  /** At the end, on data with true tastes: how well personas line up with them. */
  personaTruth: PersonaTruthArtifact;
  /** At the end, when the P sweep is on: every P's final numbers. */
  pSweep: PSweepArtifact;
};
