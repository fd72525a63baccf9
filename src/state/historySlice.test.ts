import { describe, expect, it } from 'vitest';
import { memoryStorage, StorageError, type RunStorage } from '../storage/runStorage';
import { selectCurrentRun } from './selectors';
import { recordingStore } from './testing/recordingStore';

const wait = (ms = 150) => new Promise((r) => setTimeout(r, ms));

/** Plays one finished run of pop-vs-mf with `epochs` evaluations and `steps` steps through the fake worker. */
async function finishRun(fake: ReturnType<typeof recordingStore>, steps = 4, ndcg = 0.3) {
  const { store, worker } = fake;
  store.getState().play();
  const runId = selectCurrentRun(store.getState())!.runId;
  worker().onMessage({ type: 'progress', runId, event: { kind: 'started', totalSteps: steps, stepsPerEpoch: 2, info: { users: 100 } } });
  for (let s = 1; s <= steps; s++) worker().onMessage({ type: 'progress', runId, event: { kind: 'step', step: s, epoch: Math.ceil(s / 2), totalSteps: steps, values: { 'loss/mf': 1 / s } } });
  worker().onMessage({ type: 'progress', runId, event: { kind: 'epoch', step: steps, epoch: 2, values: { 'ndcg/mf': ndcg } } });
  worker().onMessage({ type: 'backend', runId, report: { requested: 'auto', active: 'wasm', attempts: [] } });
  worker().onMessage({ type: 'done', runId, result: { outcome: { status: 'completed' } } as never });
  await wait(20);
  return runId;
}

/** Storage whose writes fail as `problem`; reads succeed (or fail too, when `problem` is unavailable at open). */
function failing(problem: 'full' | 'unavailable', readsFail = false): RunStorage {
  const inner = memoryStorage();
  const fail = async () => {
    throw problem === 'full' ? Object.assign(new Error('quota'), { name: 'QuotaExceededError' }) : new StorageError('unavailable', 'private mode');
  };
  return { ...inner, loadAll: readsFail ? fail : inner.loadAll, putRun: fail, putSweep: fail, deleteRuns: fail } as RunStorage;
}

describe('the run history', () => {
  it('keeps a finished run with its config, backend, seed, epochs, summary and outcome, and a reload finds it', async () => {
    const storage = memoryStorage();
    const fake = recordingStore(storage);
    fake.store.getState().setConfigValue('epochs', 2);
    const runId = await finishRun(fake);
    const kept = fake.store.getState().history.runs;
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({
      labId: 'pop-vs-mf',
      name: 'epochs=2',
      pinned: false,
      backend: 'wasm',
      seed: 42,
      outcome: { status: 'completed' },
      summary: { 'ndcg/mf': 0.3 },
      totalSteps: 4,
      info: { users: 100 },
      origin: 'browser',
    });
    expect(kept[0].steps.map((p) => p.step)).toEqual([1, 2, 3, 4]);
    expect(fake.store.getState().history.savedIdByRunId[runId]).toBe(kept[0].id);

    // A reload: a new store on the same storage.
    const again = recordingStore(storage);
    await wait(20);
    expect(again.store.getState().history.mode).toBe('kept');
    expect(again.store.getState().history.runs).toEqual(kept);
  });

  it('lists pinned runs first, then newest first; renames, pins and deletes (all, or the unpinned) are kept', async () => {
    const storage = memoryStorage();
    const fake = recordingStore(storage);
    await finishRun(fake, 4, 0.1);
    await wait(5);
    await finishRun(fake, 4, 0.2);
    await wait(5);
    await finishRun(fake, 4, 0.3);
    const h = () => fake.store.getState().history;
    const [newest, middle, oldest] = h().runs;
    expect([newest, middle, oldest].map((r) => r.summary['ndcg/mf'])).toEqual([0.3, 0.2, 0.1]);
    fake.store.getState().setPinned(oldest.id, true);
    fake.store.getState().renameRun(middle.id, '  L2 = 0.01\u0000 ');
    expect(h().runs.map((r) => r.id)).toEqual([oldest.id, newest.id, middle.id]);
    expect(h().runs[2].name).toBe('L2 = 0.01');
    fake.store.getState().toggleOverlay(newest.id);
    fake.store.getState().deleteUnpinned('pop-vs-mf');
    expect(h().runs.map((r) => r.id)).toEqual([oldest.id]);
    expect(h().overlay).toEqual([]); // a deleted run is no longer overlaid
    await wait(5);
    const reloaded = recordingStore(storage);
    await wait(20);
    expect(reloaded.store.getState().history.runs).toMatchObject([{ id: oldest.id, pinned: true }]);
    reloaded.store.getState().deleteRuns([oldest.id]);
    await wait(5);
    expect((await storage.loadAll()).runs).toEqual([]);
  });

  it('keeps a settled sweep and shows it again after a reload', async () => {
    const storage = memoryStorage();
    const fake = recordingStore(storage);
    fake.store.getState().setLab('weighting');
    fake.store.getState().startSweep();
    const runId = fake.store.getState().sweep.runId!;
    const send = fake.worker().onMessage;
    send({ type: 'sweepRun', runId, index: 0, config: { method: 'rc' }, outcome: { status: 'completed' }, summary: { precision: 0.2 }, epochs: [{ precision: 0.2 }] });
    send({ type: 'done', runId, sweep: { total: 20, ran: 1, cancelled: false } } as never);
    await wait(20);
    const reloaded = recordingStore(storage);
    reloaded.store.getState().setLab('weighting');
    await wait(20);
    const sweep = reloaded.store.getState().sweep;
    expect(sweep).toMatchObject({ labId: 'weighting', status: 'done', runId: null, settled: true });
    expect(sweep.runs).toMatchObject([{ index: 0, label: 'w=0.0', summary: { precision: 0.2 } }]);
  });

  it('goes on in memory with a message when storage is unavailable (private mode, blocked)', async () => {
    const fake = recordingStore(failing('unavailable', true));
    await wait(20);
    expect(fake.store.getState().history.mode).toBe('memory');
    expect(fake.store.getState().history.message).toMatch(/^OL502 Runs are kept only until you close or reload this page: .*private mode/);
    await finishRun(fake);
    expect(fake.store.getState().history.runs).toHaveLength(1); // still listed, overlaid, exported
  });

  it('says so when storage is full, keeps the run in memory, and clears the message once a write succeeds', async () => {
    const storage = failing('full');
    const fake = recordingStore(storage);
    await finishRun(fake);
    await wait(20);
    const h = fake.store.getState().history;
    expect(h.mode).toBe('kept');
    expect(h.message).toMatch(/storage is full/);
    expect(h.runs).toHaveLength(1);
    storage.putRun = async () => undefined; // room again (runs were deleted)
    fake.store.getState().setPinned(h.runs[0].id, true);
    await wait(20);
    expect(fake.store.getState().history.message).toBeNull();
  });

  it('a run the browser cannot store (DataCloneError) is named; the rest are still kept across reloads', async () => {
    const storage = memoryStorage();
    const putRun = storage.putRun;
    let refuse = true;
    storage.putRun = async (run) => {
      if (refuse) throw Object.assign(new Error('could not be cloned'), { name: 'DataCloneError' });
      return putRun(run);
    };
    const fake = recordingStore(storage);
    await finishRun(fake);
    await wait(20);
    const h = fake.store.getState().history;
    expect(h.mode).toBe('kept');
    expect(h.message).toMatch(/^OL502 The run “defaults” could not be kept across reloads \(could not be cloned\)/);
    refuse = false;
    await finishRun(fake);
    await wait(20);
    expect((await storage.loadAll()).runs).toHaveLength(1);
  });

  it('imports a run file, and refuses a bad one with a message, changing nothing', async () => {
    const fake = recordingStore();
    await finishRun(fake);
    const before = fake.store.getState().history.runs;
    expect(fake.store.getState().importRunFile('{"labId": 3', 'bad.json')).toBe(false);
    expect(fake.store.getState().history.importNote).toMatchObject({ ok: false, text: expect.stringMatching(/^OL501 bad\.json: not JSON .*Nothing was imported/) });
    expect(fake.store.getState().history.runs).toBe(before);
    const { toRunFile } = await import('../core/history/runFile');
    expect(fake.store.getState().importRunFile(JSON.stringify(toRunFile(before[0])), 'run.json')).toBe(true);
    expect(fake.store.getState().history.runs).toHaveLength(2);
    expect(fake.store.getState().history.importNote).toMatchObject({ ok: true, text: expect.stringMatching(/^Imported one run from run\.json/) });
  });
});
