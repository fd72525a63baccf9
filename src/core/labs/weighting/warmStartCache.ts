// The warm start every run of a sweep shares: computed once per (data, seed, settings), then restored.
import type { Rng } from '../../random/rng';
import { activeBackend } from '../../tf/backends';
import { warmStart, type PolicyWeights, type SoftmaxPolicy } from './policy';
import type { WeightingConfig } from './config';

/** Few entries: a sweep reuses one; switching datasets or seeds replaces it. */
const MAX_ENTRIES = 2;
const cache = new Map<string, PolicyWeights>();

/** FNV-1a over the rows, so two imports with the same name but different data never share a warm start. */
function fingerprint(rows: readonly Int32Array[]): number {
  let h = 0x811c9dc5;
  for (const row of rows) {
    h = Math.imul(h ^ row.length, 0x01000193);
    for (let j = 0; j < row.length; j++) h = Math.imul(h ^ row[j], 0x01000193);
  }
  return h >>> 0;
}

/**
 * Warm-starts `policy` (accuracy only) or restores the cached result. The policy must have been initialised
 * from the same seed; `rng` is used only on a miss, so results are the same either way.
 */
export async function cachedWarmStart(
  policy: SoftmaxPolicy,
  trainRows: readonly Int32Array[],
  config: Pick<WeightingConfig, 'backbone' | 'seed' | 'warmStartEpochs' | 'embeddingDim' | 'warmLearningRate' | 'usersPerStep'>,
  rng: Rng,
  datasetName: string,
  signal?: AbortSignal,
): Promise<void> {
  if (config.warmStartEpochs === 0) return;
  // The backend is part of the key: the same seed on another backend is another (float) warm start.
  const key = JSON.stringify([datasetName, activeBackend(), trainRows.length, policy.numItems, fingerprint(trainRows), config.backbone, config.seed, config.warmStartEpochs, config.embeddingDim, config.warmLearningRate, config.usersPerStep]);
  const hit = cache.get(key);
  if (hit) return policy.restore(hit);
  await warmStart(policy, trainRows, { epochs: config.warmStartEpochs, batchUsers: config.usersPerStep, learningRate: config.warmLearningRate }, rng, signal);
  if (signal?.aborted) return; // an interrupted warm start is not cached
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(key, await policy.snapshot());
}
