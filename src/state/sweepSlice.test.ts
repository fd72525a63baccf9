import { describe, expect, it } from 'vitest';
import type { RunReport } from '../worker/protocol';
import { selectCurrentRun, selectStatus } from './selectors';
import { recordingStore } from './testing/recordingStore';

/** A recording store on the weighting lab, with helpers that play the worker's sweep messages. */
function fakeStore() {
  const { store, calls, grids, worker } = recordingStore();
  store.getState().setLab('weighting');
  const send = (msg: RunReport) => worker().onMessage(msg);
  const finish = (runId: string, index: number, status: 'completed' | 'diverged' = 'completed') =>
    send({
      type: 'sweepRun',
      runId,
      index,
      config: { method: 'rc' },
      outcome: status === 'completed' ? { status } : { status, atStep: 3, message: 'diverged at step 3' },
      summary: { precision: 0.1 * index, ild: 0.5 },
      epochs: [{ precision: 0, ild: 0.4 }, { precision: 0.1 * index, ild: 0.5 }],
    });
  return { store, calls, grids, send, finish };
}

describe('the sweep slice', () => {
  it('starts the weighting sweep from the current config: 20 runs, the hand-weight line first', () => {
    const { store, calls, grids } = fakeStore();
    store.getState().startSweep();
    expect(calls).toEqual(['sweep:weighting:20']);
    expect(grids[0][0]).toMatchObject({ method: 'rc', wRelevance: 0, wDiversity: 1 });
    expect(store.getState().sweep).toMatchObject({ runId: 's1', status: 'running', total: 20, runs: [] });
  });

  it('follows the current run and epoch, keeps each finished run with its label, and ends done', () => {
    const { store, send, finish } = fakeStore();
    store.getState().startSweep();
    const runId = store.getState().sweep.runId!;
    send({ type: 'sweepProgress', runId, index: 0, total: 17, event: { kind: 'started', totalSteps: 8, stepsPerEpoch: 4, info: {} } });
    send({ type: 'sweepProgress', runId, index: 0, total: 17, event: { kind: 'epoch', step: 4, epoch: 1, values: {} } });
    expect(store.getState().sweep).toMatchObject({ currentIndex: 0, currentEpoch: 1, currentEpochs: 2, currentStep: 4, currentTotalSteps: 8 });
    finish(runId, 0);
    finish(runId, 11);
    const runs = store.getState().sweep.runs;
    expect(runs.map((r) => [r.index, r.label, r.kind])).toEqual([
      [0, 'w=0.0', 'hand'],
      [11, 'DVAO', 'automatic'],
    ]);
    expect(runs[1].summary).toEqual({ precision: 1.1, ild: 0.5 });
    expect(runs[1].epochs).toEqual([{ precision: 0, ild: 0.4 }, { precision: 1.1, ild: 0.5 }]); // its path, for the path view
    expect(store.getState().sweep.settled).toBe(false);
    send({ type: 'done', runId, sweep: { total: 17, ran: 17, cancelled: false } });
    expect(store.getState().sweep).toMatchObject({ status: 'done', settled: true });
    expect(selectStatus(store.getState())).toBe('idle'); // the training run's status is untouched
  });

  it('keeps a diverged run, marked, and goes on', () => {
    const { store, finish } = fakeStore();
    store.getState().startSweep();
    const runId = store.getState().sweep.runId!;
    finish(runId, 0, 'diverged');
    finish(runId, 1);
    expect(store.getState().sweep.runs.map((r) => r.outcome.status)).toEqual(['diverged', 'completed']);
    expect(store.getState().sweep.status).toBe('running');
  });

  it('cancels: stops the worker at the current run, keeps the finished runs and the stopped one', () => {
    const { store, calls, send, finish } = fakeStore();
    store.getState().startSweep();
    const runId = store.getState().sweep.runId!;
    finish(runId, 0);
    finish(runId, 1);
    store.getState().cancelSweep();
    expect(calls).toContain(`stop:${runId}`);
    expect(store.getState().sweep).toMatchObject({ status: 'cancelled', settled: false });
    expect(store.getState().sweep.message).toMatch(/after 2 of 20 runs/);
    send({ type: 'sweepRun', runId, index: 2, config: {}, outcome: { status: 'stopped', atStep: 1 }, summary: {} });
    send({ type: 'done', runId, sweep: { total: 17, ran: 3, cancelled: true } });
    expect(store.getState().sweep).toMatchObject({ status: 'cancelled', settled: true });
    expect(store.getState().sweep.runs.map((r) => r.outcome.status)).toEqual(['completed', 'completed', 'stopped']);
  });

  it('reports a sweep the worker rejected as failed, with its message', () => {
    const { store, send } = fakeStore();
    store.getState().startSweep();
    const runId = store.getState().sweep.runId!;
    send({ type: 'error', runId, code: 'OL101', message: 'OL101: sweep run 2 (wDiversity=-1): bad' });
    expect(store.getState().sweep).toMatchObject({ status: 'failed', message: 'OL101: sweep run 2 (wDiversity=-1): bad' });
  });

  it('refuses to start while a training run is active, and refuses all-zero sliders, each with a notice', () => {
    const { store, calls } = fakeStore();
    store.getState().play();
    store.getState().startSweep();
    expect(store.getState().notices.at(-1)).toMatch(/stop or reset the training run first/);
    store.getState().reset();
    for (const k of ['wRelevance', 'wDiversity', 'wNovelty']) store.getState().setConfigValue(k, 0);
    store.getState().startSweep();
    expect(store.getState().notices.at(-1)).toMatch(/every objective weight is 0/);
    expect(calls.some((c) => c.startsWith('sweep'))).toBe(false);
    expect(store.getState().sweep.status).toBe('idle');
  });

  it('is cancelled, keeping its runs, when the person starts a training run; its late messages are ignored', () => {
    const { store, send, finish } = fakeStore();
    store.getState().startSweep();
    const runId = store.getState().sweep.runId!;
    finish(runId, 0);
    store.getState().play();
    expect(store.getState().sweep).toMatchObject({ status: 'cancelled', settled: true, runs: [{ index: 0 }] });
    expect(store.getState().sweep.message).toMatch(/a training run started/);
    expect(selectStatus(store.getState())).toBe('running');
    send({ type: 'done', runId: selectCurrentRun(store.getState())!.runId, result: { outcome: { status: 'completed' } } as never });
    expect(selectStatus(store.getState())).toBe('finished');
  });
});
