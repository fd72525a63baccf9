// Synthetic worlds with known ground truth: users as taste mixtures, items with popularity, quality, genres, a
// small knowledge graph, user features, planted exceptions, and timestamped interactions drawn from all of it.
import { Rng } from '../random/rng';
import { fromPairs, rangeIds, type Dataset, type GroundTruth } from './dataset';
import { betaDraw, dirichletDraw, gammaDraw, logUniformInt, weightedSampleWithoutReplacement, zipfWeights } from './syntheticDraws';
import {
  creatorNames,
  DECADE_WEIGHTS,
  DECADES,
  genreNames,
  itemTitles,
  USER_FEATURE_GROUPS,
  userFeatureNames,
} from './syntheticNames';

/** The knobs of a synthetic world. Every number is a plain value so a spec round-trips through JSON. */
export interface SyntheticSpec {
  /** Seed of the one Rng everything is drawn from. */
  seed: number;
  numUsers: number;
  numItems: number;
  /** Number of item types (genres), T. */
  numGenres: number;
  /** Share of items with a second genre (the rest have one). */
  secondGenreRate: number;
  /** Relative probabilities that a user has 1, 2 or 3 tastes. */
  tasteCountWeights: readonly [number, number, number];
  /** Dirichlet concentration α of a user's taste weights over their 1–3 genres (1 = uniform on the simplex). */
  tasteConcentration: number;
  /** ε: floor of the taste match, so users sometimes pick items outside their tastes. */
  offTasteWeight: number;
  /** Zipf exponent s of item popularity: π of the r-th item in a seeded order ∝ r^(−s). */
  popularitySkew: number;
  /** β: how much popularity drives choice, appeal = π^β · quality. 0 = popularity ignored. */
  popularityExponent: number;
  /** Item quality ~ Beta(qualityAlpha, qualityBeta). */
  qualityAlpha: number;
  qualityBeta: number;
  /** A user's interaction count is log-uniform on [minPerUser, maxPerUser] (capped at half the catalogue). */
  minPerUser: number;
  maxPerUser: number;
  /** Size of the creator pool (relation 'creator'). */
  numCreators: number;
  /** Probability that an item's creator is one who works in the item's primary genre. */
  creatorGenreLoyalty: number;
  /** Number of planted exceptions (user feature × creator; at most half the creators) and the factor they multiply the choice weight by. */
  numExceptions: number;
  exceptionBoost: number;
  /** Interactions happen in [timeStart, timeStart + timeSpanDays days), seconds since the epoch. */
  timeStart: number;
  timeSpanDays: number;
}

/** A dataset from `generateSynthetic`: every optional part of a Dataset is present. */
export type SyntheticDataset = Dataset &
  Required<Pick<Dataset, 'itemTitles' | 'timestamps' | 'attributes' | 'userFeatures' | 'groundTruth'>>;

/** Relation names of the item knowledge graph, in index order. */
export const RELATIONS = ['creator', 'decade'] as const;
const CREATOR = 0;
const DECADE = 1;
const DAY = 86_400;

interface Items {
  genres: Uint8Array;
  /** Primary and second genre of each item (second = −1 when there is none). */
  g1: Int32Array;
  g2: Int32Array;
}

/** Genre sizes ~ Gamma(3) (genres differ in size); item i < T gets genre i so every genre has items. */
function drawItemGenres(rng: Rng, spec: SyntheticSpec): Items {
  const { numItems: n, numGenres: t } = spec;
  const size = Float64Array.from({ length: t }, () => gammaDraw(rng, 3));
  const genres = new Uint8Array(n * t);
  const g1 = new Int32Array(n);
  const g2 = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    g1[i] = i < t ? i : rng.categorical(size);
    genres[i * t + g1[i]] = 1;
    if (t > 1 && rng.float() < spec.secondGenreRate) {
      const others = size.map((s, g) => (g === g1[i] ? 0 : s));
      g2[i] = rng.categorical(others);
      genres[i * t + g2[i]] = 1;
    }
  }
  return { genres, g1, g2 };
}

/**
 * The knowledge graph: each creator works in one home genre (round-robin, so every genre has creators) and,
 * half the time, a second one; an item's creator is, with probability `creatorGenreLoyalty`, a uniform pick
 * among the creators of its primary genre, else any creator. Decades follow DECADE_WEIGHTS.
 */
function drawGraph(rng: Rng, spec: SyntheticSpec, items: Items) {
  const { numItems: n, numGenres: t, numCreators: c } = spec;
  const creators = creatorNames(rng, c);
  const byGenre: number[][] = Array.from({ length: t }, () => []);
  for (let k = 0; k < c; k++) {
    const home = k % t;
    byGenre[home].push(k);
    if (t > 1 && rng.float() < 0.5) byGenre[(home + 1 + rng.int(t - 1)) % t].push(k);
  }
  const creatorOf = new Int32Array(n);
  const decadeOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const home = byGenre[items.g1[i]];
    creatorOf[i] = home.length > 0 && rng.float() < spec.creatorGenreLoyalty ? home[rng.int(home.length)] : rng.int(c);
    decadeOf[i] = rng.categorical(DECADE_WEIGHTS);
  }
  const item = new Int32Array(2 * n);
  const relation = new Int32Array(2 * n);
  const entity = new Int32Array(2 * n);
  for (let i = 0; i < n; i++) {
    item[2 * i] = item[2 * i + 1] = i;
    relation[2 * i] = CREATOR;
    entity[2 * i] = creatorOf[i];
    relation[2 * i + 1] = DECADE;
    entity[2 * i + 1] = c + decadeOf[i];
  }
  const attributes = { relationNames: [...RELATIONS], entityNames: [...creators, ...DECADES], item, relation, entity };
  return { attributes, creatorOf };
}

/**
 * User features (one value per group, drawn with the group's weights) and tastes: 1–3 genres (count drawn with
 * `tasteCountWeights`), picked without replacement with probability ∝ the user's age group's genre affinity
 * (affinity of group a to genre t ~ Gamma(2), so ages differ in taste), weighted by Dirichlet(α).
 */
function drawUsers(rng: Rng, spec: SyntheticSpec) {
  const { numUsers: m, numGenres: t } = spec;
  const names = userFeatureNames();
  const values = new Uint8Array(m * names.length);
  const age = USER_FEATURE_GROUPS[0];
  const affinity = age.values.map(() => Float64Array.from({ length: t }, () => gammaDraw(rng, 2)));
  const tastes = new Float64Array(m * t);
  for (let u = 0; u < m; u++) {
    let offset = 0;
    let ageOf = 0;
    for (const [k, g] of USER_FEATURE_GROUPS.entries()) {
      const v = rng.categorical(g.weights);
      if (k === 0) ageOf = v;
      values[u * names.length + offset + v] = 1;
      offset += g.values.length;
    }
    const count = Math.min(t, 1 + rng.categorical(spec.tasteCountWeights));
    const genres = weightedSampleWithoutReplacement(rng, affinity[ageOf], count);
    const w = dirichletDraw(rng, genres.length, spec.tasteConcentration);
    genres.forEach((g, j) => (tastes[u * t + g] = w[j]));
  }
  return { userFeatures: { names, values }, tastes };
}

/**
 * Exceptions are rare on purpose: each pairs a random user feature with a distinct creator drawn from the
 * less popular half of creators (by the summed popularity of their items), so few interactions carry them.
 */
function drawExceptions(rng: Rng, spec: SyntheticSpec, creatorOf: Int32Array, popularity: Float64Array, numFeatures: number) {
  const mass = new Float64Array(spec.numCreators);
  const count = new Int32Array(spec.numCreators);
  creatorOf.forEach((c, i) => {
    mass[c] += popularity[i];
    count[c]++;
  });
  const withItems = Array.from({ length: spec.numCreators }, (_, c) => c).filter((c) => count[c] > 0);
  const rare = withItems.sort((a, b) => mass[a] - mass[b] || a - b).slice(0, Math.max(1, Math.ceil(withItems.length / 2)));
  const picked = Array.from(rng.shuffle(Int32Array.from(rare))).slice(0, spec.numExceptions);
  return picked.map((c) => ({ userFeature: rng.int(numFeatures), relation: CREATOR, entity: c }));
}

/**
 * Timestamps for one user's n interactions, in the order drawn: the user is active from a start s (uniform in
 * the first 3/4 of the span) to an end e (uniform between s and the span's end); the n times split [s, e] at
 * cumulative Exp(1) gaps, rounded down to whole seconds and kept strictly increasing.
 */
function drawTimes(rng: Rng, spec: SyntheticSpec, n: number): Float64Array {
  const span = spec.timeSpanDays * DAY;
  const s = spec.timeStart + Math.floor(rng.float() * 0.75 * span);
  const e = s + Math.floor(rng.float() * (spec.timeStart + span - s));
  const gaps = Float64Array.from({ length: n + 1 }, () => -Math.log(1 - rng.float()));
  const total = gaps.reduce((a, b) => a + b, 0);
  const out = new Float64Array(n);
  let acc = 0;
  for (let k = 0; k < n; k++) {
    acc += gaps[k];
    out[k] = Math.max(s + Math.floor(((e - s) * acc) / total), k > 0 ? out[k - 1] + 1 : s);
  }
  return out;
}

/** Throws, naming the knob, for a spec the generator cannot honour. */
function checkSpec(spec: SyntheticSpec): void {
  const atLeast = (key: keyof SyntheticSpec, min: number) => {
    const v = spec[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min) throw new Error(`synthetic spec: ${key} must be a number ≥ ${min}, got ${String(v)}`);
  };
  (['numUsers', 'numItems', 'numGenres', 'numCreators', 'minPerUser'] as const).forEach((k) => atLeast(k, 1));
  (['numExceptions', 'offTasteWeight', 'popularitySkew', 'popularityExponent', 'secondGenreRate', 'creatorGenreLoyalty'] as const).forEach((k) => atLeast(k, 0));
  (['tasteConcentration', 'qualityAlpha', 'qualityBeta', 'exceptionBoost', 'timeSpanDays'] as const).forEach((k) => atLeast(k, Number.MIN_VALUE));
  atLeast('maxPerUser', spec.minPerUser);
  if (spec.tasteCountWeights.length !== 3 || !spec.tasteCountWeights.some((w) => w > 0) || spec.tasteCountWeights.some((w) => !(w >= 0))) {
    throw new Error(`synthetic spec: tasteCountWeights must be three weights ≥ 0, not all 0, got ${JSON.stringify(spec.tasteCountWeights)}`);
  }
}

/**
 * Generates a synthetic world. With p_{u,t} the taste of user u for genre t (ground truth), G_i the 1–2 genres
 * of item i, π_i its popularity (Zipf, normalised), q_i its quality (Beta), each user u draws
 * n_u ~ logUniform[minPerUser, maxPerUser] distinct items by successive sampling without replacement with
 *
 *   P(next = i) ∝ w_{u,i} = (ε + (1 − ε) · m_{u,i}) · π_i^β · q_i · B^{x_{u,i}},   m_{u,i} = Σ_{t ∈ G_i} p_{u,t} / |G_i|,
 *
 * where ε = offTasteWeight, β = popularityExponent, B = exceptionBoost and x_{u,i} = the number of planted
 * exceptions (user feature f, creator c) with f a feature of u and c the creator of i. The draw order is the
 * time order: a user's earlier interactions lean towards the items they weigh most. Deterministic in `spec`.
 */
export function generateSynthetic(name: string, spec: SyntheticSpec): SyntheticDataset {
  checkSpec(spec);
  const root = new Rng(spec.seed);
  const { numUsers: m, numItems: n, numGenres: t } = spec;
  const items = drawItemGenres(root.fork('genres'), spec);
  const popularity = zipfWeights(root.fork('popularity'), n, spec.popularitySkew);
  const qualityRng = root.fork('quality');
  const quality = Float64Array.from({ length: n }, () => betaDraw(qualityRng, spec.qualityAlpha, spec.qualityBeta));
  const titles = itemTitles(root.fork('titles'), n);
  const { attributes, creatorOf } = drawGraph(root.fork('graph'), spec, items);
  const { userFeatures, tastes } = drawUsers(root.fork('users'), spec);
  const exceptions = drawExceptions(root.fork('exceptions'), spec, creatorOf, popularity, userFeatures.names.length);

  const appeal = Float64Array.from({ length: n }, (_, i) => Math.pow(popularity[i], spec.popularityExponent) * quality[i]);
  const eps = spec.offTasteWeight;
  const pickRng = root.fork('interactions');
  const timeRng = root.fork('time');
  const cap = Math.max(1, Math.floor(n / 2));
  const users: number[] = [];
  const picked: number[] = [];
  const times: number[] = [];
  const w = new Float64Array(n);
  for (let u = 0; u < m; u++) {
    const p = tastes.subarray(u * t, (u + 1) * t);
    for (let i = 0; i < n; i++) {
      const match = items.g2[i] < 0 ? p[items.g1[i]] : (p[items.g1[i]] + p[items.g2[i]]) / 2;
      w[i] = (eps + (1 - eps) * match) * appeal[i];
    }
    for (const x of exceptions) {
      if (!userFeatures.values[u * userFeatures.names.length + x.userFeature]) continue;
      for (let i = 0; i < n; i++) if (creatorOf[i] === x.entity) w[i] *= spec.exceptionBoost;
    }
    const count = Math.min(cap, logUniformInt(pickRng, spec.minPerUser, spec.maxPerUser));
    const order = weightedSampleWithoutReplacement(pickRng, w, count);
    const when = drawTimes(timeRng, spec, order.length);
    order.forEach((i, k) => {
      users.push(u);
      picked.push(i);
      times.push(when[k]);
    });
  }
  const { interactions, columns } = fromPairs(m, n, Int32Array.from(users), Int32Array.from(picked), {
    timestamps: Float64Array.from(times),
  });
  const groundTruth: GroundTruth = { userTastes: tastes, itemQuality: quality, itemPopularity: popularity, exceptions };
  return {
    name,
    source: { kind: 'synthetic', preset: name, seed: spec.seed },
    userIds: rangeIds(m),
    itemIds: rangeIds(n),
    itemTitles: titles,
    interactions,
    timestamps: columns.timestamps as Float64Array,
    genreNames: genreNames(t),
    itemGenres: items.genres,
    attributes,
    userFeatures,
    groundTruth,
  };
}
