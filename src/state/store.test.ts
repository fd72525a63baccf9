import { describe, expect, it } from 'vitest';
import { MAX_STEPS_KEPT } from './resultsSlice';
import { selectCurrentRun, selectIsActive, selectProgress, selectRunMessage, selectStatus } from './selectors';
import { recordingStore } from './testing/recordingStore';

const fakeStore = recordingStore;

const wait = (ms = 150) => new Promise((r) => setTimeout(r, ms));

describe('the lab store', () => {
  it('starts, pauses, resumes and finishes a run, appending its events in batches', async () => {
    const { store, calls, worker } = fakeStore();
    store.getState().play();
    expect(selectStatus(store.getState())).toBe('running');
    const runId = selectCurrentRun(store.getState())!.runId;
    worker().onMessage({ type: 'progress', runId, event: { kind: 'started', totalSteps: 4, stepsPerEpoch: 2, info: {} } });
    for (let s = 1; s <= 2; s++) worker().onMessage({ type: 'progress', runId, event: { kind: 'step', step: s, epoch: 1, totalSteps: 4, values: { loss: 1 / s } } });
    expect(store.getState().runs[runId].steps).toHaveLength(0); // not yet flushed: one re-render per batch
    await wait();
    expect(store.getState().runs[runId].steps).toHaveLength(2);
    expect(selectProgress(store.getState(), Date.now())).toMatchObject({ done: 2, total: 4 });

    store.getState().pause();
    store.getState().play();
    expect(calls).toEqual(['start:running', `pause:${runId}`, `resume:${runId}`]);

    worker().onMessage({ type: 'progress', runId, event: { kind: 'epoch', step: 2, epoch: 1, values: { ndcg: 0.3 } } });
    worker().onMessage({ type: 'done', runId, result: { outcome: { status: 'completed' } } as never });
    expect(selectStatus(store.getState())).toBe('finished');
    expect(store.getState().runs[runId].epochs).toHaveLength(1); // flushed before the run is closed
  });

  it('keeps the latest artifact of each name for the lab panels', async () => {
    const { store, worker } = fakeStore();
    store.getState().play();
    const runId = selectCurrentRun(store.getState())!.runId;
    worker().onMessage({ type: 'progress', runId, event: { kind: 'artifact', name: 'cards', data: { v: 1 } } });
    worker().onMessage({ type: 'progress', runId, event: { kind: 'artifact', name: 'buckets', data: [1, 2] } });
    worker().onMessage({ type: 'progress', runId, event: { kind: 'artifact', name: 'cards', data: { v: 2 } } });
    await wait();
    expect(store.getState().runs[runId].artifacts).toEqual({ cards: { v: 2 }, buckets: [1, 2] });
    expect(store.getState().runs[runId].steps).toHaveLength(0);
  });

  it('keeps the curves and shows the message when a run diverges', async () => {
    const { store, worker } = fakeStore();
    store.getState().play();
    const runId = selectCurrentRun(store.getState())!.runId;
    worker().onMessage({ type: 'progress', runId, event: { kind: 'step', step: 1, epoch: 1, totalSteps: 9, values: { loss: 0.7 } } });
    worker().onMessage({
      type: 'done',
      runId,
      result: { outcome: { status: 'diverged', atStep: 2, message: 'diverged at step 2 — try a lower learning rate' } } as never,
    });
    const s = store.getState();
    expect(selectStatus(s)).toBe('diverged');
    expect(selectRunMessage(s)).toBe('diverged at step 2 — try a lower learning rate');
    expect(s.runs[runId].steps).toHaveLength(1);
  });

  it('reports a crashed worker and stays usable: the next play starts a new run', () => {
    const { store, worker, calls } = fakeStore();
    store.getState().play();
    const runId = selectCurrentRun(store.getState())!.runId;
    worker().onMessage({ type: 'error', runId, code: 'OL401', message: 'OL401: the training worker crashed' });
    expect(selectStatus(store.getState())).toBe('failed');
    expect(selectRunMessage(store.getState())).toMatch(/crashed/);
    store.getState().play();
    expect(selectStatus(store.getState())).toBe('running');
    expect(selectCurrentRun(store.getState())?.runId).not.toBe(runId);
    expect(calls.filter((c) => c.startsWith('start'))).toHaveLength(2);
  });

  it('starts a paused run on Step from idle and steps it', () => {
    const { store, calls } = fakeStore();
    store.getState().step();
    expect(selectStatus(store.getState())).toBe('paused');
    store.getState().step();
    expect(calls).toEqual(['start:paused', 'step:r1', 'step:r1']);
  });

  it('refuses a bad setting with a notice naming it, and keeps the old value', () => {
    const { store } = fakeStore();
    store.getState().setConfigValue('epochs', 0);
    expect(store.getState().configs['pop-vs-mf'].epochs).toBe(20);
    expect(store.getState().notices[0]).toMatch(/'epochs'/);
    store.getState().setConfigValue('epochs', 5);
    expect(store.getState().configs['pop-vs-mf'].epochs).toBe(5);
  });

  it('tells the person when training falls back to the main thread', () => {
    const { store, worker } = fakeStore();
    worker().onMode('main-thread', 'this browser has no Web Workers');
    expect(store.getState().executionMode).toBe('main-thread');
    expect(store.getState().notices.join()).toMatch(/main thread: this browser has no Web Workers/);
  });

  it('reset stops the run and clears the current run; the run\'s last losses and real ending still land in its record', () => {
    const { store, calls, worker } = fakeStore();
    store.getState().play();
    const runId = selectCurrentRun(store.getState())!.runId;
    store.getState().reset();
    expect(calls).toContain(`stop:${runId}`);
    expect(selectStatus(store.getState())).toBe('idle');
    expect(selectCurrentRun(store.getState())).toBeUndefined();
    worker().onMessage({ type: 'progress', runId, event: { kind: 'step', step: 7, epoch: 1, totalSteps: 9, values: { loss: 0.5 } } });
    worker().onMessage({ type: 'done', runId, result: { outcome: { status: 'stopped', atStep: 7 } } as never });
    expect(store.getState().runs[runId].outcome).toEqual({ status: 'stopped', atStep: 7 });
    expect(store.getState().runs[runId].steps.map((e) => e.step)).toEqual([7]);
    expect(selectStatus(store.getState())).toBe('idle');
  });

  it('stop keeps the run on screen and takes its real ending from the worker', () => {
    const { store, worker } = fakeStore();
    store.getState().play();
    const runId = selectCurrentRun(store.getState())!.runId;
    store.getState().stop();
    expect(selectStatus(store.getState())).toBe('stopped');
    worker().onMessage({ type: 'done', runId, result: { outcome: { status: 'stopped', atStep: 3 } } as never });
    expect(selectStatus(store.getState())).toBe('stopped');
    expect(selectCurrentRun(store.getState())?.runId).toBe(runId);
    expect(store.getState().runs[runId].outcome).toEqual({ status: 'stopped', atStep: 3 });
  });

  it('Train right after Reset keeps the replaced run\'s record until its ending lands, then drops it with the next run', () => {
    const { store, worker } = fakeStore();
    store.getState().play();
    const first = selectCurrentRun(store.getState())!.runId;
    store.getState().reset();
    store.getState().play();
    const second = selectCurrentRun(store.getState())!.runId;
    expect(Object.keys(store.getState().runs)).toEqual([first, second]);
    worker().onMessage({ type: 'done', runId: first, result: { outcome: { status: 'stopped', atStep: 2 } } as never });
    expect(store.getState().runs[first].outcome).toEqual({ status: 'stopped', atStep: 2 });
    expect(selectStatus(store.getState())).toBe('running'); // the replaced run's ending leaves the new run alone
    worker().onMessage({ type: 'done', runId: second, result: { outcome: { status: 'completed' } } as never });
    store.getState().play();
    expect(Object.keys(store.getState().runs)).toEqual([selectCurrentRun(store.getState())!.runId]);
  });

  it('a run whose worker died ends failed, with its message and curves kept, and the lab unlocked', async () => {
    const { store, worker } = fakeStore();
    store.getState().play();
    const runId = selectCurrentRun(store.getState())!.runId;
    worker().onMessage({ type: 'progress', runId, event: { kind: 'step', step: 1, epoch: 1, totalSteps: 9, values: { loss: 0.7 } } });
    const message = 'OL404: the training worker stopped responding (nothing from it for 30 s); the run was stopped at step 1. Press ▶ Train to start again.';
    worker().onMessage({ type: 'error', runId, code: 'OL404', message });
    const s = store.getState();
    expect(selectStatus(s)).toBe('failed');
    expect(selectIsActive(s)).toBe(false);
    expect(selectRunMessage(s)).toBe(message);
    expect(s.runs[runId].outcome).toEqual({ status: 'failed', message });
    expect(s.runs[runId].steps.map((e) => e.step)).toEqual([1]);
    expect(selectProgress(s, Date.now() + 60_000).clockMs).toBeNull(); // no clock (and no time-left estimate) growing on
  });

  it('remembers the backend of the latest run for the badge', () => {
    const { store, worker } = fakeStore();
    store.getState().play();
    const report = { requested: 'auto', active: 'wasm', attempts: [] } as const;
    worker().onMessage({ type: 'backend', runId: selectCurrentRun(store.getState())!.runId, report: { ...report, attempts: [] } });
    store.getState().reset();
    expect(store.getState().backendReport).toMatchObject({ active: 'wasm' });
  });
});

describe('state per lab', () => {
  /** Plays a whole run of the current lab in the fake worker: 4 steps, 2 epochs, then `outcome`. */
  async function runToEnd(f: ReturnType<typeof fakeStore>, outcome: object = { status: 'completed' }) {
    f.store.getState().play();
    const runId = selectCurrentRun(f.store.getState())!.runId;
    const w = f.worker();
    w.onMessage({ type: 'progress', runId, event: { kind: 'started', totalSteps: 4, stepsPerEpoch: 2, info: {} } });
    for (let s = 1; s <= 4; s++) {
      w.onMessage({ type: 'progress', runId, event: { kind: 'step', step: s, epoch: Math.ceil(s / 2), totalSteps: 4, values: { loss: 1 / s } } });
      if (s % 2 === 0) w.onMessage({ type: 'progress', runId, event: { kind: 'epoch', step: s, epoch: s / 2, values: { ndcg: s / 10 } } });
    }
    w.onMessage({ type: 'done', runId, result: { outcome } as never });
    await wait();
    return runId;
  }
  const view = (f: ReturnType<typeof fakeStore>) => {
    const s = f.store.getState();
    return { status: selectStatus(s), runId: selectCurrentRun(s)?.runId ?? null, done: selectProgress(s, Date.now()).done, message: selectRunMessage(s) };
  };

  it('shows the other lab empty after a run, and the run again on coming back', async () => {
    const f = fakeStore();
    const runId = await runToEnd(f);
    f.store.getState().setLab('weighting');
    expect(view(f)).toEqual({ status: 'idle', runId: null, done: 0, message: null });
    expect(selectIsActive(f.store.getState())).toBe(false);
    f.store.getState().setLab('pop-vs-mf');
    expect(view(f)).toEqual({ status: 'finished', runId, done: 4, message: null });
    expect(selectCurrentRun(f.store.getState())!.epochs).toHaveLength(2);
  });

  it('keeps each lab\'s status and message: a finished run in one, a diverged run in the other', async () => {
    const f = fakeStore();
    const a = await runToEnd(f);
    f.store.getState().setLab('weighting');
    const b = await runToEnd(f, { status: 'diverged', atStep: 4, message: 'diverged at step 4' });
    expect(view(f)).toEqual({ status: 'diverged', runId: b, done: 4, message: 'diverged at step 4' });
    f.store.getState().setLab('pop-vs-mf');
    expect(view(f)).toEqual({ status: 'finished', runId: a, done: 4, message: null });
    f.store.getState().setLab('weighting');
    expect(view(f).status).toBe('diverged');
  });

  it('reads a failed run and a run stopped then replaced before its ending came from their records', async () => {
    const f = fakeStore();
    f.store.getState().play();
    const crashed = selectCurrentRun(f.store.getState())!.runId;
    f.worker().onMessage({ type: 'error', runId: crashed, code: 'OL401', message: 'OL401: the training worker crashed' });
    f.store.getState().setLab('weighting');
    f.store.getState().play();
    f.store.getState().stop();
    f.store.getState().setLab('consumption');
    await runToEnd(f); // the worker dropped the stopped run's ending: it never arrives
    f.store.getState().setLab('weighting');
    expect(view(f)).toMatchObject({ status: 'stopped', message: null });
    f.store.getState().setLab('pop-vs-mf');
    expect(view(f)).toMatchObject({ status: 'failed', message: 'OL401: the training worker crashed' });
  });

  it('Reset clears only the current lab\'s run; Train in another lab leaves the first lab\'s run alone', async () => {
    const f = fakeStore();
    const a = await runToEnd(f);
    f.store.getState().setLab('weighting');
    f.store.getState().reset();
    expect(f.calls.filter((c) => c.startsWith('stop'))).toEqual([]);
    f.store.getState().play();
    expect(view(f).status).toBe('running');
    f.store.getState().pause();
    expect(view(f).status).toBe('paused');
    f.store.getState().reset();
    expect(view(f)).toMatchObject({ status: 'idle', runId: null });
    f.store.getState().setLab('pop-vs-mf');
    expect(view(f)).toMatchObject({ status: 'finished', runId: a });
  });

  it('keeps only the last run of each lab: a lab\'s older record goes when its next run starts', async () => {
    const f = fakeStore();
    const first = await runToEnd(f);
    f.store.getState().setLab('weighting');
    const other = await runToEnd(f);
    f.store.getState().setLab('pop-vs-mf');
    f.store.getState().reset();
    expect(Object.keys(f.store.getState().runs).sort()).toEqual([first, other].sort()); // kept until the next run
    const second = await runToEnd(f);
    expect(Object.keys(f.store.getState().runs).sort()).toEqual([other, second].sort());
    expect(f.store.getState().runIdByLab).toEqual({ 'pop-vs-mf': second, weighting: other });
  });

  it('bounds a run\'s stored steps, keeping the latest exact, and never thins epochs', async () => {
    const f = fakeStore();
    f.store.getState().play();
    const runId = selectCurrentRun(f.store.getState())!.runId;
    const total = 2.5 * MAX_STEPS_KEPT;
    for (let s = 1; s <= total; s++) {
      f.worker().onMessage({ type: 'progress', runId, event: { kind: 'step', step: s, epoch: 1, totalSteps: total, values: { loss: s } } });
      if (s % 1000 === 0) f.worker().onMessage({ type: 'progress', runId, event: { kind: 'epoch', step: s, epoch: s / 1000, values: { ndcg: s } } });
      if (s % 7000 === 0) await wait(); // several batches, as the flush timer makes them
    }
    await wait();
    const run = selectCurrentRun(f.store.getState())!;
    expect(run.steps.length).toBeLessThanOrEqual(MAX_STEPS_KEPT);
    expect(run.steps.length).toBeGreaterThan(MAX_STEPS_KEPT / 4);
    expect(run.steps.at(-1)).toMatchObject({ step: total, values: { loss: total } });
    expect(run.epochs).toHaveLength(total / 1000);
    expect(selectProgress(f.store.getState(), Date.now()).done).toBe(total);
  });

  it('shows the other lab\'s own state during a sweep, and the sweep on coming back', async () => {
    const f = fakeStore();
    f.store.getState().setLab('weighting');
    await runToEnd(f);
    f.store.getState().startSweep();
    const sweepId = f.store.getState().sweep.runId!;
    f.store.getState().setLab('pop-vs-mf');
    expect(view(f)).toEqual({ status: 'idle', runId: null, done: 0, message: null });
    f.worker().onMessage({ type: 'sweepRun', runId: sweepId, index: 0, config: {}, outcome: { status: 'completed' }, summary: { precision: 0.1 } });
    f.store.getState().setLab('weighting');
    expect(f.store.getState().sweep).toMatchObject({ runId: sweepId, labId: 'weighting', status: 'running', runs: [{ index: 0 }] });
    expect(view(f).status).toBe('finished'); // the lab's last training run, not the sweep

    // Train in another lab still replaces the sweep: the worker trains one thing at a time.
    f.store.getState().setLab('pop-vs-mf');
    f.store.getState().play();
    expect(f.store.getState().sweep).toMatchObject({ status: 'cancelled', runs: [{ index: 0 }] });
    expect(view(f).status).toBe('running');
  });
});

describe('importing data into the store', () => {
  const enc = (s: string) => new TextEncoder().encode(s);

  it('makes good files the imported dataset and selects it', async () => {
    const { store } = fakeStore();
    await store.getState().importFiles([{ name: 'clicks.csv', bytes: enc('user,item\na,x\na,y\nb,x\n') }]);
    const s = store.getState();
    expect(s.importErrors).toBeNull();
    expect(s.datasets.imported.interactions.numUsers).toBe(2);
    expect(s.configs['pop-vs-mf'].dataset).toBe('imported');
    expect(s.importReport).toMatchObject({ format: 'generic', users: 2, items: 2, kept: 3 });
  });

  it('keeps the dataset in use when files are bad, and lists each problem', async () => {
    const { store } = fakeStore();
    await store.getState().importFiles([{ name: 'clicks.csv', bytes: enc('user,item\na,x\na,y\nb,x\n') }]);
    const before = store.getState().datasets.imported;
    await store.getState().importFiles([{ name: 'u.data', bytes: enc('1\t2\t5\t100\n') }]);
    const s = store.getState();
    expect(s.importErrors?.[0].message).toMatch(/u\.item/);
    expect(s.datasets.imported).toBe(before);
    expect(s.configs['pop-vs-mf'].dataset).toBe('imported');
  });
});
