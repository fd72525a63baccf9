// The first lab end to end on wasm: it converges, is reproducible, leaks nothing, stops, pauses, steps and
// reports divergence.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../errors';
import { divergedMessage } from '../../experiment/trainingLoop';
import { StepGate } from '../../experiment/stepGate';
import type { ProgressEvent, RunResult } from '../../experiment/types';
import { useWasm } from '../../testing/tfSetup';
import { findLab, getLab, LABS } from '../registry';
import { popVsMfDefaults, popVsMfSchema, type PopVsMfConfig } from './config';
import { popVsMfLab } from './index';
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

describe('pop-vs-mf is reproducible', () => {
  it('gives the identical event series for the same config and seed, and another for another seed', async () => {
    const a = await runPopVsMf(tiny({ epochs: 3, seed: 5 }));
    const b = await runPopVsMf(tiny({ epochs: 3, seed: 5 }));
    const c = await runPopVsMf(tiny({ epochs: 3, seed: 6 }));
    expect(b.events).toEqual(a.events);
    expect(c.events).not.toEqual(a.events);
    expect(stepsOf(c).map((e) => e.values['loss/mf'])).not.toEqual(stepsOf(a).map((e) => e.values['loss/mf']));
  });
});

describe('pop-vs-mf owns its tensors', () => {
  it('leaves the tensor count where it was, after a short run and after a longer one', async () => {
    const before = tf.memory().numTensors;
    await runPopVsMf(tiny({ epochs: 1 }));
    const afterOne = tf.memory().numTensors;
    await runPopVsMf(tiny({ epochs: 3 }));
    const afterThree = tf.memory().numTensors;
    expect(afterOne).toBe(before);
    expect(afterThree).toBe(afterOne);
  });

  it('keeps the tensor count flat from epoch to epoch during a run', async () => {
    const counts: number[] = [];
    await runPopVsMf(tiny({ epochs: 5 }), { onProgress: (e) => e.kind === 'epoch' && counts.push(tf.memory().numTensors) });
    expect(counts).toHaveLength(6);
    // Epoch 0 is before any step; Adam creates its two moment slots per variable (U, V) at the first step.
    expect(counts[1]).toBe(counts[0] + 4);
    expect(new Set(counts.slice(1)).size).toBe(1);
  });
});

describe('pop-vs-mf stops, pauses and steps', () => {
  it('stops when aborted from onProgress, at most one step after the step that asked', async () => {
    const ctrl = new AbortController();
    const r = await runPopVsMf(tiny(), {
      signal: ctrl.signal,
      onProgress: (e) => {
        if (e.kind === 'step' && e.step === 5) ctrl.abort();
      },
    });
    expect(r.outcome.status).toBe('stopped');
    const atStep = (r.outcome as { atStep: number }).atStep;
    // Losses are read back at least once per epoch (3 steps on tiny), so step 5 is seen after step 6 at the latest.
    expect(atStep).toBeGreaterThanOrEqual(5);
    expect(atStep).toBeLessThanOrEqual(6);
    // Every step that ran is reported, none after.
    expect(stepsOf(r).map((e) => e.step)).toEqual(range(1, atStep));
  });

  it('runs nothing while paused, one step per step(), and the rest after resume()', async () => {
    const gate = new StepGate('paused');
    const steps: number[] = [];
    const waiters: { n: number; resolve: () => void }[] = [];
    let epoch0Seen!: () => void;
    const epoch0 = new Promise<void>((r) => (epoch0Seen = r));
    /** Resolves once `n` step events have arrived. */
    const untilSteps = (n: number) =>
      new Promise<void>((resolve) => (steps.length >= n ? resolve() : waiters.push({ n, resolve })));
    const settle = async () => {
      for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
    };

    const done = runPopVsMf(tiny({ epochs: 2 }), {
      control: gate,
      onProgress: (e) => {
        if (e.kind === 'epoch' && e.epoch === 0) epoch0Seen();
        if (e.kind !== 'step') return;
        steps.push(e.step);
        waiters.filter((w) => steps.length >= w.n).forEach((w) => w.resolve());
      },
    });

    await epoch0;
    await settle();
    expect(steps).toEqual([]);

    gate.step();
    await untilSteps(1);
    await settle();
    expect(steps).toEqual([1]);

    gate.step();
    await untilSteps(2);
    await settle();
    expect(steps).toEqual([1, 2]);

    gate.resume();
    const r = await done;
    expect(r.outcome).toEqual({ status: 'completed' });
    expect(steps).toEqual(range(1, 6));
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

describe('the lab registry', () => {
  it('finds the lab by its id', () => {
    expect(findLab('pop-vs-mf')).toBe(popVsMfLab);
    expect(getLab('pop-vs-mf')).toBe(popVsMfLab);
    expect(LABS.map((l) => l.id)).toContain('pop-vs-mf');
  });

  it('has unique ids', () => {
    expect(new Set(LABS.map((l) => l.id)).size).toBe(LABS.length);
  });

  it('throws OL104 for an unknown id, naming the labs there are', () => {
    expect(findLab('nope')).toBeUndefined();
    expect(() => getLab('nope')).toThrow(expect.objectContaining({ code: ErrorCode.UnknownLab }));
    expect(() => getLab('nope')).toThrow(/^OL104: unknown lab 'nope' \(labs: .*pop-vs-mf.*\)$/);
  });

  it('has defaults that pass its own schema', () => {
    for (const lab of LABS) expect(lab.schema.parse(lab.defaults)).toEqual(lab.defaults);
    expect(popVsMfSchema.safeParse(popVsMfLab.defaults).success).toBe(true);
  });

  it('charts only series the run emits', async () => {
    const r = await runPopVsMf(tiny({ epochs: 1 }));
    for (const chart of popVsMfLab.charts) {
      const events = chart.source === 'step' ? stepsOf(r) : epochsOf(r);
      for (const s of chart.series) expect(events.every((e) => typeof e.values[s.key] === 'number')).toBe(true);
    }
  });
});
