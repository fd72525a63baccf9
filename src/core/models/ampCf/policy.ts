// AMP-CF (Barkan et al., RecSys 2020) as a softmax policy: its scores over the whole catalogue, attention over the
// user's personas included, are the logits.
import type { Rng } from '../../random/rng';
import type { SoftmaxPolicy } from '../softmaxPolicy';
import { createAmpCf } from './model';

/** Personas per user when AMP-CF is a policy (the weighting lab's backbone): 3, as in the AMP-CF lab by default. */
export const POLICY_PERSONAS = 3;

export function createAmpCfPolicy(numUsers: number, numItems: number, dim: number, rng: Rng): SoftmaxPolicy {
  const model = createAmpCf({ numUsers, numItems, dim, personas: POLICY_PERSONAS, rng });
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
