// For the state tests: a store whose worker client only records what it was asked, so a test plays the worker
// itself through `worker()` (its messages) and checks `calls` (what the store asked for).
import type { ClientHandlers } from '../../worker/client';
import type { RunClient } from '../runSlice';
import type { RunStorage } from '../../storage/runStorage';
import { createLabStore } from '../store';

/** `storage` stands for the browser's: pass one to two stores to play a reload. */
export function recordingStore(storage?: RunStorage) {
  const calls: string[] = [];
  /** Each sweep's grid, in the order the sweeps were started. */
  const grids: Record<string, unknown>[][] = [];
  let handlers!: ClientHandlers;
  let n = 0;
  const client: RunClient = {
    start: (_lab, _cfg, _b, mode) => (calls.push(`start:${mode}`), `r${++n}`),
    pause: (id) => calls.push(`pause:${id}`),
    resume: (id) => calls.push(`resume:${id}`),
    step: (id) => calls.push(`step:${id}`),
    stop: (id) => calls.push(`stop:${id}`),
    update: (id, patch) => calls.push(`update:${id}:${JSON.stringify(patch)}`),
    sweep: (lab, _base, grid) => (calls.push(`sweep:${lab}:${grid.length}`), grids.push(grid), `s${++n}`),
    finding: (lab, id, quick) => (calls.push(`finding:${lab}:${id}:${quick}`), `f${++n}`),
  };
  const store = createLabStore((h) => ((handlers = h), client), undefined, undefined, storage);
  return { store, calls, grids, worker: () => handlers };
}
