// A sweep runs every grid point of a real lab in order, keeps diverged and failed runs, and cancels cleanly.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { popVsMfLab } from '../labs/popVsMf';
import { useWasm } from '../testing/tfSetup';
import { gridFromVary, runSweep } from './sweep';
import type { ProgressEvent } from './types';

beforeAll(useWasm);

const tiny = { dataset: 'tiny', epochs: 1 };

describe('gridFromVary', () => {
  it('is the cartesian product, first key slowest, values parsed by the schema', () => {
    expect(gridFromVary(popVsMfLab, [['epochs', ['1', '2']], ['optimizer', ['adam', 'sgd']]])).toEqual([
      { epochs: 1, optimizer: 'adam' },
      { epochs: 1, optimizer: 'sgd' },
      { epochs: 2, optimizer: 'adam' },
      { epochs: 2, optimizer: 'sgd' },
    ]);
    expect(gridFromVary(popVsMfLab, [])).toEqual([{}]);
  });

  it('names the key and the value of a bad entry, an unknown key and a repeated key', () => {
    expect(() => gridFromVary(popVsMfLab, [['epochs', ['1', 'two']]])).toThrow(/vary epochs, value 'two'/);
    expect(() => gridFromVary(popVsMfLab, [['epochs', ['0']]])).toThrow(/vary epochs, value '0'.*'epochs' = 0 is not valid/);
    expect(() => gridFromVary(popVsMfLab, [['colour', ['red']]])).toThrow(/'colour' is not a setting/);
    expect(() => gridFromVary(popVsMfLab, [['epochs', ['1']], ['epochs', ['2']]])).toThrow(/epochs: the key is given twice/);
    expect(() => gridFromVary(popVsMfLab, [['epochs', []]])).toThrow(/no values/);
  });
});

describe('runSweep on pop-vs-mf (tiny, 1 epoch)', () => {
  it('runs every grid point in order with its own config, reporting start, progress and end of each', async () => {
    const log: string[] = [];
    const progress = new Map<number, ProgressEvent[]>();
    const before = tf.memory().numTensors;
    const r = await runSweep(popVsMfLab, tiny, [{ seed: 1 }, { seed: 2 }], {
      onRunStart: (i, c) => log.push(`start ${i} seed=${c.seed}`),
      onProgress: (i, e) => progress.set(i, [...(progress.get(i) ?? []), e]),
      onRunDone: (i, run) => log.push(`done ${i} ${run.result?.outcome.status}`),
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(r.cancelled).toBe(false);
    expect(log).toEqual(['start 0 seed=1', 'done 0 completed', 'start 1 seed=2', 'done 1 completed']);
    expect(r.runs.map((x) => x.config)).toMatchObject([{ ...tiny, seed: 1, optimizer: 'adam' }, { ...tiny, seed: 2 }]);
    expect(r.runs[0].result?.summary['ndcg/mf']).toBeGreaterThan(0);
    // Each run's own events went to its own index.
    expect(progress.get(0)).toEqual(r.runs[0].result?.events);
    expect(progress.get(1)).toEqual(r.runs[1].result?.events);
    expect(r.runs[0].result?.events).not.toEqual(r.runs[1].result?.events);
  });

  it('keeps a diverged run with its outcome and goes on to the next', async () => {
    const blowUp = { optimizer: 'sgd', learningRate: 100, embeddingDim: 256, batchSize: 16, epochs: 3 };
    const r = await runSweep(popVsMfLab, tiny, [blowUp, {}]);
    expect(r.runs.map((x) => x.result?.outcome.status)).toEqual(['diverged', 'completed']);
  });

  it('records a run that throws and goes on', async () => {
    // 'imported' without an imported dataset throws inside the run.
    const r = await runSweep(popVsMfLab, tiny, [{ dataset: 'imported' }, {}]);
    expect(r.runs[0].error).toMatch(/dataset 'imported' is not loaded/);
    expect(r.runs[0].result).toBeUndefined();
    expect(r.runs[1].result?.outcome.status).toBe('completed');
  });

  it('rejects an invalid config before running anything, naming the run and key', async () => {
    let started = 0;
    await expect(runSweep(popVsMfLab, tiny, [{}, { epochs: -1 }], { onRunStart: () => started++ })).rejects.toThrow(
      /sweep run 2 \(epochs=-1\).*'epochs' = -1/,
    );
    expect(started).toBe(0);
  });

  it('on abort, stops the current run at its next step, keeps finished runs and starts no more', async () => {
    const stop = new AbortController();
    const r = await runSweep(popVsMfLab, tiny, [{}, { epochs: 5 }, {}], {
      signal: stop.signal,
      onProgress: (i, e) => {
        if (i === 1 && e.kind === 'step' && e.step === 2) stop.abort();
      },
    });
    expect(r.cancelled).toBe(true);
    expect(r.runs).toHaveLength(2);
    expect(r.runs[0].result?.outcome.status).toBe('completed');
    expect(r.runs[1].result?.outcome.status).toBe('stopped');
  });
});
