import { describe, expect, it, vi } from 'vitest';
import { TrainingClient, timingsFrom, type ClientHandlers, type ClientTimings } from './client';
import type { FromWorker, ToWorker } from './protocol';

/** A stand-in Worker: records what the page posts and lets the test reply or crash. */
class FakeWorker {
  posted: ToWorker[] = [];
  /** Whether it answers pings (a live worker between steps); false: it is busy in a long step, or dead. */
  answersPings = true;
  terminated = false;
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  postMessage(m: ToWorker) {
    this.posted.push(m);
    if (m.type === 'ping' && this.answersPings) this.reply({ type: 'pong' });
  }
  /** What the page posted, pings left out. */
  sent() {
    return this.posted.filter((m) => m.type !== 'ping');
  }
  terminate() {
    this.terminated = true;
  }
  reply(m: FromWorker) {
    this.onmessage?.({ data: m } as MessageEvent<FromWorker>);
  }
  crash(message: string) {
    this.onerror?.({ message, preventDefault() {} } as ErrorEvent);
  }
}

function setup(opts: { workers?: (FakeWorker | null)[]; timings?: Partial<ClientTimings> } = {}) {
  const workers = opts.workers ?? [new FakeWorker(), new FakeWorker()];
  const made: FakeWorker[] = [];
  const messages: Parameters<ClientHandlers['onMessage']>[0][] = [];
  const modes: [string, string | undefined][] = [];
  const fallbackInbox: ToWorker[] = [];
  let fallbackPost: ((m: FromWorker) => void) | null = null;
  const client = new TrainingClient(
    { onMessage: (m) => messages.push(m), onMode: (m, r) => modes.push([m, r]) },
    () => {
      const w = workers.shift() ?? null;
      if (w) made.push(w);
      return w as unknown as Worker | null;
    },
    async (post) => {
      fallbackPost = post;
      return (m) => fallbackInbox.push(m);
    },
    opts.timings,
  );
  return { client, made, messages, modes, fallbackInbox, fallbackReply: (m: FromWorker) => fallbackPost?.(m) };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('TrainingClient', () => {
  it('holds messages until the worker says ready, then sends them in order', () => {
    const { client, made } = setup();
    const runId = client.start('pop-vs-mf', {}, 'auto');
    client.pause(runId);
    expect(made[0].posted).toEqual([]);
    made[0].reply({ type: 'ready' });
    expect(made[0].sent().map((m) => m.type)).toEqual(['start', 'pause']);
  });

  it('starts the worker at once for a run whose dataset is still loading, and sends the run, then what followed, when it arrives', async () => {
    const { client, made } = setup();
    let arrive!: (d: undefined) => void;
    const runId = client.start('pop-vs-mf', {}, 'auto', 'running', new Promise((r) => (arrive = r)));
    client.pause(runId);
    expect(made).toHaveLength(1);
    made[0].reply({ type: 'ready' });
    await flush();
    expect(made[0].sent()).toEqual([]);
    arrive(undefined);
    await flush();
    expect(made[0].sent().map((m) => m.type)).toEqual(['start', 'pause']);
    client.resume(runId);
    expect(made[0].sent().map((m) => m.type)).toEqual(['start', 'pause', 'resume']);
  });

  it('passes on messages of the current run and drops those of a replaced run', () => {
    const { client, made, messages } = setup();
    const first = client.start('pop-vs-mf', {}, 'auto');
    made[0].reply({ type: 'ready' });
    const second = client.start('pop-vs-mf', {}, 'auto');
    expect(made[0].sent().map((m) => m.type)).toEqual(['start', 'stop', 'start']);
    const event = { kind: 'epoch', step: 1, epoch: 1, values: {} } as const;
    made[0].reply({ type: 'progress', runId: first, event });
    made[0].reply({ type: 'progress', runId: second, event });
    expect(messages).toEqual([{ type: 'progress', runId: second, event }]);
  });

  it('sends a sweep like a start, forwards its messages and drops those of the run it replaced', () => {
    const { client, made, messages } = setup();
    const run = client.start('weighting', {}, 'wasm');
    made[0].reply({ type: 'ready' });
    const sweep = client.sweep('weighting', { epochs: 1 }, [{ method: 'rc' }, { method: 'dvao' }], 'wasm');
    expect(made[0].sent().map((m) => m.type)).toEqual(['start', 'stop', 'sweep']);
    expect(made[0].sent()[2]).toMatchObject({ runId: sweep, base: { epochs: 1 }, grid: [{ method: 'rc' }, { method: 'dvao' }], backend: 'wasm' });
    const event = { kind: 'epoch', step: 1, epoch: 1, values: {} } as const;
    made[0].reply({ type: 'progress', runId: run, event });
    made[0].reply({ type: 'sweepProgress', runId: sweep, index: 0, total: 2, event });
    made[0].reply({ type: 'sweepRun', runId: sweep, index: 0, config: {}, outcome: { status: 'completed' }, summary: { ild: 0.5 } });
    made[0].reply({ type: 'done', runId: sweep, sweep: { total: 2, ran: 1, cancelled: true } });
    made[0].reply({ type: 'sweepRun', runId: sweep, index: 1, config: {}, outcome: { status: 'completed' }, summary: {} });
    expect(messages.map((m) => m.type)).toEqual(['sweepProgress', 'sweepRun', 'done']);
  });

  it('reports a crash after ready as OL401 for the current run, then starts a fresh worker', () => {
    const { client, made, messages } = setup();
    const runId = client.start('pop-vs-mf', {}, 'auto');
    made[0].reply({ type: 'ready' });
    made[0].crash('out of memory');
    expect(made).toHaveLength(1); // the next start makes a fresh one
    expect(made[0].terminated).toBe(true);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ type: 'error', runId, code: 'OL401' });
    expect((messages[0] as { message: string }).message).toMatch(/crashed \(out of memory\)/);
    client.start('pop-vs-mf', {}, 'auto');
    made[1].reply({ type: 'ready' });
    expect(made[1].sent().map((m) => m.type)).toEqual(['start']);
  });

  it('falls back to the main thread when the worker fails to load, replaying what was queued', async () => {
    const { client, made, modes, fallbackInbox, fallbackReply, messages } = setup();
    const runId = client.start('pop-vs-mf', { epochs: 2 }, 'wasm');
    made[0].crash('SyntaxError in worker script');
    await flush();
    expect(modes[0][0]).toBe('main-thread');
    expect(modes[0][1]).toMatch(/failed to load/);
    expect(fallbackInbox).toMatchObject([{ type: 'start', runId, config: { epochs: 2 }, backend: 'wasm' }]);
    fallbackReply({ type: 'done', runId, result: { outcome: { status: 'completed' } } as never });
    expect(messages.map((m) => m.type)).toEqual(['done']);
  });

  it('falls back to the main thread where there are no workers at all', async () => {
    const { client, modes, fallbackInbox } = setup({ workers: [null] });
    client.start('pop-vs-mf', {}, 'auto');
    await flush();
    expect(modes).toEqual([['main-thread', 'this browser has no Web Workers']]);
    expect(fallbackInbox.map((m) => m.type)).toEqual(['start']);
  });

  it('gives up on a worker that never says ready', async () => {
    vi.useFakeTimers();
    try {
      const { client, modes } = setup();
      client.start('pop-vs-mf', {}, 'auto');
      vi.advanceTimersByTime(31_000);
      expect(modes[0]).toEqual(['main-thread', 'the training worker failed to load (it did not start in time)']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('passes on the ending of a replaced run (not its progress), so its record gets an outcome, exactly once', () => {
    const { client, made, messages } = setup();
    const first = client.start('pop-vs-mf', {}, 'auto');
    made[0].reply({ type: 'ready' });
    const second = client.start('pop-vs-mf', {}, 'auto');
    const event = { kind: 'step', step: 3, epoch: 1, totalSteps: 9, values: {} } as const;
    made[0].reply({ type: 'progress', runId: first, event });
    made[0].reply({ type: 'done', runId: first, result: { outcome: { status: 'stopped', atStep: 3 } } as never });
    made[0].reply({ type: 'done', runId: first, result: { outcome: { status: 'stopped', atStep: 3 } } as never });
    made[0].reply({ type: 'progress', runId: second, event });
    expect(messages).toEqual([
      { type: 'done', runId: first, result: { outcome: { status: 'stopped', atStep: 3 } } },
      { type: 'progress', runId: second, event },
    ]);
  });
  it('passes on how a replaced sweep ended: its stopped run and its closing done, not its progress', () => {
    const { client, made, messages } = setup();
    const sweep = client.sweep('weighting', {}, [{ method: 'rc' }, { method: 'dvao' }], 'wasm');
    made[0].reply({ type: 'ready' });
    client.start('weighting', {}, 'wasm');
    const event = { kind: 'step', step: 10, epoch: 1, totalSteps: 90, values: {} } as const;
    made[0].reply({ type: 'sweepProgress', runId: sweep, index: 0, total: 2, event });
    made[0].reply({ type: 'sweepRun', runId: sweep, index: 0, config: {}, outcome: { status: 'stopped', atStep: 10 }, summary: {} });
    made[0].reply({ type: 'done', runId: sweep, sweep: { total: 2, ran: 1, cancelled: true } });
    made[0].reply({ type: 'sweepRun', runId: sweep, index: 1, config: {}, outcome: { status: 'completed' }, summary: {} });
    expect(messages.map((m) => m.type)).toEqual(['sweepRun', 'done']);
  });
});

describe('TrainingClient: a worker that stops responding', () => {
  const timings = { pingEveryMs: 1_000, silentLimitMs: 10_000 };
  const step = (runId: string, n: number): FromWorker => ({ type: 'progress', runId, event: { kind: 'step', step: n, epoch: 1, totalSteps: 100, values: {} } });

  function withFakeTimers(body: () => void) {
    vi.useFakeTimers();
    try {
      body();
    } finally {
      vi.useRealTimers();
    }
  }

  it('pings a worker only while it has a run open', () => {
    withFakeTimers(() => {
      const { client, made } = setup({ timings });
      const runId = client.start('pop-vs-mf', {}, 'auto');
      vi.advanceTimersByTime(5_000);
      expect(made[0].posted).toEqual([]); // not before it has loaded (the ready timeout covers that)
      made[0].reply({ type: 'ready' });
      vi.advanceTimersByTime(3_000);
      expect(made[0].posted.filter((m) => m.type === 'ping')).toHaveLength(3);
      made[0].reply({ type: 'done', runId, result: { outcome: { status: 'completed' } } as never });
      vi.advanceTimersByTime(5_000);
      expect(made[0].posted.filter((m) => m.type === 'ping')).toHaveLength(3);
    });
  });

  it('ends the run as failed when the worker says nothing for the limit: names the step, replaces the worker, and Train works at once', () => {
    withFakeTimers(() => {
      const { client, made, messages } = setup({ timings });
      const runId = client.start('pop-vs-mf', {}, 'auto');
      made[0].reply({ type: 'ready' });
      made[0].reply(step(runId, 1));
      made[0].reply(step(runId, 2));
      made[0].answersPings = false; // self.close(): no error, no message, nothing
      vi.advanceTimersByTime(9_000);
      expect(messages.map((m) => m.type)).toEqual(['progress', 'progress']);
      expect(made[0].terminated).toBe(false);
      vi.advanceTimersByTime(2_000);
      expect(made[0].terminated).toBe(true);
      expect(messages.at(-1)).toMatchObject({ type: 'error', runId, code: 'OL404' });
      expect((messages.at(-1) as { message: string }).message).toBe(
        'OL404: the training worker stopped responding (nothing from it for 10 s); the run was stopped at step 2. Press ▶ Train to start again.',
      );
      // Its replacement is loading already; a late word from the dead one changes nothing.
      expect(made).toHaveLength(2);
      made[0].reply({ type: 'done', runId, result: { outcome: { status: 'completed' } } as never });
      expect(messages).toHaveLength(3);
      made[1].reply({ type: 'ready' });
      const next = client.start('pop-vs-mf', {}, 'auto');
      expect(made[1].sent()).toMatchObject([{ type: 'start', runId: next }]);
      made[1].reply(step(next, 1));
      expect(messages.at(-1)).toEqual(step(next, 1));
    });
  });

  it('tolerates a long step: a worker that is silent for less than the limit, then talks, is alive', () => {
    withFakeTimers(() => {
      const { client, made, messages } = setup({ timings });
      const runId = client.start('pop-vs-mf', {}, 'auto');
      made[0].reply({ type: 'ready' });
      for (let round = 0; round < 3; round++) {
        made[0].answersPings = false; // a 9-second evaluation: the pings wait in its queue
        vi.advanceTimersByTime(9_000);
        made[0].answersPings = true;
        made[0].reply(step(runId, round + 1)); // the step ends; the queued pings are answered too
      }
      vi.advanceTimersByTime(30_000);
      expect(made[0].terminated).toBe(false);
      expect(messages.every((m) => m.type === 'progress')).toBe(true);
    });
  });

  it('a busy worker that never answers a ping but posts heartbeats is alive for as long as it beats; silent after, it is dead', () => {
    withFakeTimers(() => {
      const { client, made, messages } = setup({ timings });
      const runId = client.start('pop-vs-mf', {}, 'auto');
      made[0].reply({ type: 'ready' });
      made[0].reply(step(runId, 1));
      made[0].answersPings = false; // a 25-second evaluation on big data: the pings wait in its queue
      for (let t = 0; t < 25_000; t += 500) {
        vi.advanceTimersByTime(500);
        made[0].reply({ type: 'pong' }); // the heartbeat, posted from inside the evaluation
      }
      expect(made[0].terminated).toBe(false);
      expect(messages.map((m) => m.type)).toEqual(['progress']);
      // Then it dies mid-evaluation (self.close()): no more heartbeats, and it is found out within the limit.
      vi.advanceTimersByTime(9_000);
      expect(made[0].terminated).toBe(false);
      vi.advanceTimersByTime(2_000);
      expect(made[0].terminated).toBe(true);
      expect(messages.at(-1)).toMatchObject({ type: 'error', runId, code: 'OL404' });
    });
  });

  it('a sweep whose worker dies is told where it was stopped', () => {
    withFakeTimers(() => {
      const { client, made, messages } = setup({ timings });
      const sweep = client.sweep('weighting', {}, [{ method: 'rc' }, { method: 'dvao' }], 'wasm');
      made[0].reply({ type: 'ready' });
      made[0].reply({ type: 'sweepProgress', runId: sweep, index: 1, total: 2, event: { kind: 'step', step: 30, epoch: 1, totalSteps: 90, values: {} } });
      made[0].answersPings = false;
      vi.advanceTimersByTime(11_000);
      expect((messages.at(-1) as { message: string }).message).toMatch(/stopped responding .*; the sweep was stopped at run 2 of 2, step 30\./);
    });
  });

  it('a dead worker also ends the runs it was still stopping', () => {
    withFakeTimers(() => {
      const { client, made, messages } = setup({ timings });
      const first = client.start('pop-vs-mf', {}, 'auto');
      made[0].reply({ type: 'ready' });
      const second = client.start('pop-vs-mf', {}, 'auto');
      made[0].answersPings = false;
      vi.advanceTimersByTime(11_000);
      expect(messages.map((m) => [m.type, m.runId]).sort()).toEqual([
        ['error', first],
        ['error', second],
      ]);
    });
  });

  it('takes the ready timeout from its timings', () => {
    withFakeTimers(() => {
      const { client, modes } = setup({ timings: { readyTimeoutMs: 500 } });
      client.start('pop-vs-mf', {}, 'auto');
      vi.advanceTimersByTime(499);
      expect(modes).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(modes[0]).toEqual(['main-thread', 'the training worker failed to load (it did not start in time)']);
    });
  });

  it('reads injected timings as positive numbers only, and nothing inherited', () => {
    expect(timingsFrom({ pingEveryMs: 250, silentLimitMs: 3_000, readyTimeoutMs: -1, extra: 5 })).toEqual({ pingEveryMs: 250, silentLimitMs: 3_000 });
    expect(timingsFrom({ silentLimitMs: NaN, pingEveryMs: '5' })).toEqual({});
    expect(timingsFrom(Object.create({ silentLimitMs: 1 }))).toEqual({});
    expect(timingsFrom(undefined)).toEqual({});
  });
});
