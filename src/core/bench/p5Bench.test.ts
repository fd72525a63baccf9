// The P5 benchmark runs the lab's real steps and reports times and step counts (no timing asserted).
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasm } from '../testing/tfSetup';
import { benchP5 } from './p5Bench';

beforeAll(useWasm);

describe('benchP5', () => {
  it('times a step of every family and of the plain model on tiny, and sums them into an epoch of the default run', async () => {
    const r = await benchP5({ warmup: 1, reps: 1 }, { dataset: 'tiny', dim: 16, heads: 2, examplesPerFamily: 128, batchSize: 32 });
    expect(r.steps.map((s) => s.family)).toEqual(['sequential', 'direct-yesno', 'direct-choose']);
    for (const s of r.steps) expect(s.ms).toBeGreaterThan(0);
    expect(r.stepsPerFamily).toBe(4);
    expect(r.epochSeconds).toBeCloseTo((4 * (2 * r.steps.reduce((a, s) => a + s.ms, 0) + r.plainMs)) / 1000, 10);
    // choose prompts list 100 candidates: the longest prompts of the three.
    expect(r.steps[2].promptTokens).toBeGreaterThan(100);
  });
});
