// The built-in synthetic worlds: `tiny` for tests, `workshop` about MovieLens-100K size.
import type { SyntheticSpec } from './syntheticWorld';

/** What every preset shares: the shape of the world; presets differ in size and seed. */
const WORLD = {
  secondGenreRate: 0.3,
  tasteCountWeights: [0.35, 0.4, 0.25],
  tasteConcentration: 1,
  offTasteWeight: 0.01,
  popularitySkew: 1,
  popularityExponent: 1,
  qualityAlpha: 3,
  qualityBeta: 2,
  creatorGenreLoyalty: 0.85,
  exceptionBoost: 30,
  timeStart: 1_577_836_800, // 2020-01-01T00:00:00Z
  timeSpanDays: 365,
} as const;

/** Built-in presets. Their seeds are fixed: a preset is one dataset, whatever the run's seed. */
export const SYNTHETIC_PRESETS = {
  tiny: { seed: 1, numUsers: 100, numItems: 200, numGenres: 6, minPerUser: 10, maxPerUser: 54, numCreators: 20, numExceptions: 3, ...WORLD },
  workshop: { seed: 3, numUsers: 1000, numItems: 1700, numGenres: 18, minPerUser: 20, maxPerUser: 300, numCreators: 150, numExceptions: 6, ...WORLD },
} as const satisfies Record<string, SyntheticSpec>;
export type SyntheticPreset = keyof typeof SYNTHETIC_PRESETS;

/** The presets written to sample-data/ (all of them). */
export const SAMPLE_FILE_PRESETS = ['tiny', 'workshop'] as const satisfies readonly SyntheticPreset[];
