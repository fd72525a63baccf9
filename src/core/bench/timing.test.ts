import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { median, timeSteps } from './timing';

describe('median', () => {
  it('is the middle value of an odd count and the mean of the two middle values of an even count', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('refuses an empty list', () => {
    expect(() => median([])).toThrow(/empty/);
  });
});

describe('timeSteps', () => {
  it('times only the steps after the warm-up, reading each result back and freeing it', async () => {
    await tf.setBackend('cpu');
    let clock = 0;
    let calls = 0;
    const before = tf.memory().numTensors;
    const samples = await timeSteps(
      () => {
        calls++;
        clock += calls; // step k takes k ms on the fake clock
        return tf.scalar(calls);
      },
      { warmup: 2, reps: 3 },
      { now: () => clock },
    );
    expect(calls).toBe(5);
    expect(samples).toEqual([3, 4, 5]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
