// The first lab end to end on wasm: it converges, keeps its tensors flat while training and reports divergence
// (reproducibility, stop, pause and +1 step are the lab-contract test's, for every lab).
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { divergedMessage } from '../../experiment/trainingLoop';
import type { ProgressEvent, RunResult } from '../../experiment/types';
import { useWasm } from '../../testing/tfSetup';
import { popVsMfDefaults, type PopVsMfConfig } from './config';
import { runPopVsMf } from './run';

beforeAll(useWasm);

/** The tiny dataset (100 users × 200 items): 2,232 training clicks, so 3 steps per epoch at batch 1024. */
const tiny = (over: Partial<PopVsMfConfig> = {}): PopVsMfConfig => ({ ...popVsMfDefaults, dataset: 'tiny', ...over });

type StepEvent = Extract<ProgressEvent, { kind: 'step' }>;
type EpochEvent = Extract<ProgressEvent, { kind: 'epoch' }>;
const stepsOf = (r: RunResult<PopVsMfConfig>) => r.events.filter((e): e is StepEvent => e.kind === 'step');
const epochsOf = (r: RunResult<PopVsMfConfig>) => r.events.filter((e): e is EpochEvent => e.kind === 'epoch');
const lastEpoch = (r: RunResult<PopVsMfConfig>) => epochsOf(r).at(-1)!.values;
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('pop-vs-mf converges', () => {
  it('on tiny, 20 epochs: the loss falls from ln 2 and MF ends above popularity in NDCG@10', async () => {
    const r = await runPopVsMf(tiny());
    expect(r.outcome).toEqual({ status: 'completed' });
    expect(r.labId).toBe('pop-vs-mf');
    expect(r.backend).toBe('wasm');

    const started = r.events[0];
    expect(started).toMatchObject({ kind: 'started', totalSteps: 60, stepsPerEpoch: 3 });

    const steps = stepsOf(r);
    expect(steps.map((e) => e.step)).toEqual(range(1, 60));
    const first = steps[0].values['loss/mf'];
    const last = steps.at(-1)!.values['loss/mf'];
    // Untrained vectors (std 0.1) score every item near 0, and softplus(−0) = ln 2; the L2 term adds
    // l2 · E‖u‖²+‖v_i‖²+‖v_j‖² = l2 · 3 · dim · 0.1².
    const cfg = popVsMfDefaults;
    expect(first).toBeCloseTo(Math.LN2 + cfg.l2 * 3 * cfg.embeddingDim * 0.01, 2);
    expect(last).toBeLessThan(0.6 * first);

    // Epoch 0 is the untrained model, then one row per epoch.
    expect(epochsOf(r).map((e) => e.epoch)).toEqual(range(0, 20));
    const end = lastEpoch(r);
    expect(end['ndcg/mf']).toBeGreaterThan(end['ndcg/pop']);
    expect(end['recall/mf']).toBeGreaterThan(end['recall/pop']);
    // Popularity never trains: the same scores at every epoch.
    expect(new Set(epochsOf(r).map((e) => e.values['ndcg/pop'])).size).toBe(1);
    // The summary is the last value of each epoch series.
    expect(r.summary).toEqual(end);
  });

  it('on workshop with the default config: MF beats popularity by a clear margin within the default epochs', async () => {
    const r = await runPopVsMf(popVsMfDefaults);
    expect(r.outcome).toEqual({ status: 'completed' });
    const end = lastEpoch(r);
    // Measured: MF ≈ 0.405 vs popularity ≈ 0.281 at seed 42.
    expect(end['ndcg/mf']).toBeGreaterThan(end['ndcg/pop'] + 0.05);
    // And personalisation spreads recommendations over more of the catalogue.
    expect(end['coverage/mf']).toBeGreaterThan(end['coverage/pop']);
  });
});

describe('pop-vs-mf owns its tensors', () => {
  it('keeps the tensor count flat from epoch to epoch during a run', async () => {
    const counts: number[] = [];
    await runPopVsMf(tiny({ epochs: 5 }), { onProgress: (e) => e.kind === 'epoch' && counts.push(tf.memory().numTensors) });
    expect(counts).toHaveLength(6);
    // Epoch 0 is before any step; Adam creates its two moment slots per variable (U, V) at the first step.
    expect(counts[1]).toBe(counts[0] + 4);
    expect(new Set(counts.slice(1)).size).toBe(1);
  });
});

describe('pop-vs-mf reports divergence', () => {
  // Plain SGD at rate 100 with batches of 16: each step moves a vector by up to 100/16 × its partner, so
  // user and item vectors feed each other's growth until the loss overflows float32 (step ≈ 90 on tiny).
  const exploding = (seed: number) => tiny({ optimizer: 'sgd', learningRate: 100, batchSize: 16, embeddingDim: 32, epochs: 2, seed });

  it.each([42, 1])('stops with "diverged at step N", keeping every step before N and none after (seed %i)', async (seed) => {
    const r = await runPopVsMf(exploding(seed));
    expect(r.outcome.status).toBe('diverged');
    const { atStep, message } = r.outcome as { atStep: number; message: string };
    expect(message).toBe(`diverged at step ${atStep} — try a lower learning rate`);
    expect(message).toBe(divergedMessage(atStep));
    expect(atStep).toBeGreaterThan(1);

    const steps = stepsOf(r);
    expect(steps.map((e) => e.step)).toEqual(range(1, atStep - 1));
    expect(steps.every((e) => Number.isFinite(e.values['loss/mf']))).toBe(true);
    // The loss had grown by orders of magnitude before it overflowed.
    expect(steps.at(-1)!.values['loss/mf']).toBeGreaterThan(1e6);
    // No epoch was scored after the divergence.
    expect(epochsOf(r).every((e) => e.step < atStep)).toBe(true);
  });
});
