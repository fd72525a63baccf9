// Runs declared findings headless: every arm once per seed, the values read, their spread and the relation checked.
import type { Dataset } from '../data/dataset';
import { IMPORTED } from '../data/datasetChoice';
import { resolveConfig } from './config';
import { armsOf, describeRelation, REAL_DATASETS, realDataThreshold, relationHolds, spread, type Finding, type MeasuredFinding, type RealDatasetName } from './findings';
import { RunCache } from './runCache';
import type { Lab, RunResult } from './types';

export interface FindingsRunOptions {
  /** The fast variant: each finding's `quick` settings and seeds (findings without one are skipped). */
  quick?: boolean;
  /** Where and when: written into every record. */
  backend: string;
  date: string;
  commit: string;
  /** Called before each run (finding id, arm, seed) and after each finding. */
  onRun?(id: string, arm: string, seed: number): void;
  onFinding?(m: MeasuredFinding): void;
  /** The public datasets at hand (findings on real data whose dataset is absent are skipped). */
  /** The public dataset `name` imported with ratings ≥ `threshold` kept, when the caller has it. */
  realData?(name: RealDatasetName, threshold: number): Dataset | undefined;
  /** Called for each finding not measured, with the reason. */
  onSkip?(id: string, why: string): void;
  signal?: AbortSignal;
}

/**
 * Measures `findings` with the labs `getLab` returns. Runs with the same lab and resolved config are shared
 * between findings (one consumption run backs several), and warm starts are shared through one RunCache, as in a
 * sweep. Throws if a run does not complete or a value cannot be read: a finding is measured whole or not at all.
 */
export async function measureFindings(findings: readonly Finding[], getLab: (id: string) => Lab, opts: FindingsRunOptions): Promise<MeasuredFinding[]> {
  // One cache per lab: warm starts are shared within a lab, as in a sweep, never across labs.
  const caches = new Map<string, RunCache>();
  const runs = new Map<string, RunResult<unknown>>();
  const out: MeasuredFinding[] = [];
  for (const f of findings) {
    if (opts.quick && !f.quick) continue;
    const real = f.realData ? opts.realData?.(f.realData, realDataThreshold(f)) : undefined;
    if (f.realData && !real) {
      opts.onSkip?.(f.id, `needs ${REAL_DATASETS[f.realData]} (a folder ${f.realData}/ under --data-dir)`);
      continue;
    }
    const lab = getLab(f.labId);
    const seeds = opts.quick && f.quick ? f.quick.seeds : f.seeds;
    const arms = armsOf(f, opts.quick);
    const perSeed: Record<string, number>[] = seeds.map(() => ({}));
    for (const [armName, arm] of Object.entries(arms)) {
      for (let s = 0; s < seeds.length; s++) {
        if (opts.signal?.aborted) throw new Error('findings run stopped');
        const config = resolveConfig(lab, { ...arm, ...(real ? { dataset: IMPORTED } : {}), seed: seeds[s] });
        const key = `${lab.id} ${f.realData ? `${f.realData}@${realDataThreshold(f)}` : ''} ${JSON.stringify(config)}`;
        let result = runs.get(key);
        if (!result) {
          opts.onRun?.(f.id, armName, seeds[s]);
          result = await lab.run(config as typeof lab.defaults, { cache: caches.get(lab.id) ?? caches.set(lab.id, new RunCache()).get(lab.id), signal: opts.signal, dataset: real });
          if (result.outcome.status !== 'completed') throw new Error(`finding ${f.id}: arm ${armName}, seed ${seeds[s]}: run ${result.outcome.status}`);
          runs.set(key, result);
        }
        for (const [name, v] of Object.entries(f.values)) {
          if ((v.arm ?? 'run') !== armName) continue;
          const x = v.reading.read(result as RunResult<unknown>);
          if (x === undefined || !Number.isFinite(x)) throw new Error(`finding ${f.id}: ${name} (${v.reading.what}) has no finite value for seed ${seeds[s]}`);
          perSeed[s][name] = x;
        }
      }
    }
    const values: MeasuredFinding['values'] = {};
    for (const [name, v] of Object.entries(f.values)) {
      const xs = perSeed.map((p) => p[name]);
      values[name] = { read: v.reading.what, arm: v.arm ?? 'run', perSeed: xs, ...spread(xs) };
    }
    const means = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.mean]));
    const base = opts.quick && f.quick ? { ...f.config, ...f.quick.config } : f.config;
    const m: MeasuredFinding = {
      id: f.id,
      labId: f.labId,
      claim: f.claim,
      dataset: f.realData ?? String((resolveConfig(lab, base) as Record<string, unknown>).dataset ?? 'n/a'),
      seeds,
      config: base,
      ...(f.arms ? { arms: f.arms } : {}),
      values,
      expect: describeRelation(f.expect),
      held: relationHolds(f.expect, means),
      heldPerSeed: perSeed.map((p) => relationHolds(f.expect, p)),
      backend: opts.backend,
      date: opts.date,
      commit: opts.commit,
    };
    opts.onFinding?.(m);
    out.push(m);
  }
  return out;
}
