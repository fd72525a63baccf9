// The synthetic world generator: deterministic, the preset sizes, and each knob doing what it says.
import { describe, expect, it } from 'vitest';
import { itemCounts, nnz, userItems } from './dataset';
import { builtinDataset, generateSynthetic, SYNTHETIC_PRESETS, type SyntheticDataset, type SyntheticSpec } from './synthetic';

const tiny = SYNTHETIC_PRESETS.tiny;
const world = (over: Partial<SyntheticSpec> = {}) => generateSynthetic('test', { ...tiny, ...over });

/** Share of all interactions held by the most-interacted 10% of items. */
function top10Share(d: SyntheticDataset): number {
  const c = Array.from(itemCounts(d.interactions)).sort((a, b) => b - a);
  const top = c.slice(0, Math.ceil(c.length / 10)).reduce((s, x) => s + x, 0);
  return top / nnz(d.interactions);
}

/** Per relation, the entity of each item (every item has exactly one triple per relation). */
function entityOf(d: SyntheticDataset, relation: number): Int32Array {
  const out = new Int32Array(d.interactions.numItems).fill(-1);
  const a = d.attributes;
  for (let k = 0; k < a.item.length; k++) if (a.relation[k] === relation) out[a.item[k]] = a.entity[k];
  return out;
}

/**
 * Interaction rate of the planted (user feature × creator) cells, and of the same items among users without
 * the feature: interactions / (users × items) inside and outside the cells.
 */
function exceptionRates(d: SyntheticDataset): { inside: number; outside: number } {
  const creator = entityOf(d, d.attributes.relationNames.indexOf('creator'));
  const f = d.userFeatures;
  const x = d.interactions;
  let hitIn = 0, cellsIn = 0, hitOut = 0, cellsOut = 0;
  for (const e of d.groundTruth.exceptions) {
    const items = new Set(Array.from(creator.keys()).filter((i) => creator[i] === e.entity));
    for (let u = 0; u < x.numUsers; u++) {
      const hits = Array.from(userItems(x, u)).filter((i) => items.has(i)).length;
      if (f.values[u * f.names.length + e.userFeature]) (hitIn += hits), (cellsIn += items.size);
      else (hitOut += hits), (cellsOut += items.size);
    }
  }
  return { inside: hitIn / cellsIn, outside: hitOut / cellsOut };
}

describe('a synthetic world', () => {
  it('is identical for the same spec, array for array, and different for another seed', () => {
    const a = world();
    const b = world();
    expect(b).toEqual(a);
    expect(world({ seed: 2 }).interactions.indices).not.toEqual(a.interactions.indices);
  });

  it('has the preset sizes: users, items, counts per user within the range, 1–2 genres and a distinct title per item', () => {
    for (const [name, spec] of Object.entries(SYNTHETIC_PRESETS)) {
      const d = builtinDataset(name as keyof typeof SYNTHETIC_PRESETS);
      expect(d.name).toBe(name);
      expect(d.source).toEqual({ kind: 'synthetic', preset: name, seed: spec.seed });
      expect([d.interactions.numUsers, d.interactions.numItems, d.genreNames.length]).toEqual([spec.numUsers, spec.numItems, spec.numGenres]);
      for (let u = 0; u < spec.numUsers; u++) {
        const n = userItems(d.interactions, u).length;
        expect(n).toBeGreaterThanOrEqual(spec.minPerUser);
        expect(n).toBeLessThanOrEqual(spec.maxPerUser);
      }
      for (let i = 0; i < spec.numItems; i++) {
        const g = d.itemGenres.subarray(i * spec.numGenres, (i + 1) * spec.numGenres).reduce((s, x) => s + x, 0);
        expect(g === 1 || g === 2).toBe(true);
      }
      expect(new Set(d.itemTitles).size).toBe(spec.numItems);
    }
  });

  it('is about MovieLens-100K size for the workshop preset', () => {
    const n = nnz(builtinDataset('workshop').interactions);
    expect(n).toBeGreaterThan(90_000);
    expect(n).toBeLessThan(115_000);
  });

  it('gives every user 1–3 tastes whose weights sum to 1, as often as tasteCountWeights says', () => {
    const count = (d: SyntheticDataset, u: number) =>
      d.groundTruth.userTastes.subarray(u * d.genreNames.length, (u + 1) * d.genreNames.length).filter((w) => w > 0).length;
    const d = builtinDataset('workshop');
    const t = d.genreNames.length;
    const histogram = [0, 0, 0, 0];
    for (let u = 0; u < d.interactions.numUsers; u++) {
      const row = d.groundTruth.userTastes.subarray(u * t, (u + 1) * t);
      expect(row.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
      histogram[count(d, u)]++;
    }
    expect(histogram[0]).toBe(0);
    // tasteCountWeights = 0.35 / 0.4 / 0.25 over 1,000 users.
    expect(histogram[1] / 1000).toBeCloseTo(0.35, 1);
    expect(histogram[2] / 1000).toBeCloseTo(0.4, 1);
    expect(histogram[3] / 1000).toBeCloseTo(0.25, 1);
    const single = world({ tasteCountWeights: [1, 0, 0] });
    const triple = world({ tasteCountWeights: [0, 0, 1] });
    for (let u = 0; u < tiny.numUsers; u++) expect([count(single, u), count(triple, u)]).toEqual([1, 3]);
  });

  it('draws interactions from taste: a single-taste user spends most of their interactions in their genre', () => {
    const d = world({ tasteCountWeights: [1, 0, 0] });
    const t = d.genreNames.length;
    let inGenre = 0;
    let catalogueShare = 0;
    for (let u = 0; u < tiny.numUsers; u++) {
      const genre = d.groundTruth.userTastes.subarray(u * t, (u + 1) * t).indexOf(1);
      const items = userItems(d.interactions, u);
      inGenre += Array.from(items).filter((i) => d.itemGenres[i * t + genre]).length;
      let ofGenre = 0;
      for (let i = 0; i < tiny.numItems; i++) ofGenre += d.itemGenres[i * t + genre];
      catalogueShare += (items.length * ofGenre) / tiny.numItems;
    }
    // Not all: heavy users run out of appealing items in one genre (tiny's genres hold 18–68 of its 200 items)
    // and ε = 0.01 lets everyone stray a little. Measured: 0.69 of interactions vs 0.19 expected by chance.
    expect(inGenre / nnz(d.interactions)).toBeGreaterThan(0.6);
    expect(inGenre / nnz(d.interactions)).toBeGreaterThan(2.5 * (catalogueShare / nnz(d.interactions)));
  });

  it('concentrates interactions on popular items as popularitySkew grows (top-10% share of interactions)', () => {
    // Measured on tiny: 0.20 (skew 0: only quality and taste vary), 0.29 (the preset's 1), 0.42 (skew 2);
    // workshop (skew 1) 0.38.
    const flat = top10Share(world({ popularitySkew: 0 }));
    const preset = top10Share(world());
    const steep = top10Share(world({ popularitySkew: 2 }));
    expect(flat).toBeLessThan(0.25);
    expect(preset).toBeGreaterThan(flat + 0.05);
    expect(steep).toBeGreaterThan(preset + 0.1);
    expect(top10Share(builtinDataset('workshop'))).toBeGreaterThan(0.3);
  });

  it('keeps popularity normalised and quality in (0, 1) with the Beta mean α / (α + β)', () => {
    const { itemPopularity, itemQuality } = builtinDataset('workshop').groundTruth;
    expect(itemPopularity.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
    expect(itemQuality.every((q) => q > 0 && q < 1)).toBe(true);
    const mean = itemQuality.reduce((s, q) => s + q, 0) / itemQuality.length;
    expect(mean).toBeCloseTo(3 / 5, 1);
  });

  it('gives each user distinct timestamps inside the time span, earlier ones on items they weigh more', () => {
    const d = builtinDataset('workshop');
    const spec = SYNTHETIC_PRESETS.workshop;
    const end = spec.timeStart + spec.timeSpanDays * 86_400;
    let bad = 0;
    let earlyPop = 0;
    let latePop = 0;
    for (let u = 0; u < d.interactions.numUsers; u++) {
      const from = d.interactions.indptr[u];
      const items = userItems(d.interactions, u);
      const order = Array.from(items.keys()).sort((a, b) => d.timestamps[from + a] - d.timestamps[from + b]);
      for (let k = 0; k < order.length; k++) {
        const ts = d.timestamps[from + order[k]];
        if (ts < spec.timeStart || ts >= end || (k > 0 && ts <= d.timestamps[from + order[k - 1]])) bad++;
        const pop = d.groundTruth.itemPopularity[items[order[k]]];
        if (k < order.length / 2) earlyPop += pop;
        else latePop += pop;
      }
    }
    expect(bad).toBe(0);
    expect(earlyPop).toBeGreaterThan(latePop);
  });

  it('builds a knowledge graph: one creator and one decade per item, creators working mostly in one or two genres', () => {
    const d = builtinDataset('workshop');
    const a = d.attributes;
    expect(a.relationNames).toEqual(['creator', 'decade']);
    expect(a.item.length).toBe(2 * d.interactions.numItems);
    const creator = entityOf(d, 0);
    const decade = entityOf(d, 1);
    expect(creator.every((c) => c >= 0 && c < SYNTHETIC_PRESETS.workshop.numCreators)).toBe(true);
    expect(Array.from(decade, (e) => a.entityNames[e]).every((n) => /^(19[5-9]|20[0-2])0s$/.test(n))).toBe(true);
    // Share of a creator's items (by primary genre counts) that fall in their two commonest genres.
    const t = d.genreNames.length;
    const perCreator = new Map<number, number[]>();
    creator.forEach((c, i) => {
      const counts = perCreator.get(c) ?? new Array<number>(t).fill(0);
      counts[d.itemGenres.subarray(i * t, (i + 1) * t).indexOf(1)]++;
      perCreator.set(c, counts);
    });
    let inTopTwo = 0;
    for (const counts of perCreator.values()) inTopTwo += counts.sort((x, y) => y - x).slice(0, 2).reduce((s, x) => s + x, 0);
    expect(inTopTwo / d.interactions.numItems).toBeGreaterThan(0.75);
  });

  it('gives every user exactly one value per feature group (age, region)', () => {
    const { names, values } = builtinDataset('tiny').userFeatures;
    expect(names).toEqual(['age:young', 'age:adult', 'age:senior', 'region:north', 'region:south', 'region:east', 'region:west']);
    for (let u = 0; u < tiny.numUsers; u++) {
      const row = values.subarray(u * names.length, (u + 1) * names.length);
      expect([row[0] + row[1] + row[2], row[3] + row[4] + row[5] + row[6]]).toEqual([1, 1]);
    }
  });

  it('plants exceptions that raise the interaction rate of their (user feature × creator) cells several-fold', () => {
    const d = builtinDataset('workshop');
    expect(d.groundTruth.exceptions).toHaveLength(SYNTHETIC_PRESETS.workshop.numExceptions);
    const planted = exceptionRates(d);
    // Measured on workshop: 0.338 inside vs 0.045 outside (×7.4).
    expect(planted.inside).toBeGreaterThan(4 * planted.outside);
    // Without the boost the same cells are ordinary (×0.97): the lift is the exceptions', not the genres'.
    const control = exceptionRates(generateSynthetic('control', { ...SYNTHETIC_PRESETS.workshop, exceptionBoost: 1 }));
    expect(control.inside).toBeLessThan(1.5 * control.outside);
  });

  it('refuses a spec it cannot honour, naming the knob', () => {
    expect(() => world({ numItems: 0 })).toThrow(/^synthetic spec: numItems must be a number ≥ 1, got 0$/);
    expect(() => world({ maxPerUser: 5 })).toThrow(/^synthetic spec: maxPerUser must be a number ≥ 10, got 5$/);
    expect(() => world({ tasteCountWeights: [0, 0, 0] })).toThrow(/tasteCountWeights/);
  });
});
