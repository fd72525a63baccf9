// The P5 benchmark runs the lab's real steps and reports times and step counts (no timing asserted).
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasm } from '../testing/tfSetup';
import { benchP5 } from './p5Bench';

beforeAll(useWasm);

describe('benchP5', () => {
  it('times a step of every family and of the plain model on tiny, and sums them into an epoch of the default run', async () => {
    const r = await benchP5({ warmup: 1, reps: 1 }, { dataset: 'tiny', dim: 16, heads: 2, examplesSequential: 128, examplesYesNo: 64, examplesChoose: 32, batchSize: 32 });
    expect(r.steps.map((s) => s.family)).toEqual(['sequential', 'direct-yesno', 'direct-choose']);
    for (const s of r.steps) expect(s.ms).toBeGreaterThan(0);
    expect(r.stepsPerFamily).toEqual({ sequential: 4, 'direct-yesno': 2, 'direct-choose': 1 });
    const [seq, yn, choose] = r.steps.map((s) => s.ms);
    expect(r.epochSeconds).toBeCloseTo((2 * (4 * seq + 2 * yn + choose) + 4 * r.plainMs) / 1000, 10);
    // choose prompts list 100 candidates: the longest prompts of the three.
    expect(r.steps[2].promptTokens).toBeGreaterThan(100);
  });
});
