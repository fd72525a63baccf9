// The small interface every trainable model shares: its variables, a copy of its weights, and freeing them.
import * as tf from '@tensorflow/tfjs';

/** A model's weights as plain arrays, one per variable in `variables()` order (warm starts, frozen copies). */
export type ModelWeights = Float32Array[];

/**
 * A model trained by gradient steps. Whatever else it offers (top-k lists, logits over the catalogue, scores of
 * candidates), it exposes its trainable variables, can copy and restore them, and frees its tensors on dispose.
 */
export interface TrainableModel {
  variables(): tf.Variable[];
  /** A copy of the current weights (one read-back per variable). */
  snapshot(): Promise<ModelWeights>;
  restore(w: readonly Float32Array[]): void;
  dispose(): void;
}

/** Copies of `vars` as arrays, in order (one read-back each). Copied: a backend may hand back its own buffer. */
export async function snapshotVariables(vars: readonly tf.Variable[]): Promise<ModelWeights> {
  return Promise.all(vars.map(async (v) => new Float32Array(await v.data())));
}

/** Assigns arrays from {@link snapshotVariables} back to `vars`. */
export function restoreVariables(vars: readonly tf.Variable[], w: readonly Float32Array[]): void {
  if (w.length !== vars.length) throw new RangeError(`a snapshot of ${w.length} arrays cannot restore ${vars.length} variables`);
  tf.tidy(() => vars.forEach((v, j) => v.assign(tf.tensor(w[j], v.shape))));
}
