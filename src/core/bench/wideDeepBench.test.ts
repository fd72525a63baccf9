// The Wide & Deep step benchmark runs each model's real step and reports a time and a size for each (no timing asserted).
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasm } from '../testing/tfSetup';
import { benchWideDeepStep } from './wideDeepBench';

beforeAll(useWasm);

describe('benchWideDeepStep', () => {
  it('times wide, deep and joint on tiny, with the joint model the two parts’ sizes less one bias', async () => {
    const r = await benchWideDeepStep({ warmup: 1, reps: 3 }, { dataset: 'tiny', impressionsPerUser: 40 });
    expect(r.steps.map((s) => s.model)).toEqual(['wide', 'deep', 'joint']);
    for (const s of r.steps) expect(s.medianMs).toBeGreaterThan(0);
    const [wide, deep, joint] = r.steps;
    expect(joint.params).toBe(wide.params + deep.params - 1);
    expect(r.label).toMatch(/batch 256/);
  });
});
