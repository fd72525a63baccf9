// The KGAT benchmark runs the lab's real steps and reports times and step counts (no timing asserted).
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasm } from '../testing/tfSetup';
import { benchKgat } from './kgatBench';

beforeAll(useWasm);

describe('benchKgat', () => {
  it('times a CF step, a BPR-MF step, a TransR step and the attention update on tiny, and sums them into an epoch', async () => {
    const r = await benchKgat({ warmup: 1, reps: 2 }, { dataset: 'tiny', batchSize: 256, kgBatchSize: 512 });
    for (const ms of [r.cfMs, r.bprMfMs, r.kgMs, r.attentionMs]) expect(ms).toBeGreaterThan(0);
    expect(r.cfSteps).toBeGreaterThan(1);
    expect(r.epochSeconds).toBeCloseTo((r.cfSteps * r.cfMs + r.kgSteps * r.kgMs + r.attentionMs) / 1000, 10);
    expect(r.label).toMatch(/tiny: \d+ nodes/);
  });
});
