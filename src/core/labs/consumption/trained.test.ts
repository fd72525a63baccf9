// Part B of the consumption lab: the spread over seeds, the truth distance, and the trained comparison end to end.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtinDataset } from '../../data/synthetic';
import type { Dataset } from '../../data/dataset';
import { ErrorCode, LabError } from '../../errors';
import { useWasm } from '../../testing/tfSetup';
import { consumptionDefaults, type ConsumptionConfig } from './config';
import { runConsumption } from './run';
import { LIST_KINDS, spreadOverSeeds, trainedTable } from './tables';
import { meanTruthDistance } from './trained';

beforeAll(useWasm);

const tinyRun = (over: Partial<ConsumptionConfig> = {}): ConsumptionConfig => ({ ...consumptionDefaults, dataset: 'tiny', trainSeeds: 2, warmStartEpochs: 3, embeddingDim: 8, ...over });

describe('spread over seeds', () => {
  it('gives the mean and the sample standard deviation per key, skipping missing values', () => {
    const s = spreadOverSeeds([{ a: 1, b: 5 }, { a: 3 }, { a: 5, b: NaN }]);
    expect(s.a).toEqual({ mean: 3, sd: 2, n: 3 });
    expect(s.b).toEqual({ mean: 5, sd: 0, n: 1 });
  });

  it('tables one row per list, "mean ± sd" per metric the data has, with directions', () => {
    const seeds = [{ 'topN/precision': 0.3, 'c1/precision': 0.2 }, { 'topN/precision': 0.5, 'c1/precision': 0.2 }];
    const t = trainedTable(seeds);
    expect(t.columns).toEqual(['list', 'P@10 ↑']);
    expect(t.rows.map((r) => r[0])).toEqual(LIST_KINDS.map((k) => k.label));
    // sd of (0.3, 0.5) = 0.1·√2 = 0.141.
    expect(t.rows[0][1]).toBe('0.400 ± 0.141');
    expect(t.rows[1][1]).toBe('0.200 ± 0.000');
    expect(t.rows[2][1]).toBe('–');
  });
});

describe('distance to the true tastes', () => {
  it('is 0 for a list whose genre mix is the truth, 1 for disjoint genres', () => {
    // Two items: item 0 genre 0, item 1 genre 1. User 0's truth (½, ½); user 1's truth (1, 0).
    const genres = Uint8Array.from([1, 0, 0, 1]);
    const truth = Float64Array.from([0.5, 0.5, 1, 0]);
    expect(meanTruthDistance(Int32Array.from([0]), [[0, 1]], truth, genres, 2)).toBeCloseTo(0, 12);
    expect(meanTruthDistance(Int32Array.from([1]), [[1]], truth, genres, 2)).toBeCloseTo(1, 12);
    expect(meanTruthDistance(Int32Array.from([0, 1]), [[0, 1], [1]], truth, genres, 2)).toBeCloseTo(0.5, 12);
  });
});

describe('the trained comparison', () => {
  it('trains one model per seed and scores the top 10 against the consumption-aware lists', async () => {
    const before = tf.memory().numTensors;
    const r = await runConsumption(tinyRun());
    expect(r.outcome).toEqual({ status: 'completed' });
    const epochs = r.events.filter((e) => e.kind === 'epoch');
    expect(epochs.map((e) => e.epoch)).toEqual([0, 1, 2]);
    for (const k of LIST_KINDS) {
      for (const m of ['precision', 'hit', 'consumption@2', 'consumption@3', 'ild', 'coverage', 'tasteDistance', 'truthDistance']) {
        expect(r.summary[`${k.id}/${m}`], `${k.id}/${m}`).toBeGreaterThanOrEqual(0);
        expect(r.summary[`${k.id}/${m}/sd`], `${k.id}/${m}/sd`).toBeGreaterThanOrEqual(0);
      }
    }
    // The diversity sweep: w = 0 is the top 10 exactly; the largest weight buys genre diversity (ILD). (What it costs
    // in accuracy is measured, not assumed: on tiny, with a 3-epoch model, Precision even rises.)
    for (const m of ['precision', 'hit', 'consumption@2', 'consumption@3', 'ild']) expect(r.summary[`mmr@0/${m}`], m).toBe(r.summary[`topN/${m}`]);
    expect(r.summary['mmr@0.9/ild']).toBeGreaterThan(r.summary['mmr@0/ild']);
    // U₁ is HR: the c = 1 list is built for it, and its re-ranking never lowers its own estimate (tested in rerank).
    expect(r.summary['estimate/truth']).toBeGreaterThan(0);
    expect(r.summary['expected/c1']).toBeGreaterThan(0);
    expect(r.tables?.[0].rows).toHaveLength(LIST_KINDS.length);
    expect(r.tables?.[0].title).toMatch(/2 seeds/);
    // The explorer still runs first, as epoch 0.
    expect(r.summary['utility/optimal']).toBeGreaterThan(0);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stops between seeds when aborted, keeping the explorer', async () => {
    const ctrl = new AbortController();
    ctrl.abort();
    const r = await runConsumption(tinyRun(), { signal: ctrl.signal });
    expect(r.outcome).toEqual({ status: 'stopped', atStep: 0 });
    expect(r.summary['utility/optimal']).toBeGreaterThan(0);
  });

  it('says what is wrong with data it cannot use: no genres, or true tastes asked of imported data', async () => {
    const world = builtinDataset('tiny');
    const imported: Dataset = { ...world, name: 'imported', source: { kind: 'import', format: 'generic', files: ['x.csv'] }, groundTruth: undefined };
    const noGenres: Dataset = { ...imported, genreNames: [], itemGenres: new Uint8Array(0) };
    const e1 = await runConsumption(tinyRun({ dataset: 'imported' }), { dataset: noGenres }).catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(LabError);
    expect((e1 as LabError).code).toBe(ErrorCode.DataUnsuitable);
    expect((e1 as LabError).message).toMatch(/^OL107: 'dataset': .* no item genres/);
    const e2 = await runConsumption(tinyRun({ dataset: 'imported', tasteSource: 'truth' }), { dataset: imported }).catch((e: unknown) => e);
    expect((e2 as LabError).message).toMatch(/'tasteSource'/);
    // Imported data with genres works, without the truth columns.
    const ok = await runConsumption(tinyRun({ dataset: 'imported', trainSeeds: 1 }), { dataset: imported });
    expect(ok.summary['topN/precision']).toBeGreaterThanOrEqual(0);
    expect(ok.summary['topN/truthDistance']).toBeUndefined();
  });

  it('runs every protocol and the cluster types, and refuses a protocol the data cannot serve', async () => {
    for (const protocol of ['temporal', 'mood'] as const) {
      const r = await runConsumption(tinyRun({ protocol, trainSeeds: 1 }));
      expect(r.outcome.status, protocol).toBe('completed');
      expect(r.summary['topN/hit'], protocol).toBeGreaterThanOrEqual(0);
      expect(r.tables?.[0].title).toMatch(new RegExp(`${protocol} holdout`));
    }
    // Clusters as types: the lists are still scored on genres (ILD), the model's tastes are over the clusters.
    const c = await runConsumption(tinyRun({ typeSource: 'clusters', clusters: 3, tasteSource: 'model', trainSeeds: 1 }));
    expect(c.summary['c3/consumption@3']).toBeGreaterThanOrEqual(0);
    expect(c.summary['estimate/truth']).toBeUndefined();
    expect(c.tables?.[0].title).toMatch(/3 item clusters as types/);
    // The model forecasts its own top 10's hits; a larger relevance scale forecasts more.
    const base = await runConsumption(tinyRun({ trainSeeds: 1 }));
    const scaled = await runConsumption(tinyRun({ trainSeeds: 1, relevanceScale: 2 }));
    expect(scaled.summary['expected/topN']).toBeGreaterThan(base.summary['expected/topN']);
    expect(scaled.summary['topN/precision']).toBe(base.summary['topN/precision']);
    // The oracle calibration scales r_i until the forecast meets the measured hits of the top 10 (up to the cap r ≤ 1).
    const oracle = await runConsumption(tinyRun({ trainSeeds: 1, calibration: 'oracle' }));
    expect(oracle.summary['calibration/scale']).not.toBe(1);
    expect(oracle.summary['expected/topN']).toBeCloseTo(oracle.summary['topN/precision'], 2);
    expect(base.summary['calibration/scale']).toBe(1);

    const world = builtinDataset('tiny');
    const imported: Dataset = { ...world, name: 'imported', source: { kind: 'import', format: 'generic', files: ['x.csv'] }, groundTruth: undefined };
    const mood = await runConsumption(tinyRun({ dataset: 'imported', protocol: 'mood' }), { dataset: imported }).catch((e: unknown) => e);
    expect((mood as LabError).message).toMatch(/^OL107: 'protocol': 'mood' .* true tastes/);
    const noTime = await runConsumption(tinyRun({ dataset: 'imported', protocol: 'session' }), { dataset: { ...imported, timestamps: undefined } }).catch((e: unknown) => e);
    expect((noTime as LabError).message).toMatch(/^OL107: 'protocol': 'session' .* no timestamps/);
    const truthClusters = await runConsumption(tinyRun({ tasteSource: 'truth', typeSource: 'clusters' })).catch((e: unknown) => e);
    expect((truthClusters as LabError).code).toBe(ErrorCode.InvalidConfigValue);
  });
});
