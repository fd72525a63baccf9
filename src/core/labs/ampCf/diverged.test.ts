// A non-finite loss stops the run as 'diverged' and keeps the history before it. Adam with the lab's ranges does
// not blow up on its own (its steps are bounded by the rate and the loss is computed stably), so the trainer is
// wrapped to return NaN for AMP-CF from a chosen step on: this tests the run's handling, not a way to diverge.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { divergedMessage } from '../../experiment/trainingLoop';
import type { ProgressEvent } from '../../experiment/types';
import { useWasm } from '../../testing/tfSetup';
import { ampCfDefaults } from './config';
import { runAmpCf } from './run';

/** The AMP-CF trainer's step at which the loss turns NaN. */
const BAD_STEP = 8;

vi.mock('./training', async (importOriginal) => {
  const real = await importOriginal<typeof import('./training')>();
  return {
    ...real,
    createAmpCfTrainer: (...args: Parameters<typeof real.createAmpCfTrainer>) => {
      const trainer = real.createAmpCfTrainer(...args);
      let n = 0;
      return {
        step: (users: Int32Array, items: Int32Array, width: number) => {
          const loss = trainer.step(users, items, width);
          if (args[0].personas === 1 || ++n < BAD_STEP) return loss;
          loss.dispose();
          return tf.scalar(NaN);
        },
        dispose: () => trainer.dispose(),
      };
    },
  };
});

beforeAll(useWasm);

describe('amp-cf reports divergence', () => {
  it(`stops with "diverged at step ${BAD_STEP}", keeping every step and epoch before it and nothing after`, async () => {
    const before = tf.memory().numTensors;
    const r = await runAmpCf({ ...ampCfDefaults, dataset: 'tiny', epochs: 5 });
    expect(tf.memory().numTensors).toBe(before);
    expect(r.outcome).toEqual({ status: 'diverged', atStep: BAD_STEP, message: divergedMessage(BAD_STEP) });
    const steps = r.events.filter((e): e is Extract<ProgressEvent, { kind: 'step' }> => e.kind === 'step');
    expect(steps.map((e) => e.step)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(steps.every((e) => Number.isFinite(e.values['loss/amp']) && Number.isFinite(e.values['loss/mf']))).toBe(true);
    // Epochs 0–2 (steps 3 and 6) were scored; nothing after the divergence, and no end-of-run artifacts.
    expect(r.events.filter((e) => e.kind === 'epoch').map((e) => (e as { epoch: number }).epoch)).toEqual([0, 1, 2]);
    expect(r.events.some((e) => e.kind === 'artifact' && e.name !== 'explanation')).toBe(false);
    expect(r.summary['ndcg/amp']).toBeTypeOf('number');
  });
});
