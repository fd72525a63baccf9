import { describe, expect, it } from 'vitest';
import { createExecutor, throttledHeartbeat } from './executor';
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

  it('re-measures a declared finding (quick) with the findings runner: each run announced, then the measurement', async () => {
    const { out, handle, until } = harness();
    handle({ type: 'finding', runId: 'f1', labId: 'weighting', findingId: 'weighting.noisy-weight-dvao', quick: true, backend: 'wasm' });
    await until((o) => o.some((m) => m.type === 'done' || m.type === 'error'));
    expect(out.every((m) => 'runId' in m && m.runId === 'f1')).toBe(true);
    const progress = out.filter((m) => m.type === 'findingProgress');
    expect(progress.map((m) => m.type === 'findingProgress' && [m.index, m.total, m.arm, m.seed])).toEqual([
      [0, 2, 'noisy', 42],
      [1, 2, 'quiet', 42],
    ]);
    const done = out.at(-1)!;
    if (done.type !== 'done' || !('finding' in done)) throw new Error(`expected the finding's end, got ${JSON.stringify(done)}`);
    const m = done.finding.measured!;
    expect(done.finding).toMatchObject({ ran: 2, total: 2, cancelled: false });
    expect(m).toMatchObject({ id: 'weighting.noisy-weight-dvao', dataset: 'tiny', seeds: [42], backend: 'wasm', expect: 'noisy > quiet' });
    expect(m.values.noisy.mean).toBeGreaterThan(m.values.quiet.mean);
    expect(m.held).toBe(true);
  });

  it('ends a stopped finding re-run as cancelled, with nothing measured; an unknown finding is an error', async () => {
    const { out, handle, until } = harness();
    handle({ type: 'finding', runId: 'f2', labId: 'weighting', findingId: 'weighting.noisy-weight-dvao', quick: true, backend: 'wasm' });
    await until((o) => o.some((m) => m.type === 'findingProgress'));
    handle({ type: 'stop', runId: 'f2' });
    await until((o) => o.some((m) => m.type === 'done' || m.type === 'error'));
    expect(out.at(-1)).toMatchObject({ type: 'done', runId: 'f2', finding: { measured: null, cancelled: true, total: 2 } });
    handle({ type: 'finding', runId: 'f3', labId: 'weighting', findingId: 'weighting.nope', quick: false, backend: 'wasm' });
    await until((o) => o.some((m) => m.type === 'error' && m.runId === 'f3'));
    expect(out.at(-1)).toMatchObject({ type: 'error', runId: 'f3', message: expect.stringContaining('weighting.nope') });
  });

  it('answers a ping with a pong at once, between the steps of a run', async () => {
    const { out, handle, until } = harness();
    handle({ type: 'ping' });
    expect(out).toEqual([{ type: 'pong' }]);
    handle({ type: 'start', runId: 'r9', labId: 'pop-vs-mf', config: tiny, backend: 'wasm', mode: 'running' });
    await until((o) => steps(o) > 0);
    handle({ type: 'ping' });
    expect(out.at(-1)).toEqual({ type: 'pong' });
    handle({ type: 'stop', runId: 'r9' });
    await until((o) => o.some((m) => m.type === 'done'));
  });

  it('ends every run it was given exactly once, even runs replaced before they began', async () => {
    const { out, handle, until } = harness();
    for (const runId of ['a', 'b', 'c']) handle({ type: 'start', runId, labId: 'pop-vs-mf', config: tiny, backend: 'wasm', mode: 'running' });
    handle({ type: 'stop', runId: 'c' });
    await until((o) => o.filter((m) => m.type === 'done' || m.type === 'error').length === 3);
    const endings = out.filter((m) => m.type === 'done' || m.type === 'error').map((m) => [m.runId, m.type === 'done' && 'result' in m ? m.result.outcome.status : m.type]);
    expect(endings).toEqual([
      ['a', 'stopped'],
      ['b', 'stopped'],
      ['c', 'stopped'],
    ]);
    // a and b were replaced before they began: they end at step 0 at once, without setting anything up.
    for (const runId of ['a', 'b']) {
      expect(out.filter((m) => 'runId' in m && m.runId === runId)).toMatchObject([{ type: 'done', result: { outcome: { status: 'stopped', atStep: 0 }, events: [] } }]);
    }
  });

  it('ends a sweep cancelled before it began at once, having run nothing', async () => {
    const { out, handle, until } = harness();
    handle({ type: 'sweep', runId: 's1', labId: 'weighting', base: tiny, grid: [{ method: 'rc' }], backend: 'wasm' });
    handle({ type: 'stop', runId: 's1' });
    await until((o) => o.some((m) => m.type === 'done'));
    expect(out).toEqual([{ type: 'done', runId: 's1', sweep: { total: 1, ran: 0, cancelled: true } }]);
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

describe('the worker protocol (sweeps)', () => {
  const fast = { dataset: 'tiny', epochs: 1, warmStartEpochs: 1, usersPerStep: 8 };
  const ofType = <T extends FromWorker['type']>(out: FromWorker[], type: T) => out.filter((m): m is Extract<FromWorker, { type: T }> => m.type === type);

  it('runs every grid entry in order and reports each run, coarse progress and a closing done', async () => {
    const { out, handle, until } = harness();
    const grid = [{ method: 'rc' }, { method: 'dvao' }];
    handle({ type: 'sweep', runId: 's1', labId: 'weighting', base: fast, grid, backend: 'wasm' });
    await until((o) => o.some((m) => m.type === 'done'));
    expect(out[0]).toMatchObject({ type: 'backend', runId: 's1' });
    expect(out.every((m) => 'runId' in m && m.runId === 's1')).toBe(true);
    const runs = ofType(out, 'sweepRun');
    expect(runs.map((r) => [r.index, r.config.method, r.outcome.status])).toEqual([
      [0, 'rc', 'completed'],
      [1, 'dvao', 'completed'],
    ]);
    expect(runs[0].summary.precision).toBeGreaterThanOrEqual(0);
    expect(runs[0].summary.ild).toBeGreaterThan(0);
    // Each run's path: epoch 0 (before training) then every epoch, the last one its summary.
    expect(runs[0].epochs?.length).toBe(Number(fast.epochs) + 1);
    expect(runs[0].epochs?.at(-1)?.ild).toBe(runs[0].summary.ild);
    expect(out.at(-1)).toEqual({ type: 'done', runId: 's1', sweep: { total: 2, ran: 2, cancelled: false } });
  });

  it('forwards only started and epoch events and every 10th step of the current run', async () => {
    const { out, handle, until } = harness();
    handle({ type: 'sweep', runId: 's2', labId: 'weighting', base: { ...fast, usersPerStep: 4 }, grid: [{}], backend: 'wasm' });
    await until((o) => o.some((m) => m.type === 'done'));
    const progress = ofType(out, 'sweepProgress');
    expect(progress[0]).toMatchObject({ index: 0, total: 1, event: { kind: 'started' } });
    const steps = progress.flatMap((m) => (m.event.kind === 'step' ? [m.event.step] : []));
    expect(steps.length).toBeGreaterThan(0);
    expect(steps.every((s) => s % 10 === 0)).toBe(true);
    expect(progress.flatMap((m) => (m.event.kind === 'epoch' ? [m.event.epoch] : []))).toEqual([0, 1]);
  });

  it('keeps a diverged run and a run that threw, marked, and goes on with the next', async () => {
    const { out, handle, until } = harness();
    // Plain SGD at rate 100 in batches of 16 diverges on tiny; all-zero weights make the weighting run throw.
    const grid = [{ epochs: 2 }, { optimizer: 'sgd', learningRate: 100, batchSize: 16, epochs: 2 }, { epochs: 2 }];
    handle({ type: 'sweep', runId: 's3', labId: 'pop-vs-mf', base: { dataset: 'tiny' }, grid, backend: 'wasm' });
    await until((o) => o.some((m) => m.type === 'done'));
    expect(ofType(out, 'sweepRun').map((r) => r.outcome.status)).toEqual(['completed', 'diverged', 'completed']);

    const w = harness();
    w.handle({ type: 'sweep', runId: 's4', labId: 'weighting', base: fast, grid: [{ wRelevance: 0, wDiversity: 0, wNovelty: 0 }, {}], backend: 'wasm' });
    await w.until((o) => o.some((m) => m.type === 'done'));
    const [failed, ok] = ofType(w.out, 'sweepRun');
    expect(failed).toMatchObject({ index: 0, outcome: { status: 'failed' }, summary: {} });
    expect(failed.error).toMatch(/every objective weight is 0/);
    expect(ok.outcome.status).toBe('completed');
  });

  it('cancels on stop: the current run ends as stopped, no more start, and the finished ones are kept', async () => {
    const { out, handle, until } = harness();
    const grid = [{ method: 'rc' }, { method: 'ac' }, { method: 'dvao' }, { method: 'gdpo' }];
    handle({ type: 'sweep', runId: 's5', labId: 'weighting', base: { ...fast, usersPerStep: 4, epochs: 3 }, grid, backend: 'wasm' });
    await until((o) => o.some((m) => m.type === 'sweepRun'));
    handle({ type: 'stop', runId: 's5' });
    await until((o) => o.some((m) => m.type === 'done'));
    const runs = ofType(out, 'sweepRun');
    expect(runs[0].outcome.status).toBe('completed');
    expect(runs.length).toBeLessThan(grid.length);
    expect(runs.at(-1)!.outcome.status).toBe('stopped');
    expect(out.at(-1)).toEqual({ type: 'done', runId: 's5', sweep: { total: 4, ran: runs.length, cancelled: true } });
  });

  it('rejects a bad grid before running anything, naming the run and the key', async () => {
    const { out, handle, until } = harness();
    handle({ type: 'sweep', runId: 's6', labId: 'weighting', base: fast, grid: [{}, { wDiversity: -1 }], backend: 'wasm' });
    await until((o) => o.some((m) => m.type === 'error'));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ type: 'error', runId: 's6', code: 'OL101' });
    expect((out[0] as { message: string }).message).toMatch(/sweep run 2 .*wDiversity/);
  });
});

describe('the worker heartbeat', () => {
  it('posts an unasked pong at most once per interval, however often long work calls it', () => {
    const posted: FromWorker[] = [];
    let now = 1_000;
    const beat = throttledHeartbeat((m) => posted.push(m), 500, () => now);
    beat();
    expect(posted).toEqual([{ type: 'pong' }]);
    for (let i = 0; i < 1_000; i++) beat(); // a tight loop: the clock has not moved
    expect(posted).toHaveLength(1);
    now += 499;
    beat();
    expect(posted).toHaveLength(1);
    now += 1;
    beat();
    expect(posted).toHaveLength(2);
  });
});
