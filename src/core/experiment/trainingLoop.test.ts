// The one training loop, on a toy lab whose losses are chosen by hand: events in order, bulk read-backs, stop,
// pause and +1 step, divergence, the summary and freeing every tensor however the run ends.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasm } from '../testing/tfSetup';
import { StepGate } from './stepGate';
import { divergedMessage, runTraining, type StepReport, type Training } from './trainingLoop';
import type { ProgressEvent, RunContext } from './types';

beforeAll(useWasm);

interface ToyOptions {
  epochs?: number;
  stepsPerEpoch?: number;
  readbackEvery?: number;
  /** The loss of step s (1-based); default s / 10. */
  loss?: (s: number) => number;
  /** A second model's loss, checked but not shown. */
  watched?: (s: number) => number;
  /** Steps that report no tensor but a value already read. */
  onCpu?: boolean;
  /** The step after which the step itself says it was interrupted. */
  interruptAt?: number;
  prepareThrows?: boolean;
}

/** A lab of `epochs` × `stepsPerEpoch` steps whose losses and scores are known in advance. */
function toy(o: ToyOptions, log: string[] = []): (io: unknown) => Training {
  const loss = o.loss ?? ((s: number) => s / 10);
  return () => ({
    epochs: o.epochs ?? 2,
    stepsPerEpoch: o.stepsPerEpoch ?? 3,
    info: { toy: 1 },
    readbackEvery: o.readbackEvery ?? 10,
    prepare: async () => {
      log.push('prepare');
      if (o.prepareThrows) throw new Error('no data');
    },
    beginEpoch: (e) => log.push(`begin ${e}`),
    step: ({ step, epoch, index }): StepReport | null => {
      log.push(`step ${step} (epoch ${epoch}, #${index})`);
      if (o.interruptAt === step) return null;
      const l = loss(step);
      return {
        losses: { loss: o.onCpu ? l : tf.scalar(l) },
        values: { twice: 2 * step },
        ...(o.watched ? { watched: [tf.scalar(o.watched(step))] } : {}),
      };
    },
    endEpoch: (e) => log.push(`end ${e}`),
    evaluate: async (epoch, steps) => ({ score: epoch, meanLoss: steps.length ? steps.reduce((a, e) => a + e.values.loss, 0) / steps.length : 0 }),
    dispose: () => log.push('dispose'),
  });
}

const kinds = (events: ProgressEvent[]) => events.map((e) => (e.kind === 'step' ? `s${e.step}` : e.kind === 'epoch' ? `e${e.epoch}` : e.kind));

describe('runTraining', () => {
  it('emits started, epoch 0, then each epoch’s steps and its score, and sums the epochs up', async () => {
    const log: string[] = [];
    const r = await runTraining('toy', { a: 1 }, {}, toy({}, log));
    expect(kinds(r.events)).toEqual(['started', 'e0', 's1', 's2', 's3', 'e1', 's4', 's5', 's6', 'e2']);
    expect(r.events[0]).toEqual({ kind: 'started', totalSteps: 6, stepsPerEpoch: 3, info: { toy: 1 } });
    const s5 = r.events.find((e) => e.kind === 'step' && e.step === 5);
    expect(s5).toEqual({ kind: 'step', step: 5, epoch: 2, totalSteps: 6, values: { loss: expect.closeTo(0.5, 6), twice: 10 } });
    // evaluate sees its own epoch's steps: epoch 2 = steps 4, 5, 6 → mean loss 0.5.
    expect(r.summary).toEqual({ score: 2, meanLoss: expect.closeTo(0.5, 6) });
    expect(r).toMatchObject({ labId: 'toy', config: { a: 1 }, outcome: { status: 'completed' }, backend: 'wasm' });
    expect(log).toEqual(['prepare', 'begin 1', 'step 1 (epoch 1, #0)', 'step 2 (epoch 1, #1)', 'step 3 (epoch 1, #2)', 'end 1', 'begin 2', 'step 4 (epoch 2, #0)', 'step 5 (epoch 2, #1)', 'step 6 (epoch 2, #2)', 'end 2', 'dispose']);
  });

  it('reads losses back in bulk: no step event until readbackEvery steps are pending or the epoch ends', async () => {
    const seen: number[] = [];
    const ctx: RunContext = { onProgress: (e) => e.kind === 'step' && seen.push(e.step) };
    let atStep3 = -1;
    await runTraining('toy', {}, ctx, () => {
      const t = toy({ epochs: 1, stepsPerEpoch: 5, readbackEvery: 2 })(null);
      const step = t.step;
      return { ...t, step: (at) => ((at.step === 3 ? (atStep3 = seen.length) : 0), step(at)) };
    });
    // Steps 1 and 2 were read back together before step 3 ran.
    expect(atStep3).toBe(2);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });

  it('stops when aborted, reporting every step taken and none after, and scores no further epoch', async () => {
    const ctrl = new AbortController();
    const r = await runTraining('toy', {}, { signal: ctrl.signal, onProgress: (e) => e.kind === 'epoch' && e.epoch === 1 && ctrl.abort() }, toy({}));
    expect(r.outcome).toEqual({ status: 'stopped', atStep: 3 });
    expect(kinds(r.events)).toEqual(['started', 'e0', 's1', 's2', 's3', 'e1']);
  });

  it('stops at the step before one that says it was interrupted inside', async () => {
    const r = await runTraining('toy', {}, {}, toy({ interruptAt: 5 }));
    expect(r.outcome).toEqual({ status: 'stopped', atStep: 4 });
    expect(kinds(r.events)).toEqual(['started', 'e0', 's1', 's2', 's3', 'e1', 's4']);
  });

  it('ends as diverged at the first non-finite loss, keeping every step before it and scoring no epoch after', async () => {
    const r = await runTraining('toy', {}, {}, toy({ loss: (s) => (s >= 5 ? NaN : s) }));
    expect(r.outcome).toEqual({ status: 'diverged', atStep: 5, message: divergedMessage(5) });
    expect(r.outcome.status === 'diverged' && r.outcome.message).toBe('diverged at step 5 — try a lower learning rate');
    expect(kinds(r.events)).toEqual(['started', 'e0', 's1', 's2', 's3', 'e1', 's4']);
  });

  it('checks watched losses too, and values already on the CPU', async () => {
    const watched = await runTraining('toy', {}, {}, toy({ watched: (s) => (s === 2 ? Infinity : 0) }));
    expect(watched.outcome).toMatchObject({ status: 'diverged', atStep: 2 });
    expect(kinds(watched.events)).toEqual(['started', 'e0', 's1']);
    const cpu = await runTraining('toy', {}, {}, toy({ onCpu: true, readbackEvery: 1, loss: (s) => (s === 4 ? NaN : s) }));
    expect(cpu.outcome).toMatchObject({ status: 'diverged', atStep: 4 });
  });

  it('runs nothing while paused, shows the pending steps when it holds, one step per step(), the rest on resume()', async () => {
    const gate = new StepGate('paused');
    const steps: number[] = [];
    const settle = async () => {
      for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
    };
    const done = runTraining('toy', {}, { control: gate, onProgress: (e) => e.kind === 'step' && steps.push(e.step) }, toy({ readbackEvery: 10 }));
    await settle();
    expect(steps).toEqual([]);
    gate.step();
    await settle();
    // Single-stepping reads each step back at once, so it shows.
    expect(steps).toEqual([1]);
    gate.step();
    await settle();
    expect(steps).toEqual([1, 2]);
    gate.resume();
    expect((await done).outcome).toEqual({ status: 'completed' });
    expect(steps).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('lets the lab replace the summary, add tables and emit artifacts at the end', async () => {
    const r = await runTraining<Record<string, never>, { note: string }>('toy', {}, {}, (io) => ({
      ...toy({ epochs: 1 })(io),
      finish: async ({ outcome, summary }) => {
        io.artifact('note', `ended ${outcome.status}`);
        return { summary: { ...summary, extra: 1 }, tables: [{ title: 't', columns: ['a'], rows: [['1']] }] };
      },
    }));
    expect(r.summary).toEqual({ score: 1, meanLoss: expect.any(Number), extra: 1 });
    expect(r.tables).toEqual([{ title: 't', columns: ['a'], rows: [['1']] }]);
    expect(r.events.at(-1)).toEqual({ kind: 'artifact', name: 'note', data: 'ended completed' });
  });

  it('frees every tensor however the run ends: completed, stopped with losses pending, diverged, or thrown', async () => {
    const before = tf.memory().numTensors;
    await runTraining('toy', {}, {}, toy({ watched: () => 1 }));
    const ctrl = new AbortController();
    await runTraining('toy', {}, { signal: ctrl.signal, onProgress: (e) => e.kind === 'epoch' && ctrl.abort() }, toy({ epochs: 3 }));
    await runTraining('toy', {}, {}, toy({ loss: (s) => (s === 2 ? NaN : 1), watched: () => 1 }));
    const log: string[] = [];
    await expect(runTraining('toy', {}, {}, toy({ prepareThrows: true }, log))).rejects.toThrow('no data');
    expect(log).toEqual(['prepare', 'dispose']);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('reports the backend a lab names instead of tfjs’s (a run that trains nothing)', async () => {
    const r = await runTraining('toy', {}, {}, () => ({ ...toy({ epochs: 0 })(null), backend: 'none' }));
    expect(r.backend).toBe('none');
    expect(kinds(r.events)).toEqual(['started', 'e0']);
  });
});
