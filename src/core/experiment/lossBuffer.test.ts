// The loss buffer reads many step losses back in one go, in order, and frees every tensor it held.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasm } from '../testing/tfSetup';
import { divergedMessage, firstNonFinite, LossBuffer } from './lossBuffer';

beforeAll(useWasm);

describe('LossBuffer', () => {
  it('returns the pushed losses oldest first, each with its step', async () => {
    const buf = new LossBuffer();
    buf.push(1, tf.scalar(0.75));
    buf.push(2, tf.scalar(0.5));
    buf.push(5, tf.scalar(-1.25));
    expect(buf.size).toBe(3);
    expect(await buf.flush()).toEqual([
      { step: 1, loss: 0.75 },
      { step: 2, loss: 0.5 },
      { step: 5, loss: -1.25 },
    ]);
  });

  it('is empty after a flush, and a second flush returns nothing', async () => {
    const buf = new LossBuffer();
    buf.push(1, tf.scalar(1));
    await buf.flush();
    expect(buf.size).toBe(0);
    expect(await buf.flush()).toEqual([]);
  });

  it('frees every loss tensor it read back (tensor count back to where it was)', async () => {
    const before = tf.memory().numTensors;
    const buf = new LossBuffer();
    for (let s = 1; s <= 10; s++) buf.push(s, tf.scalar(s / 10));
    expect(tf.memory().numTensors).toBe(before + 10);
    await buf.flush();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('frees pending losses on dispose without reading them', () => {
    const before = tf.memory().numTensors;
    const buf = new LossBuffer();
    buf.push(1, tf.scalar(1));
    buf.push(2, tf.scalar(2));
    buf.dispose();
    expect(buf.size).toBe(0);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('reads NaN and ±∞ back as they are', async () => {
    const buf = new LossBuffer();
    buf.push(1, tf.scalar(NaN));
    buf.push(2, tf.scalar(Infinity));
    buf.push(3, tf.scalar(-Infinity));
    expect((await buf.flush()).map((r) => r.loss)).toEqual([NaN, Infinity, -Infinity]);
  });
});

describe('firstNonFinite', () => {
  it('finds the first NaN or infinite loss', () => {
    const rows = [
      { step: 1, loss: 0.7 },
      { step: 2, loss: 1e30 },
      { step: 3, loss: Infinity },
      { step: 4, loss: NaN },
    ];
    expect(firstNonFinite(rows)).toBe(rows[2]);
    expect(firstNonFinite([{ step: 9, loss: NaN }, { step: 10, loss: Infinity }])?.step).toBe(9);
    expect(firstNonFinite([{ step: 3, loss: -Infinity }])?.step).toBe(3);
  });

  it('is undefined when every loss is finite, or there are none', () => {
    expect(firstNonFinite([{ step: 1, loss: 0 }, { step: 2, loss: -3.4e38 }])).toBeUndefined();
    expect(firstNonFinite([])).toBeUndefined();
  });
});

describe('divergedMessage', () => {
  it('names the step and says what to try', () => {
    expect(divergedMessage(157)).toBe('diverged at step 157 — try a lower learning rate');
  });
});
