// Rapid Train / Reset / Stop against the real client and a fake worker that answers late: every run ends on record.
import { describe, expect, it } from 'vitest';
import { TrainingClient } from '../worker/client';
import type { FromWorker, ToWorker } from '../worker/protocol';
import { selectStatus } from './selectors';
import { createLabStore } from './store';

/** A seeded generator (mulberry32), so a failing interleaving can be replayed. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A worker that behaves like the executor but handles its inbox only when the test says so: one run at a time,
 * a start or a stop ends the active run with 'stopped' at the step it reached, and the run it replaced reports
 * its ending after the new one has begun (it winds down first).
 */
class LateWorker {
  inbox: ToWorker[] = [];
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null = null;
  onerror = null;
  onmessageerror = null;
  private active: { runId: string; step: number } | null = null;
  postMessage(m: ToWorker) {
    if (m.type === 'ping') return this.reply({ type: 'pong' });
    this.inbox.push(m);
  }
  terminate() {}
  reply(m: FromWorker) {
    this.onmessage?.({ data: m } as MessageEvent<FromWorker>);
  }
  /** One thing the worker does: handle the next message, or train one step of the active run. */
  work(): boolean {
    const m = this.inbox.shift();
    if (!m) {
      if (!this.active) return false;
      const a = this.active;
      a.step++;
      this.reply({ type: 'progress', runId: a.runId, event: { kind: 'step', step: a.step, epoch: 1, totalSteps: 50, values: { loss: 1 } } });
      if (a.step === 50) this.end('completed');
      return true;
    }
    if (m.type === 'start') {
      this.end('stopped');
      this.active = { runId: m.runId, step: 0 };
      this.reply({ type: 'progress', runId: m.runId, event: { kind: 'started', totalSteps: 50, stepsPerEpoch: 50, info: {} } });
    } else if (m.type === 'stop' && this.active?.runId === m.runId) this.end('stopped');
    return true;
  }
  private end(status: 'completed' | 'stopped') {
    const a = this.active;
    if (!a) return;
    this.active = null;
    const outcome = status === 'completed' ? { status } : { status, atStep: a.step };
    this.reply({ type: 'done', runId: a.runId, result: { outcome } as never });
  }
}

describe('rapid start / stop cycles', () => {
  it.each([1, 2, 3, 4, 5])('every run record ends with an outcome, and the last run still trains to the end (seed %i)', (seed) => {
    const random = rng(seed);
    const worker = new LateWorker();
    const store = createLabStore((h) => new TrainingClient(h, () => worker as unknown as Worker));
    // Every record the store ever held, as last seen (a record the store drops keeps its last state here).
    const seen = new Map<string, string | undefined>();
    const unsubscribe = store.subscribe((s) => Object.values(s.runs).forEach((r) => seen.set(r.runId, r.outcome?.status)));
    store.getState().play(); // the client makes its worker on the first message
    worker.reply({ type: 'ready' });
    const actions = [() => store.getState().play(), () => store.getState().reset(), () => store.getState().stop(), () => store.getState().pause()];
    for (let i = 0; i < 60; i++) {
      store.getState().play();
      // The worker gets to do a little (or nothing) before the next click.
      for (let n = Math.floor(random() * 4); n > 0; n--) worker.work();
      actions[Math.floor(random() * actions.length)]();
      for (let n = Math.floor(random() * 3); n > 0; n--) worker.work();
    }
    store.getState().reset();
    while (worker.work());
    unsubscribe();

    expect(seen.size).toBeGreaterThan(20);
    const open = [...seen].filter(([, status]) => status === undefined).map(([id]) => id);
    expect(open, 'records that never got an outcome').toEqual([]);

    store.getState().play();
    while (worker.work());
    expect(selectStatus(store.getState())).toBe('finished');
  });
});
