import { describe, expect, it } from 'vitest';
import { createExecutor } from './executor';
import type { FromWorker } from './protocol';

/** An executor whose posts land in an array, with a helper to wait for a message. */
function harness() {
  const out: FromWorker[] = [];
  const waiters: (() => void)[] = [];
  const handle = createExecutor({
    post: (m) => {
      out.push(m);
      waiters.splice(0).forEach((w) => w());
    },
  });
  const until = async (pred: (m: FromWorker[]) => boolean) => {
    while (!pred(out)) await new Promise<void>((r) => waiters.push(r));
  };
  return { out, handle, until };
}

const tiny = { dataset: 'tiny', epochs: 2 };
const steps = (out: FromWorker[]) => out.filter((m) => m.type === 'progress' && m.event.kind === 'step').length;

describe('the worker protocol (executor)', () => {
  it('answers a start with backend, progress and done, all tagged with its runId', async () => {
    const { out, handle, until } = harness();
    handle({ type: 'start', runId: 'r1', labId: 'pop-vs-mf', config: tiny, backend: 'wasm', mode: 'running' });
    await until((o) => o.some((m) => m.type === 'done'));
    expect(out[0]).toMatchObject({ type: 'backend', runId: 'r1', report: { active: 'wasm' } });
    expect(out.every((m) => 'runId' in m && m.runId === 'r1')).toBe(true);
    const done = out.at(-1)!;
    expect(done).toMatchObject({ type: 'done', result: { outcome: { status: 'completed' }, config: { dataset: 'tiny', epochs: 2 } } });
  });

  it('holds a run started paused, runs one step per step message, and stops on stop', async () => {
    const { out, handle, until } = harness();
    handle({ type: 'start', runId: 'r2', labId: 'pop-vs-mf', config: tiny, backend: 'wasm', mode: 'paused' });
    await until((o) => o.some((m) => m.type === 'progress' && m.event.kind === 'epoch'));
    expect(steps(out)).toBe(0);
    handle({ type: 'step', runId: 'r2' });
    await until((o) => steps(o) === 1);
    handle({ type: 'step', runId: 'r2' });
    await until((o) => steps(o) === 2);
    handle({ type: 'stop', runId: 'r2' });
    await until((o) => o.some((m) => m.type === 'done'));
    expect(out.at(-1)).toMatchObject({ type: 'done', result: { outcome: { status: 'stopped', atStep: 2 } } });
  });

  it('ignores control messages for a run that is not the active one', async () => {
    const { out, handle, until } = harness();
    handle({ type: 'start', runId: 'r3', labId: 'pop-vs-mf', config: tiny, backend: 'wasm', mode: 'running' });
    handle({ type: 'stop', runId: 'someone-else' });
    await until((o) => o.some((m) => m.type === 'done'));
    expect(out.at(-1)).toMatchObject({ type: 'done', result: { outcome: { status: 'completed' } } });
  });

  it('reports a bad config as an error naming the key, without crashing', async () => {
    const { out, handle, until } = harness();
    handle({ type: 'start', runId: 'r4', labId: 'pop-vs-mf', config: { epochs: -3 }, backend: 'wasm', mode: 'running' });
    await until((o) => o.some((m) => m.type === 'error'));
    expect(out.at(-1)).toMatchObject({ type: 'error', runId: 'r4', code: 'OL101' });
    expect((out.at(-1) as { message: string }).message).toMatch(/'epochs'/);
  });

  it('reports an unknown lab as OL104', async () => {
    const { out, handle, until } = harness();
    handle({ type: 'start', runId: 'r5', labId: 'nope', config: {}, backend: 'wasm', mode: 'running' });
    await until((o) => o.some((m) => m.type === 'error'));
    expect(out.at(-1)).toMatchObject({ type: 'error', code: 'OL104' });
  });

  it('lets a new start wait until the replaced run has stopped, so two runs never train at once', async () => {
    const { out, handle, until } = harness();
    handle({ type: 'start', runId: 'old', labId: 'pop-vs-mf', config: { dataset: 'tiny', epochs: 50 }, backend: 'wasm', mode: 'running' });
    await until((o) => o.some((m) => m.type === 'progress' && m.event.kind === 'step'));
    handle({ type: 'start', runId: 'new', labId: 'pop-vs-mf', config: tiny, backend: 'wasm', mode: 'running' });
    await until((o) => o.some((m) => m.type === 'done' && m.runId === 'new'));
    const oldDone = out.findIndex((m) => m.type === 'done' && m.runId === 'old');
    const firstNew = out.findIndex((m) => 'runId' in m && m.runId === 'new');
    expect(out[oldDone]).toMatchObject({ result: { outcome: { status: 'stopped' } } });
    expect(oldDone).toBeLessThan(firstNew);
  });
});
