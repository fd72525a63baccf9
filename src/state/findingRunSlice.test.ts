import { describe, expect, it } from 'vitest';
import type { MeasuredFinding } from '../core/experiment/findings';
import { recordingStore } from './testing/recordingStore';

/** A recording store on the weighting lab. */
function fakeStore() {
  const { store, calls, worker } = recordingStore();
  store.getState().setLab('weighting');
  return { store, calls, worker };
}

const ID = 'weighting.noisy-weight-dvao';
const measured = { id: ID, values: {}, held: true } as unknown as MeasuredFinding;

describe('re-running a finding in the browser (store)', () => {
  it('sends the finding to the worker, follows its progress, and keeps the new measurement', () => {
    const { store, calls, worker } = fakeStore();
    store.getState().startFindingRun(ID, true);
    expect(calls).toEqual([`finding:weighting:${ID}:true`]);
    const runId = store.getState().findingRunId!;
    expect(store.getState().findingReruns[ID]).toMatchObject({ status: 'running', quick: true, labId: 'weighting' });
    worker().onMessage({ type: 'findingProgress', runId, index: 1, total: 2, arm: 'quiet', seed: 42 });
    expect(store.getState().findingReruns[ID]).toMatchObject({ index: 1, total: 2, arm: 'quiet', seed: 42 });
    // A re-run's messages never reach the run slice: no run is recorded for it.
    expect(store.getState().activeRunId).toBeNull();
    worker().onMessage({ type: 'done', runId, finding: { measured, ran: 2, total: 2, cancelled: false } });
    expect(store.getState().findingReruns[ID]).toMatchObject({ status: 'done', measured });
    expect(store.getState().findingRunId).toBeNull();
  });

  it('is refused while a run trains, and a training run replaces a re-run in progress', () => {
    const { store, calls } = fakeStore();
    store.getState().play();
    store.getState().startFindingRun(ID, true);
    expect(calls.filter((c) => c.startsWith('finding'))).toEqual([]);
    expect(store.getState().notices.some((t) => t.includes('stop or reset the training run first'))).toBe(true);

    const other = fakeStore();
    other.store.getState().startFindingRun(ID, false);
    const runId = other.store.getState().findingRunId!;
    other.store.getState().play();
    expect(other.calls).toContain(`stop:${runId}`);
    expect(other.store.getState().findingRunId).toBeNull();
    expect(other.store.getState().findingReruns[ID]).toMatchObject({ status: 'cancelled', measured: null });
    expect(other.store.getState().findingReruns[ID].message).toContain('a training run started');
  });

  it('cancels on request and records a failure with its message, never a number', () => {
    const { store, calls, worker } = fakeStore();
    store.getState().startFindingRun(ID, true);
    const runId = store.getState().findingRunId!;
    store.getState().cancelFindingRun();
    expect(calls).toContain(`stop:${runId}`);
    worker().onMessage({ type: 'done', runId, finding: { measured: null, ran: 0, total: 2, cancelled: true } });
    expect(store.getState().findingReruns[ID]).toMatchObject({ status: 'cancelled', measured: null });
    expect(store.getState().findingRunId).toBeNull();

    store.getState().startFindingRun('weighting.saturated-off', false);
    const second = store.getState().findingRunId!;
    worker().onMessage({ type: 'error', runId: second, code: 'run-failed' as never, message: 'run-failed: boom' });
    expect(store.getState().findingReruns['weighting.saturated-off']).toMatchObject({ status: 'failed', message: 'run-failed: boom', measured: null });
  });

  it('has no quick variant to run for a finding that declares none', () => {
    const { store, calls } = fakeStore();
    store.getState().startFindingRun('weighting.conflict-agreement', true);
    expect(calls).toEqual([]);
  });
});
