// AMP-CF (Barkan et al., RecSys 2020) as a policy of the weighting lab: its scores over the whole catalogue,
// attention over the user's personas included, are the logits of the softmax.
import type { Rng } from '../../random/rng';
import { ampCfDefaults } from '../ampCf/config';
import { createAmpCf } from '../ampCf/model';
import type { SoftmaxPolicy } from './policy';

/** Personas per user when AMP-CF is the weighting lab's backbone: the AMP-CF lab's default. */
export const BACKBONE_PERSONAS = ampCfDefaults.personas;

export function createAmpCfPolicy(numUsers: number, numItems: number, dim: number, rng: Rng): SoftmaxPolicy {
  const model = createAmpCf({ numUsers, numItems, dim, personas: BACKBONE_PERSONAS, rng });
  const [, V] = model.variables();
  return {
    numItems,
    logits: (users) => model.logits(users),
    variables: () => model.variables(),
    // Item vectors: every objective's gradient flows through them (GradNorm normalises there).
    shared: () => V,
    snapshot: () => model.snapshot(),
    restore: (w) => model.restore(w),
    dispose: () => model.dispose(),
  };
}
