// The weighting lab's views as plain JSON, drawn by its panel: each group's step scale against how much its
// objectives agree.
import type { GroupScale } from './advantages';

export interface WeightingArtifacts {
  /**
   * The latest groups (up to 400) the run sampled, reward-side methods only: agreement ρ = std(Σ b r) / Σ b σ and
   * the step scale √(mean A²) RC, DVAO and AC would give that same group (whatever method the run trains with).
   */
  stepScale: GroupScale[];
  [name: string]: unknown;
}
