// Entry point for built-in synthetic data: the presets, the generator and a per-process cache of each preset.
import { SYNTHETIC_PRESETS, type SyntheticPreset } from './syntheticPresets';
import { generateSynthetic, type SyntheticDataset } from './syntheticWorld';

export { SAMPLE_FILE_PRESETS, SYNTHETIC_PRESETS, type SyntheticPreset } from './syntheticPresets';
export { generateSynthetic, RELATIONS, type SyntheticDataset, type SyntheticSpec } from './syntheticWorld';

const cache = new Map<SyntheticPreset, SyntheticDataset>();

/** The built-in dataset for a preset name (generated once per process, deterministic, ground truth included). */
export function builtinDataset(preset: SyntheticPreset): SyntheticDataset {
  let d = cache.get(preset);
  if (!d) {
    d = generateSynthetic(preset, SYNTHETIC_PRESETS[preset]);
    cache.set(preset, d);
  }
  return d;
}
