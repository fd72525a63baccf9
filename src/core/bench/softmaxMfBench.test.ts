// The softmax-MF step benchmark runs the consumption lab's warm-start step and reports a time and a size (no timing asserted).
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasm } from '../testing/tfSetup';
import { benchSoftmaxMfStep } from './softmaxMfBench';

beforeAll(useWasm);

describe('benchSoftmaxMfStep', () => {
  it('times a warm-start step on tiny and counts one vector per user, one vector and one bias per item', async () => {
    const r = await benchSoftmaxMfStep({ warmup: 1, reps: 3 }, { dataset: 'tiny', embeddingDim: 4 }, { batchUsers: 16, learningRate: 0.02 });
    expect(r.medianMs).toBeGreaterThan(0);
    const m = r.label.match(/(\d+) users × (\d+) items/)!;
    const [users, items] = [Number(m[1]), Number(m[2])];
    expect(r.params).toBe(users * 4 + items * 4 + items);
    expect(r.label).toMatch(/d = 4, batch 16 users/);
    expect(r.backend).toBe('wasm');
  });
});
