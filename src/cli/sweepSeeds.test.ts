// Why a shard's run gives the full sweep's numbers: a run's result depends on its config, never on its place in
// the sweep or on the runs before it (the weighting lab's runs share a cached warm start, the case most at risk).
import { beforeAll, describe, expect, it } from 'vitest';
import { runSweep } from '../core/experiment/sweep';
import { getLab } from '../core/labs/registry';
import { useWasm } from '../core/testing/tfSetup';

beforeAll(useWasm);

describe('a run of a sweep, wherever it stands', () => {
  it('gives the same numbers alone as after other runs that filled the warm-start cache', async () => {
    const lab = getLab('weighting');
    const base = { ...lab.defaults, dataset: 'tiny', epochs: 1, warmStartEpochs: 2 };
    const dvao = { method: 'dvao', wRelevance: 0.6, wDiversity: 0.3, wNovelty: 0.1 };
    const full = await runSweep(lab, base, [{ method: 'rc', wRelevance: 1, wDiversity: 0, wNovelty: 0 }, dvao]);
    const alone = await runSweep(lab, base, [dvao]);
    expect(full.runs[1].result?.outcome.status).toBe('completed');
    expect(alone.runs[0].result?.summary).toEqual(full.runs[1].result?.summary);
  });
});
