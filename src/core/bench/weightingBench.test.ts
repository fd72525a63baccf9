import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../tf/backends';
import { benchPolicyStep } from './weightingBench';

describe('benchPolicyStep', () => {
  beforeAll(async () => {
    await selectBackend('wasm');
  });

  it('times a few real policy steps and finds the tensor count flat (no time asserted)', async () => {
    const r = await benchPolicyStep({ warmup: 1, steps: 3, config: { warmStartEpochs: 1 } });
    expect(r.backend).toBe('wasm');
    expect(r.countedSteps).toBe(3);
    expect(r.timedSteps).toBeGreaterThan(0);
    expect(Number.isFinite(r.medianMs) && r.medianMs > 0).toBe(true);
    expect(r.p90Ms).toBeGreaterThanOrEqual(r.medianMs);
    expect(r.stoppedByTime).toBe(false);
    expect(r.tensorsAfter).toBe(r.tensorsBefore);
    expect(r.tensorsOutside.after).toBe(r.tensorsOutside.before);
  });
});
