// The Wide & Deep lab end to end on wasm: four models scored per epoch against the Bayes ceiling, the views it emits,
// reproducibility, no leaks, and data it refuses.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtinDataset } from '../../data/synthetic';
import { ErrorCode } from '../../errors';
import type { ProgressEvent, RunResult } from '../../experiment/types';
import { useWasm } from '../../testing/tfSetup';
import type { CrossSweepArtifact, ModelsArtifact } from './artifacts';
import { MODELS, SWEEP_CROSSES, sweepLabel, wideDeepDefaults, type WideDeepConfig } from './config';
import type { ErrorGridArtifact, SplitArtifact } from './grid';
import { runWideDeep } from './run';

beforeAll(useWasm);

const tiny = (over: Partial<WideDeepConfig> = {}): WideDeepConfig => ({ ...wideDeepDefaults, dataset: 'tiny', impressionsPerUser: 60, epochs: 3, ...over });
const last = <T,>(r: RunResult<WideDeepConfig>, name: string) => r.events.filter((e): e is Extract<ProgressEvent, { kind: 'artifact' }> => e.kind === 'artifact' && e.name === name).pop()?.data as T | undefined;

describe('wide-deep trains and scores four models', () => {
  let r: RunResult<WideDeepConfig>;
  beforeAll(async () => {
    r = await runWideDeep(tiny({ crosses: 'planted' }));
  });

  it('reports test AUC, log-loss and exception log-loss per model and for the true probability', () => {
    expect(r.outcome).toEqual({ status: 'completed' });
    for (const m of [...MODELS, 'bayes']) {
      expect(r.summary[`test/auc/${m}`]).toBeGreaterThan(0.4);
      expect(r.summary[`test/logloss/${m}`]).toBeGreaterThan(0);
      expect(Number.isFinite(r.summary[`test/exceptionLogloss/${m}`])).toBe(true);
    }
    // Nothing beats the true probability on AUC by more than noise, and every trained model learns something.
    for (const m of MODELS) expect(r.summary[`test/auc/${m}`]).toBeLessThan(r.summary['test/auc/bayes'] + 0.02);
    expect(r.summary['test/auc/joint']).toBeGreaterThan(0.55);
    const steps = r.events.filter((e) => e.kind === 'step');
    expect(steps.length).toBeGreaterThan(0);
    expect(Object.keys((steps[0] as { values: object }).values).sort()).toEqual(['loss/deep', 'loss/joint', 'loss/wide']);
    expect(r.events.filter((e) => e.kind === 'epoch')).toHaveLength(4);
  });

  it('counts parameters: the ensemble is the wide and deep models plus its three blend weights', () => {
    const m = last<ModelsArtifact>(r, 'models')!;
    expect(m.params.ensemble).toBe(m.params.wide + m.params.deep + 3);
    expect(m.params.joint).toBe(m.params.wide + m.params.deep - 1);
    expect(m.crossCount).toBe(builtinDataset('tiny').groundTruth.exceptions.length);
    expect(m.crosses.every((c) => c.planted)).toBe(true);
    expect(r.summary['params/joint']).toBe(m.params.joint);
  });

  it('fills the error grid from the test impressions with the planted cells marked', () => {
    const g = last<ErrorGridArtifact>(r, 'errorGrid')!;
    expect(g.itemField).toBe('creator');
    expect(g.rows).toEqual(builtinDataset('tiny').userFeatures.names.map((n) => n.replace(':', '=')));
    expect(g.impressions).toHaveLength(g.rows.length * g.columns.length);
    expect(g.planted.length).toBeGreaterThan(0);
    // Every test impression has one creator and one value per user-attribute group (age, region): 2 cells each.
    const test = r.events.find((e) => e.kind === 'started') as { info: Record<string, number> };
    expect(g.impressions.reduce((s, n) => s + n, 0)).toBe(2 * test.info.testImpressions);
    for (const m of MODELS) g.predicted[m].forEach((p, c) => expect(g.impressions[c] ? p > 0 && p < 1 : p === 0).toBe(true));
    expect(g.truth).not.toBeNull();
  });

  it('splits the test impressions into seen often / rarely / never, covering each once', () => {
    const s = last<SplitArtifact>(r, 'split')!;
    expect(s.buckets.map((b) => b.id)).toEqual(['often', 'rarely', 'never']);
    const test = r.events.find((e) => e.kind === 'started') as { info: Record<string, number> };
    expect(s.buckets.reduce((t, b) => t + b.impressions, 0)).toBe(test.info.testImpressions);
    expect(Object.keys(s.buckets[0].auc).sort()).toEqual(['bayes', 'deep', 'ensemble', 'joint', 'wide']);
  });

  it('is reproducible: the same seed gives the same numbers', async () => {
    const again = await runWideDeep(tiny({ crosses: 'planted' }));
    expect(again.summary).toEqual(r.summary);
  });
});

describe('wide-deep crosses sweep', () => {
  it('trains wide and joint at every size up to every candidate cross, and leaks no tensor', async () => {
    const before = tf.memory().numTensors;
    const r = await runWideDeep(tiny({ epochs: 1, crossSweep: true }));
    expect(tf.memory().numTensors).toBe(before);
    const s = last<CrossSweepArtifact>(r, 'crossSweep')!;
    // tiny has fewer candidate crosses than 300: sizes past it are every candidate.
    const all = s.rows[s.rows.length - 1].crosses;
    expect(all).toBeGreaterThan(100);
    expect(s.rows.map((x) => x.crosses)).toEqual(SWEEP_CROSSES.map((n) => Math.min(n, all)));
    // Parameters grow with the crosses; the wide part's non-zero weights never exceed its size.
    for (let k = 1; k < s.rows.length; k++) expect(s.rows[k].jointParams - s.rows[k - 1].jointParams).toBe(s.rows[k].crosses - s.rows[k - 1].crosses);
    for (const row of s.rows) expect(row.nonzeroWide.joint).toBeLessThanOrEqual(row.jointParams);
    expect(r.summary[`sweep/${sweepLabel(Infinity)}/auc/joint`]).toBe(s.rows[s.rows.length - 1].auc.joint);
  });
});

describe('wide-deep refuses data it cannot use', () => {
  it('needs user attributes to cross', async () => {
    const w = builtinDataset('tiny');
    const bare = { ...w, name: 'bare', source: { kind: 'import' as const, format: 'generic' as const, files: ['x'] }, userFeatures: undefined, ratings: new Float32Array(w.interactions.indices.length).fill(5) };
    await expect(runWideDeep(tiny({ dataset: 'imported' }), { dataset: bare })).rejects.toMatchObject({ code: ErrorCode.DataUnsuitable, message: expect.stringMatching(/user attributes/) });
  });
});
