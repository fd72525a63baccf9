// The Mult-VAE first-layer benchmark runs both layers and a whole step, and frees what it made.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasm } from '../testing/tfSetup';
import { benchFirstLayer } from './firstLayerBench';

beforeAll(useWasm);

describe('benchFirstLayer', () => {
  it('times both first layers and a whole step on the same users (no timing is asserted)', async () => {
    const rows = [Int32Array.of(0, 2), Int32Array.of(1, 2, 5), Int32Array.of(), Int32Array.of(3)];
    const before = tf.memory().numTensors;
    const r = await benchFirstLayer(rows, 6, { hidden: 3, latent: 2 }, { warmup: 0, reps: 1 });
    expect(r.map((x) => x.mode)).toEqual(['sparse', 'dense']);
    expect(r.every((x) => x.layerMs >= 0 && x.stepMs >= 0)).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
  });
});
