// The core says it is alive from inside long work: every lab's setup and every evaluation call the thread's
// heartbeat (the training worker turns the calls into throttled messages). Structural: counts, never the clock.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from './experiment/config';
import { evalContext, evaluateLists } from './experiment/evaluate';
import { topKFromScores } from './experiment/topK';
import type { Lab, ProgressEvent } from './experiment/types';
import { builtinDataset } from './data/synthetic';
import { heartbeat, setHeartbeat } from './heartbeat';
import { LABS } from './labs/registry';
import { useWasm } from './testing/tfSetup';

beforeAll(useWasm);
afterEach(() => setHeartbeat(null));

/** Installs a counting heartbeat; `count()` is the number of calls so far. */
function counting() {
  let n = 0;
  setHeartbeat(() => n++);
  return () => n;
}

describe('heartbeat', () => {
  it('is a no-op until a thread installs one, and can be removed', () => {
    expect(() => heartbeat()).not.toThrow();
    const count = counting();
    heartbeat();
    setHeartbeat(null);
    heartbeat();
    expect(count()).toBe(1);
  });

  it('is called per user by the evaluation helpers (top-k selection, the metric pass)', () => {
    const data = builtinDataset('tiny');
    const x = data.interactions;
    const users = Int32Array.from({ length: x.numUsers }, (_, u) => u);
    const count = counting();
    const lists = topKFromScores(new Float32Array(x.numUsers * x.numItems), users, x.numItems, x, 10);
    expect(count()).toBeGreaterThanOrEqual(x.numUsers);
    const before = count();
    evaluateLists(users, lists, x, evalContext(x, data, 10));
    expect(count() - before).toBeGreaterThanOrEqual(x.numUsers);
  });

  // The training loop itself beats twice around the setup, twice around each evaluation and once before each
  // step; more than that means the lab's own work beats from inside (where a big dataset makes it long).
  // The consumption lab's setup is an analytic explorer (no data) and its evaluation a lookup: its data work,
  // one seed's warm start, lists and scores, is its one step per epoch.
  const workInStep = new Set(['consumption']);
  describe.each(LABS.map((lab) => [lab.id, lab] as const))('the lab %s', (id, lab: Lab) => {
    it('beats inside its setup and its evaluation (or its step) after an epoch', async () => {
      const count = counting();
      const at: { event: ProgressEvent; count: number }[] = [];
      const config = resolveConfig(lab, lab.quick) as Lab['defaults'];
      await lab.run(config, { onProgress: (event) => at.push({ event, count: count() }) });
      const index = (kind: ProgressEvent['kind'], epoch?: number) => at.findIndex((a) => a.event.kind === kind && (epoch === undefined || ('epoch' in a.event && a.event.epoch === epoch)));
      const epoch0 = index('epoch', 0);
      const epoch1 = index('epoch', 1);
      const firstStep = index('step');
      expect(0 < epoch0 && epoch0 < firstStep && firstStep < epoch1).toBe(true);
      let lastStep = epoch1;
      while (at[lastStep].event.kind !== 'step') lastStep--;
      if (workInStep.has(id)) {
        expect(at[firstStep].count - at[epoch0].count).toBeGreaterThan(1);
      } else {
        expect(at[index('started')].count).toBeGreaterThan(2);
        expect(at[epoch1].count - at[lastStep].count).toBeGreaterThan(2);
      }
    });
  });
});
