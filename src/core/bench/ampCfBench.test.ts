// The AMP-CF step benchmark runs the lab's real step and reports a time and a size (no timing asserted).
import { beforeAll, describe, expect, it } from 'vitest';
import { useWasm } from '../testing/tfSetup';
import { benchAmpCfStep } from './ampCfBench';

beforeAll(useWasm);

describe('benchAmpCfStep', () => {
  it('times an AMP-CF step on tiny and counts P persona vectors per user, one vector and one bias per item', async () => {
    const r = await benchAmpCfStep({ warmup: 1, reps: 3 }, { dataset: 'tiny', batchSize: 64, personas: 2, dim: 4 });
    expect(r.medianMs).toBeGreaterThan(0);
    const m = r.label.match(/(\d+) users × (\d+) items/)!;
    const [users, items] = [Number(m[1]), Number(m[2])];
    expect(r.params).toBe(users * 2 * 4 + items * 4 + items);
    expect(r.label).toMatch(/P = 2, d = 4, batch 64 × \(1 \+ 8\) candidates/);
    expect(r.backend).toBe('wasm');
  });
});
