// The consumption explorer: presets, bad input, the allocation against brute force, the k ≥ N limit, the γ
// limits and the Precision vs P(≥ 1) reversal; and the headless run.
import { describe, expect, it } from 'vitest';
import { ErrorCode, LabError } from '../../errors';
import { expectedTopSum, type ValueModel } from '../../metrics/consumption';
import { consumptionDefaults, consumptionSchema, type ConsumptionConfig } from './config';
import { explore, kSweep, presetTastes, shareFit, tastesFor, theoryGamma, validate, valueModel } from './explorer';
import { consumptionLab } from './index';
import { runConsumption } from './run';

// The explorer alone (part B, the trained comparison, is tested in trained.test.ts).
const cfg = (over: Partial<ConsumptionConfig> = {}): ConsumptionConfig => ({ ...consumptionDefaults, trainSeeds: 0, ...over });
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

const MODELS: ValueModel[] = [
  { kind: 'bernoulli', q: 0.3 },
  { kind: 'bernoulli', q: 0.8 },
  { kind: 'uniform' },
  { kind: 'exponential' },
  { kind: 'pareto', alpha: 1.5 },
  { kind: 'pareto', alpha: 3 },
];

/** Every allocation of n items over T types (compositions of n into T non-negative parts). */
function* compositions(n: number, T: number): Generator<number[]> {
  if (T === 1) {
    yield [n];
    return;
  }
  for (let a = 0; a <= n; a++) for (const rest of compositions(n - a, T - 1)) yield [a, ...rest];
}

function bruteForce(p: readonly number[], n: number, k: number, value: ValueModel): number {
  let best = -Infinity;
  for (const a of compositions(n, p.length)) {
    let u = 0;
    for (let t = 0; t < p.length; t++) u += p[t] * expectedTopSum(value, a[t], k);
    best = Math.max(best, u);
  }
  return best;
}

describe('config', () => {
  it('has the documented defaults and describes every setting', () => {
    expect(consumptionDefaults).toEqual({
      types: 4, tastes: 'two', p: '', n: 10, k: 1, value: 'bernoulli', q: 0.3, alpha: 3,
      dataset: 'workshop', trainSeeds: 3, tasteSource: 'history-lift', protocol: 'random', typeSource: 'genres', clusters: 8,
      relevanceScale: 1, calibration: 'none', warmStartEpochs: 10, embeddingDim: 32, seed: 42,
    });
    for (const [key, field] of Object.entries(consumptionSchema.shape)) expect(field.description, key).toBeTruthy();
    expect(consumptionSchema.safeParse({ types: 11 }).success).toBe(false);
    expect(consumptionSchema.safeParse({ n: 0 }).success).toBe(false);
    expect(consumptionSchema.safeParse({ q: 0 }).success).toBe(false);
    expect(consumptionSchema.safeParse({ alpha: 0 }).success).toBe(false);
    expect(consumptionSchema.safeParse({ trainSeeds: 11 }).success).toBe(false);
    expect(consumptionSchema.safeParse({ tasteSource: 'guess' }).success).toBe(false);
    expect(consumptionSchema.safeParse({ protocol: 'leave-one-out' }).success).toBe(false);
    expect(consumptionSchema.safeParse({ clusters: 1 }).success).toBe(false);
    expect(consumptionSchema.safeParse({ relevanceScale: 0 }).success).toBe(false);
  });
});

describe('tastesFor', () => {
  it('gives presets of length T that sum to 1', () => {
    for (const tastes of ['dominant', 'two', 'long-tail'] as const) {
      for (let T = 2; T <= 10; T++) {
        const r = tastesFor({ types: T, tastes, p: '' });
        expect(r.error).toBeUndefined();
        expect(r.p).toHaveLength(T);
        expect(sum(r.p)).toBeCloseTo(1, 12);
        expect(r.p.every((x) => x > 0)).toBe(true);
      }
    }
    const close = (a: number[], b: number[]) => b.forEach((x, t) => expect(a[t]).toBeCloseTo(x, 12));
    close(presetTastes('dominant', 4), [0.7, 0.1, 0.1, 0.1]);
    close(presetTastes('two', 4), [0.45, 0.45, 0.05, 0.05]);
    expect(presetTastes('two', 2)).toEqual([0.5, 0.5]);
    const lt = presetTastes('long-tail', 3);
    expect(lt[0] / lt[2]).toBeCloseTo(3, 12);
  });

  it('normalises a custom p that does not sum to 1, with a note', () => {
    const r = tastesFor({ types: 3, tastes: 'custom', p: '2, 1, 1' });
    expect(r.error).toBeUndefined();
    expect(r.p).toEqual([0.5, 0.25, 0.25]);
    expect(r.notes).toContain('p summed to 4; normalised');
    expect(tastesFor({ types: 2, tastes: 'custom', p: '0.25,0.75' }).notes).toEqual([]);
  });

  it('allows zeros with a note, and rejects negatives, non-numbers, the wrong count and all zeros naming p', () => {
    const z = tastesFor({ types: 3, tastes: 'custom', p: '0.5,0,0.5' });
    expect(z.p).toEqual([0.5, 0, 0.5]);
    expect(z.notes.join(' ')).toMatch(/type 2/);
    for (const p of ['0.5,-0.1,0.6', '0.5,x,0.5', '0.5,,0.5', '0.5,0.5', '0,0,0', '']) {
      const r = tastesFor({ types: 3, tastes: 'custom', p });
      expect(r.error, p).toMatch(/'p'/);
      expect(r.p).toEqual([]);
    }
    expect(tastesFor({ types: 3, tastes: 'custom', p: '1,-1,1' }).error).toMatch(/negative/);
  });

  it('uses a non-empty p over a preset, saying so', () => {
    const r = tastesFor({ types: 2, tastes: 'two', p: '0.2,0.8' });
    expect(r.p).toEqual([0.2, 0.8]);
    expect(r.notes.join(' ')).toMatch(/instead of the 'two' preset/);
  });
});

describe('valueModel', () => {
  it('builds each model and explains Pareto α ≤ 1 instead of throwing', () => {
    expect(valueModel(cfg({ value: 'bernoulli', q: 0.4 }))).toEqual({ kind: 'bernoulli', q: 0.4 });
    expect(valueModel(cfg({ value: 'uniform' }))).toEqual({ kind: 'uniform' });
    expect(valueModel(cfg({ value: 'exponential' }))).toEqual({ kind: 'exponential' });
    expect(valueModel(cfg({ value: 'pareto', alpha: 2 }))).toEqual({ kind: 'pareto', alpha: 2 });
    for (const alpha of [1, 0.5]) {
      const r = valueModel(cfg({ value: 'pareto', alpha }));
      expect(typeof r).toBe('string');
      expect(r).toMatch(/'alpha'.*infinite/);
    }
  });
});

describe('explore', () => {
  it('finds the brute-force optimum for small T and N under every value model, never below top-N', () => {
    const ps = [[0.6, 0.4], [0.5, 0.3, 0.2], [0.45, 0.45, 0.1], [0.4, 0.3, 0.2, 0.1], [0.7, 0, 0.3]];
    for (const value of MODELS) {
      for (const p of ps) {
        for (let n = 1; n <= 6; n++) {
          for (const k of [1, 2, 3, n + 2]) {
            const r = explore(p, n, k, value);
            const label = `${JSON.stringify(value)} p=${p} n=${n} k=${k}`;
            expect(sum(r.optimal.counts), label).toBe(n);
            expect(r.optimal.utility, label).toBeCloseTo(bruteForce(p, n, k, value), 10);
            expect(r.optimal.utility, label).toBeGreaterThanOrEqual(r.topN.utility - 1e-12);
            expect(r.gap, label).toBeGreaterThanOrEqual(0);
            expect(r.gap, label).toBeCloseTo(r.optimal.utility - r.topN.utility, 12);
          }
        }
      }
    }
  });

  it('k ≥ N: all N items go on argmax p (homogeneous, the top-N list itself), gap 0', () => {
    const p = [0.2, 0.5, 0.3];
    for (const value of MODELS) {
      for (const [n, k] of [[5, 5], [5, 9], [10, 50], [1, 1]]) {
        const r = explore(p, n, k, value);
        expect(r.optimal.counts).toEqual([0, n, 0]);
        expect(r.topN.counts).toEqual([0, n, 0]);
        expect(r.gap).toBeCloseTo(0, 12);
      }
    }
  });

  it('Precision favours the homogeneous list, P(≥ 1 good) the diverse one (two tastes, Bernoulli, k = 1)', () => {
    const { p } = tastesFor(cfg({ tastes: 'two', types: 4 }));
    const r = explore(p, 10, 1, { kind: 'bernoulli', q: 0.3 });
    expect(r.optimal.counts.filter((a) => a > 0).length).toBeGreaterThan(1);
    expect(r.topN.counts).toEqual([10, 0, 0, 0]);
    expect(r.precision.topN).toBeCloseTo(0.45, 12);
    // The optimum splits between the two equally likely tastes: same Precision, far better P(≥ 1).
    expect(r.precision.topN).toBeGreaterThanOrEqual(r.precision.optimal - 1e-12);
    expect(r.atLeastOne.optimal).toBeGreaterThan(r.atLeastOne.topN);
    // For Bernoulli with k = 1, P(≥ 1 good) is U_1 itself.
    expect(r.atLeastOne.optimal).toBeCloseTo(r.optimal.utility, 12);
    expect(r.atLeastOne.topN).toBeCloseTo(0.45 * (1 - 0.7 ** 10), 12);
  });

  it('with one dominant taste the reversal is strict: Precision prefers top-N, P(≥ 1) the optimal list', () => {
    const { p } = tastesFor(cfg({ tastes: 'dominant', types: 4 }));
    const r = explore(p, 10, 1, { kind: 'bernoulli', q: 0.3 });
    expect(r.optimal.counts.filter((a) => a > 0).length).toBeGreaterThan(1);
    expect(r.precision.topN).toBeGreaterThan(r.precision.optimal);
    expect(r.atLeastOne.optimal).toBeGreaterThan(r.atLeastOne.topN);
  });

  it('P(≥ 1) for continuous values is the mass of the types shown', () => {
    const r = explore([0.5, 0.3, 0.2], 4, 1, { kind: 'exponential' });
    expect(r.atLeastOne.topN).toBeCloseTo(0.5, 12);
    const shown = [0.5, 0.3, 0.2].filter((_, t) => r.optimal.counts[t] > 0);
    expect(r.atLeastOne.optimal).toBeCloseTo(sum(shown), 12);
  });

  it('refuses N = 0 and an infinite-mean Pareto with explanatory errors', () => {
    expect(() => explore([0.5, 0.5], 0, 1, { kind: 'uniform' })).toThrow(/'n' = 0.*empty/);
    expect(() => explore([0.5, 0.5], 3, 1, { kind: 'pareto', alpha: 1 })).toThrow(/infinite/);
  });
});

describe('kSweep', () => {
  it('goes from homogeneous at k = N to spread at k = 1, types used never shrinking as k falls', () => {
    const { p } = tastesFor(cfg());
    const rows = kSweep(p, 10, { kind: 'bernoulli', q: 0.3 });
    expect(rows.map((r) => r.k)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(rows[0].counts).toEqual([10, 0, 0, 0]);
    for (const r of rows) expect(sum(r.counts)).toBe(10);
    const used = rows.map((r) => r.counts.filter((a) => a > 0).length);
    for (let i = 1; i < used.length; i++) expect(used[i]).toBeGreaterThanOrEqual(used[i - 1]);
    expect(used[used.length - 1]).toBeGreaterThan(1);
  });
});

describe('shareFit', () => {
  const p = presetTastes('long-tail', 10);
  it.each([
    [{ kind: 'bernoulli', q: 0.3 } as ValueModel, 1000],
    [{ kind: 'uniform' } as ValueModel, 1000],
    [{ kind: 'exponential' } as ValueModel, 1000],
    [{ kind: 'uniform' } as ValueModel, 2000],
    [{ kind: 'exponential' } as ValueModel, 2000],
    [{ kind: 'pareto', alpha: 3 } as ValueModel, 1000],
  ])('fits γ within ±0.1 of theory for %o at N = %i, k = 1', (value, n) => {
    const fit = shareFit(p, value, 1, n);
    expect(fit.theory).toBe(theoryGamma(value));
    expect(fit.points).toHaveLength(10);
    expect(Math.abs(fit.gamma - fit.theory)).toBeLessThan(0.1);
  });

  it('has the theory values 0, ½, 1, α/(α−1)', () => {
    expect(theoryGamma({ kind: 'bernoulli', q: 0.5 })).toBe(0);
    expect(theoryGamma({ kind: 'uniform' })).toBe(0.5);
    expect(theoryGamma({ kind: 'exponential' })).toBe(1);
    expect(theoryGamma({ kind: 'pareto', alpha: 3 })).toBe(1.5);
  });

  it('explains an infinite-mean Pareto', () => {
    expect(() => shareFit(p, { kind: 'pareto', alpha: 0.8 })).toThrow(/infinite/);
  });
});

describe('validate', () => {
  it('collects every bad-input message without throwing', () => {
    expect(validate(cfg())).toEqual({ errors: [], notes: [] });
    const bad = validate(cfg({ tastes: 'custom', p: '1,-1,0,0', value: 'pareto', alpha: 1 }));
    expect(bad.errors).toHaveLength(2);
    expect(bad.errors[0]).toMatch(/'p'/);
    expect(bad.errors[1]).toMatch(/'alpha'.*infinite/);
    expect(validate(cfg({ n: 0 })).errors.join(' ')).toMatch(/'n' = 0/);
    const notes = validate(cfg({ tastes: 'custom', p: '1,1,0,2', n: 3, k: 5 }));
    expect(notes.errors).toEqual([]);
    expect(notes.notes.join('\n')).toMatch(/p summed to 4; normalised/);
    expect(notes.notes.join('\n')).toMatch(/type 3/);
    expect(notes.notes.join('\n')).toMatch(/k ≥ N: every item is consumed, the optimum is homogeneous/);
  });
});

describe('runConsumption', () => {
  it('emits started then one epoch with every value, backend none', async () => {
    const seen: string[] = [];
    const r = await runConsumption(cfg({ k: 1 }), { onProgress: (e) => seen.push(e.kind) });
    expect(seen).toEqual(['started', 'epoch']);
    expect(r.labId).toBe('consumption');
    expect(r.backend).toBe('none');
    expect(r.outcome).toEqual({ status: 'completed' });
    const s = r.summary;
    for (const key of ['utility/optimal', 'utility/topN', 'gap', 'precision/optimal', 'precision/topN', 'atLeastOne/optimal', 'atLeastOne/topN', 'gamma', 'gammaTheory', 'alloc/0', 'alloc/1', 'alloc/2', 'alloc/3']) {
      expect(Number.isFinite(s[key]), key).toBe(true);
    }
    expect(s['alloc/0'] + s['alloc/1'] + s['alloc/2'] + s['alloc/3']).toBe(10);
    expect(s.gammaTheory).toBe(0);
    expect(Math.abs(s.gamma)).toBeLessThan(0.1);
    expect(s['utility/optimal']).toBeGreaterThan(s['utility/topN']);
  });

  it('throws a LabError naming the setting for bad input', async () => {
    for (const [over, name] of [[{ value: 'pareto', alpha: 0.9 }, 'alpha'], [{ tastes: 'custom', p: '1,2' }, 'p']] as const) {
      const err = await runConsumption(cfg(over as Partial<ConsumptionConfig>)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LabError);
      expect((err as LabError).code).toBe(ErrorCode.InvalidConfigValue);
      expect((err as LabError).message).toContain(`'${name}'`);
    }
  });

  it('runs through the lab entry; with trainSeeds = 0 it is the explorer alone, with no tensors', async () => {
    expect(consumptionLab.id).toBe('consumption');
    const r = await consumptionLab.run({ ...consumptionLab.defaults, trainSeeds: 0 });
    expect(r.backend).toBe('none');
    expect(r.summary['utility/optimal']).toBeGreaterThan(r.summary['utility/topN']);
    expect(r.events.filter((e) => e.kind === 'epoch')).toHaveLength(1);
  });
});
