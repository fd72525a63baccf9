// Deterministic synthetic worlds: users with a few genre tastes, power-law item popularity, sampled clicks.
import { Rng } from '../random/rng';
import { fromUserLists, rangeIds, type Dataset } from './dataset';

export interface SyntheticSpec {
  numUsers: number;
  numItems: number;
  numGenres: number;
  /** Each user's number of clicks is drawn uniformly from [minPerUser, maxPerUser) (capped at half the catalogue). */
  minPerUser: number;
  maxPerUser: number;
  /** Zipf exponent of item popularity: weight of the r-th most popular item ∝ r^(−skew). */
  popularitySkew: number;
  /** Share of a user's clicks that ignore taste and follow popularity alone. */
  popularityNoise: number;
  seed: number;
}

/** Built-in presets. Their seeds are fixed: a preset is one dataset, whatever the run's seed. */
export const SYNTHETIC_PRESETS = {
  tiny: { numUsers: 100, numItems: 200, numGenres: 6, minPerUser: 8, maxPerUser: 52, popularitySkew: 0.8, popularityNoise: 0.2, seed: 1 },
  small: { numUsers: 1000, numItems: 1000, numGenres: 12, minPerUser: 10, maxPerUser: 110, popularitySkew: 0.9, popularityNoise: 0.2, seed: 2 },
} as const satisfies Record<string, SyntheticSpec>;
export type SyntheticPreset = keyof typeof SYNTHETIC_PRESETS;

const GENRES = ['Action', 'Comedy', 'Drama', 'Horror', 'Romance', 'Sci-Fi', 'Documentary', 'Animation', 'Thriller', 'Musical', 'Western', 'Fantasy'];

/** A user's taste: 1–3 genres with Dirichlet-like weights (exposed so lessons can show ground truth). */
function drawTaste(rng: Rng, numGenres: number): Float64Array {
  const p = new Float64Array(numGenres);
  const n = 1 + rng.int(3);
  let total = 0;
  for (let j = 0; j < n; j++) {
    const w = -Math.log(1 - rng.float()); // Exp(1) draws → normalised = Dirichlet(1,…,1)
    p[rng.int(numGenres)] += w;
    total += w;
  }
  for (let g = 0; g < numGenres; g++) p[g] /= total;
  return p;
}

/**
 * Generates a dataset from a spec. Each item has one primary genre (and, for a quarter of items, a second);
 * popularity follows a Zipf law over a random item order. A click picks a genre from the user's taste, then
 * an item of that genre by popularity; with probability `popularityNoise` it picks by popularity alone.
 */
export function generateSynthetic(name: string, spec: SyntheticSpec): Dataset & { tastes: Float64Array[] } {
  const rng = new Rng(spec.seed);
  const { numUsers, numItems, numGenres } = spec;
  const itemGenres = new Uint8Array(numItems * numGenres);
  const byGenre: number[][] = Array.from({ length: numGenres }, () => []);
  for (let i = 0; i < numItems; i++) {
    const g = i % numGenres; // every genre gets items
    itemGenres[i * numGenres + g] = 1;
    byGenre[g].push(i);
    if (rng.float() < 0.25) itemGenres[i * numGenres + rng.int(numGenres)] = 1;
  }
  const rank = rng.shuffle(Int32Array.from({ length: numItems }, (_, i) => i));
  const pop = new Float64Array(numItems);
  rank.forEach((item, r) => (pop[item] = Math.pow(r + 1, -spec.popularitySkew)));
  const genrePop = byGenre.map((items) => Float64Array.from(items, (i) => pop[i]));

  const tastes: Float64Array[] = [];
  const lists: number[][] = [];
  for (let u = 0; u < numUsers; u++) {
    const taste = drawTaste(rng, numGenres);
    tastes.push(taste);
    const target = Math.min(numItems >> 1, spec.minPerUser + rng.int(Math.max(1, spec.maxPerUser - spec.minPerUser)));
    const chosen = new Set<number>();
    for (let tries = 0; chosen.size < target && tries < target * 50; tries++) {
      if (rng.float() < spec.popularityNoise) chosen.add(rng.categorical(pop));
      else {
        const g = rng.categorical(taste);
        chosen.add(byGenre[g][rng.categorical(genrePop[g])]);
      }
    }
    lists.push([...chosen]);
  }
  return {
    name,
    source: { kind: 'synthetic', preset: name, seed: spec.seed },
    userIds: rangeIds(numUsers),
    itemIds: rangeIds(numItems),
    interactions: fromUserLists(lists, numItems),
    itemGenres,
    genreNames: GENRES.slice(0, numGenres).concat(Array.from({ length: Math.max(0, numGenres - GENRES.length) }, (_, i) => `Genre ${i + GENRES.length + 1}`)),
    tastes,
  };
}

const cache = new Map<SyntheticPreset, Dataset>();

/** The built-in dataset for a preset name (generated once per process, deterministic). */
export function builtinDataset(preset: SyntheticPreset): Dataset {
  let d = cache.get(preset);
  if (!d) {
    d = generateSynthetic(preset, SYNTHETIC_PRESETS[preset]);
    cache.set(preset, d);
  }
  return d;
}
