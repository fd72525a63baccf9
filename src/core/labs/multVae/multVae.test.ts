// The Mult-VAE lab end to end on wasm: both models learn, runs reproduce, leak nothing, stop, report divergence,
// refuse a catalogue too large for memory, and emit exactly the series their charts declare.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../data/dataset';
import { ErrorCode } from '../../errors';
import { divergedMessage } from '../../experiment/trainingLoop';
import type { ProgressEvent, RunResult } from '../../experiment/types';
import { useWasm } from '../../testing/tfSetup';
import type { AccuracyDiversityPoint, ActivityBucket, BetaPeak } from './artifacts';
import { multVaeDefaults, multVaeSchema, type MultVaeConfig } from './config';
import { multVaeLab } from './index';
import { runMultVae } from './run';

beforeAll(useWasm);

/** tiny: 100 users × 200 items; 80 training users, so 4 steps per model per epoch at batch 20. */
const tiny = (over: Partial<MultVaeConfig> = {}): MultVaeConfig => ({
  ...multVaeDefaults,
  dataset: 'tiny',
  size: 'small',
  batchSize: 20,
  epochs: 30,
  annealSteps: 200,
  compare: 'models',
  ...over,
});

type StepEvent = Extract<ProgressEvent, { kind: 'step' }>;
type EpochEvent = Extract<ProgressEvent, { kind: 'epoch' }>;
const stepsOf = (r: RunResult<MultVaeConfig>) => r.events.filter((e): e is StepEvent => e.kind === 'step');
const epochsOf = (r: RunResult<MultVaeConfig>) => r.events.filter((e): e is EpochEvent => e.kind === 'epoch');
const artifact = <T>(r: RunResult<MultVaeConfig>, name: string) => (r.events.find((e) => e.kind === 'artifact' && e.name === name) as { data: T } | undefined)?.data;
const lossesOf = (r: RunResult<MultVaeConfig>, id: string) => stepsOf(r).flatMap((e) => (e.values[`loss/${id}`] === undefined ? [] : [e.values[`loss/${id}`]]));
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const meanOf = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('Mult-VAE and Mult-DAE learn on tiny', () => {
  let r: RunResult<MultVaeConfig>;
  beforeAll(async () => {
    r = await runMultVae(tiny());
  });

  it('completes, with the two models interleaved one epoch at a time', () => {
    expect(r.outcome).toEqual({ status: 'completed' });
    expect(r.labId).toBe('mult-vae');
    expect(r.backend).toBe('wasm');
    expect(r.events[0]).toMatchObject({ kind: 'started', totalSteps: 240, stepsPerEpoch: 8, info: { trainUsers: 80, items: 200, variants: 'vae-multinomial, dae-multinomial', firstLayer: 'sparse' } });
    const steps = stepsOf(r);
    expect(steps.map((e) => e.step)).toEqual(range(1, 240));
    // Steps 1–4 are the VAE's first epoch, 5–8 the DAE's, and so on.
    expect(Object.keys(steps[0].values)).toEqual(['loss/vae-multinomial']);
    expect(Object.keys(steps[4].values)).toEqual(['loss/dae-multinomial']);
    expect(steps.every((e) => Object.keys(e.values).length === 1)).toBe(true);
    expect(epochsOf(r).map((e) => e.epoch)).toEqual(range(0, 30));
  });

  it('lowers each model’s loss and ends above popularity in validation NDCG@100', () => {
    for (const id of ['vae-multinomial', 'dae-multinomial']) {
      const l = lossesOf(r, id);
      expect(meanOf(l.slice(-8))).toBeLessThan(0.95 * meanOf(l.slice(0, 8)));
      const end = epochsOf(r).at(-1)!.values;
      expect(end[`ndcg@100/${id}`]).toBeGreaterThan(end['ndcg@100/popularity'] + 0.05);
      expect(r.summary[`test/ndcg@100/${id}`]).toBeGreaterThan(r.summary['test/ndcg@100/popularity']);
    }
    // Popularity does not train: one value for every epoch.
    expect(new Set(epochsOf(r).map((e) => e.values['ndcg@100/popularity'])).size).toBe(1);
  });

  it('anneals β for the VAE only, by 1/annealSteps per update up to the cap, and reports its KL', () => {
    const ep = epochsOf(r);
    // After epoch e the VAE has taken 4e updates; the last one used β = (4e − 1)/200, capped at 0.2.
    expect(ep[1].values['beta/vae-multinomial']).toBeCloseTo(3 / 200, 12);
    expect(ep[10].values['beta/vae-multinomial']).toBeCloseTo(39 / 200, 12);
    expect(ep[30].values['beta/vae-multinomial']).toBe(0.2);
    expect(ep[30].values.beta).toBe(0.2);
    expect(ep.slice(1).every((e) => e.values['kl/vae-multinomial'] > 0)).toBe(true);
    expect(ep[0].values['kl/vae-multinomial']).toBeUndefined();
    expect(ep.some((e) => 'beta/dae-multinomial' in e.values || 'kl/dae-multinomial' in e.values)).toBe(false);
  });

  it('summarises the test users and emits the three views', () => {
    for (const id of ['vae-multinomial', 'dae-multinomial', 'popularity']) {
      for (const m of ['ndcg@100', 'recall@20', 'recall@50']) expect(r.summary[`test/${m}/${id}`]).toBeGreaterThan(0);
    }
    const buckets = artifact<ActivityBucket[]>(r, 'activityBuckets')!;
    expect(buckets.length).toBeGreaterThanOrEqual(2);
    expect(buckets.reduce((n, b) => n + b.users, 0)).toBe(10);
    expect(Object.keys(buckets[0].ndcg100)).toEqual(['vae-multinomial', 'dae-multinomial', 'popularity']);
    const points = artifact<AccuracyDiversityPoint[]>(r, 'accuracyDiversity')!;
    expect(points.map((p) => p.id)).toEqual(['vae-multinomial', 'dae-multinomial', 'popularity']);
    for (const p of points) {
      expect(p.ild10).toBeGreaterThan(0);
      expect(p.coverage10).toBeGreaterThan(0);
      expect(p.ndcg100).toBeCloseTo(r.summary[`test/ndcg@100/${p.id}`], 12);
    }
    const peaks = artifact<BetaPeak[]>(r, 'betaPeak')!;
    expect(peaks).toHaveLength(1);
    const best = Math.max(...epochsOf(r).slice(1).map((e) => e.values['ndcg@100/vae-multinomial']));
    expect(peaks[0]).toMatchObject({ id: 'vae-multinomial', ndcg100: best });
    expect(peaks[0].beta).toBe(epochsOf(r)[peaks[0].epoch].values['beta/vae-multinomial']);
    expect(r.tables?.map((t) => t.title)).toEqual(['Test users (higher is better)', 'Test NDCG@100 by clicks fed in (higher is better)']);
  });

  it('emits only series its charts declare, and every declared series a full comparison needs', async () => {
    const all = await runMultVae(tiny({ compare: 'likelihoods', epochs: 1 }));
    const dae = await runMultVae(tiny({ compare: 'likelihoods', model: 'dae', epochs: 1 }));
    const declared = new Set(multVaeLab.charts.flatMap((c) => [...c.series.map((s) => s.key), ...(c.xKey ? [c.xKey] : [])]));
    const emitted = new Set([r, all, dae].flatMap((x) => x.events.flatMap((e) => (e.kind === 'step' || e.kind === 'epoch' ? Object.keys(e.values) : []))));
    // Recall@50 is in the events and the summary, not on a chart.
    expect([...emitted].filter((k) => !declared.has(k) && !k.startsWith('recall@50/'))).toEqual([]);
    expect([...declared].filter((k) => !emitted.has(k))).toEqual([]);
  });
});

describe('the Mult-VAE variants are independent', () => {
  it('give a variant the same numbers whatever trains beside it', async () => {
    const a = await runMultVae(tiny({ epochs: 2, seed: 5 }));
    const alone = await runMultVae(tiny({ epochs: 2, seed: 5, compare: 'none' }));
    expect(lossesOf(alone, 'vae-multinomial')).toEqual(lossesOf(a, 'vae-multinomial'));
    expect(alone.summary['test/ndcg@100/vae-multinomial']).toBe(a.summary['test/ndcg@100/vae-multinomial']);
  });

  it('with daeReference changes only the DAE (tanh code, λ = 0.01 / batch size), and says so in its info', async () => {
    const lab = await runMultVae(tiny({ epochs: 2, seed: 5 }));
    const ref = await runMultVae(tiny({ epochs: 2, seed: 5, daeReference: true }));
    expect(lossesOf(ref, 'vae-multinomial')).toEqual(lossesOf(lab, 'vae-multinomial'));
    expect(ref.summary['test/ndcg@100/vae-multinomial']).toBe(lab.summary['test/ndcg@100/vae-multinomial']);
    expect(lossesOf(ref, 'dae-multinomial')).not.toEqual(lossesOf(lab, 'dae-multinomial'));
    expect(lab.events[0]).toMatchObject({ info: { dae: 'linear code, no weight decay' } });
    expect(ref.events[0]).toMatchObject({ info: { dae: 'reference: tanh code, λ = 0.0005' } });
  });
});

describe('the Mult-VAE run owns its tensors', () => {
  it('keeps the tensor count flat from epoch to epoch (the contract test checks it returns to where it was)', async () => {
    const counts: number[] = [];
    await runMultVae(tiny({ epochs: 4, compare: 'likelihoods' }), { onProgress: (e) => e.kind === 'epoch' && counts.push(tf.memory().numTensors) });
    // Adam makes its moment slots at each model's first step; after that nothing accumulates.
    expect(new Set(counts.slice(1)).size).toBe(1);
  });
});

describe('the Mult-VAE run stops, steps and diverges cleanly', () => {
  it('stops when aborted within one read-back of the step that asked, and still scores its test users', async () => {
    const ctrl = new AbortController();
    const r = await runMultVae(tiny(), { signal: ctrl.signal, onProgress: (e) => e.kind === 'step' && e.step === 5 && ctrl.abort() });
    expect(r.outcome.status).toBe('stopped');
    const atStep = (r.outcome as { atStep: number }).atStep;
    expect(atStep).toBeGreaterThanOrEqual(5);
    expect(atStep).toBeLessThanOrEqual(8);
    expect(stepsOf(r).map((e) => e.step)).toEqual(range(1, atStep));
    // A stopped run still scores its test users.
    expect(r.summary['test/ndcg@100/vae-multinomial']).toBeGreaterThan(0);
  });

  it('waits on the step control before every training step', async () => {
    let asked = 0;
    const r = await runMultVae(tiny({ epochs: 2 }), { control: { beforeStep: async () => void asked++ } });
    expect(asked).toBe(stepsOf(r).length);
    expect(asked).toBe(16);
  });

  it('stops with "diverged at step N" at an absurd learning rate, keeping every step and epoch before N', async () => {
    // Adam at rate 2 throws the VAE's log σ² so far that exp overflows within a few updates.
    const r = await runMultVae(tiny({ compare: 'none', likelihood: 'gaussian', learningRate: 2, epochs: 5 }));
    expect(r.outcome.status).toBe('diverged');
    const { atStep, message } = r.outcome as { atStep: number; message: string };
    expect(message).toBe(divergedMessage(atStep));
    expect(atStep).toBeGreaterThan(1);
    const steps = stepsOf(r);
    expect(steps.map((e) => e.step)).toEqual(range(1, atStep - 1));
    expect(steps.every((e) => Number.isFinite(e.values['loss/vae-gaussian']))).toBe(true);
    expect(epochsOf(r).length).toBeGreaterThanOrEqual(1);
    expect(epochsOf(r).every((e) => e.step < atStep)).toBe(true);
    // No test scores from a diverged model.
    expect(Object.keys(r.summary).some((k) => k.startsWith('test/'))).toBe(false);
  });
});

describe('a catalogue too large for the backend', () => {
  it('is refused before training with OL101, the estimate and the largest catalogue that fits', async () => {
    const numItems = 300_000;
    const lists = Array.from({ length: 20 }, (_, u) => [u, u + 1, u + 2, 1000 + u]);
    const indptr = Int32Array.from({ length: 21 }, (_, u) => 4 * u);
    const dataset: Dataset = {
      name: 'tiny',
      source: { kind: 'synthetic', preset: 'tiny', seed: 1 },
      userIds: lists.map((_, u) => String(u)),
      itemIds: [],
      interactions: { numUsers: 20, numItems, indptr, indices: Int32Array.from(lists.flat()) },
      genreNames: [],
      itemGenres: new Uint8Array(0),
    };
    const before = tf.memory().numTensors;
    await expect(runMultVae(tiny(), { dataset })).rejects.toMatchObject({ code: ErrorCode.InvalidConfigValue });
    await expect(runMultVae(tiny(), { dataset })).rejects.toThrow(/300,000 items needs about .* GiB .*on wasm .*largest catalogue that fits at these sizes is [\d,]+ items/);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('data too small for the strong split', () => {
  it('is refused with OL107 naming the split, rather than completing with an empty table', async () => {
    const lists = [[0, 1, 2], [0, 1, 3]];
    const dataset: Dataset = {
      name: 'two-users',
      source: { kind: 'import', format: 'generic', files: ['two-users.csv'] },
      userIds: ['u1', 'u2'],
      itemIds: ['i1', 'i2', 'i3', 'i4'],
      interactions: { numUsers: 2, numItems: 4, indptr: Int32Array.from([0, 3, 6]), indices: Int32Array.from(lists.flat()) },
      genreNames: [],
      itemGenres: new Uint8Array(0),
    };
    const before = tf.memory().numTensors;
    await expect(runMultVae(tiny({ dataset: 'imported' }), { dataset })).rejects.toMatchObject({ code: ErrorCode.DataUnsuitable });
    await expect(runMultVae(tiny({ dataset: 'imported' }), { dataset })).rejects.toThrow(/two-users \(2 users, 2 with fewer than 5 clicks left out\) split into 0 training, 0 validation and 0 test users/);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('the lab', () => {
  it('is declared with its paper, defaults that pass its schema and a lazy run', () => {
    expect(multVaeLab.id).toBe('mult-vae');
    expect(multVaeLab.papers[0]).toMatchObject({ venue: 'WWW', year: 2018, url: 'https://arxiv.org/abs/1802.05814' });
    expect(multVaeSchema.parse(multVaeLab.defaults)).toEqual(multVaeLab.defaults);
    expect(multVaeLab.whatToTry.length).toBeGreaterThan(0);
  });
});
