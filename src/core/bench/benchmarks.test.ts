import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasm } from '../testing/tfSetup';
import { BENCHMARKS, planFor, runBenchmark, type BenchSpec } from './benchmarks';

/** Tensors left behind by one benchmark run. */
async function leftAfter(spec: BenchSpec, reps: number): Promise<number> {
  const before = tf.memory().numTensors;
  await runBenchmark(spec, { warmup: 1, reps });
  return tf.memory().numTensors - before;
}

describe('the training-step benchmarks on wasm', () => {
  beforeAll(useWasm);

  for (const spec of BENCHMARKS) {
    it(`${spec.id} runs 2 timed reps on wasm and returns finite times`, async () => {
      const r = await runBenchmark(spec, { warmup: 1, reps: 2 });
      expect(r.backend).toBe('wasm');
      expect(r.samplesMs).toHaveLength(2);
      for (const v of [...r.samplesMs, r.medianMs, r.minMs, r.maxMs]) expect(Number.isFinite(v)).toBe(true);
    });

    it(`${spec.id} frees every tensor it allocates, however many steps it takes`, async () => {
      expect(await leftAfter(spec, 1)).toBe(0);
      expect(await leftAfter(spec, 3)).toBe(0);
    });
  }

  it('takes fewer reps only for the autoencoder on the slow backends', () => {
    expect(planFor('dense-ae', 'cpu').reps).toBeLessThan(planFor('dense-ae', 'wasm').reps);
    expect(planFor('mf-bpr', 'cpu')).toEqual(planFor('mf-bpr', 'wasm'));
  });
});
