import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportFile, ImportProgress } from '../core/data/import';
import { importWithFilter } from '../core/data/import/importWithFilter';
import { importInThread, workerImportRunner, type ImportRunner } from './importClient';
import type { FromImportWorker, ToImportWorker } from './importProtocol';

const enc = (s: string) => new TextEncoder().encode(s);
const CSV = 'user,item\na,x\na,y\nb,x\n';
const files = (): ImportFile[] => [{ name: 'clicks.csv', bytes: enc(CSV) }];

/**
 * A stand-in Worker. Like a real one it says `ready` once its script has loaded (or fires an error event if the
 * script cannot load), and a transfer really detaches the posted buffers (structuredClone with `transfer`), so a
 * test sees files lost to a worker that never used them.
 *   ok: imports as import.worker.ts does · die: loads, then fails on the import · loadFail: its script never loads
 *   hang: loads, takes the files, then is silent · mute: neither loads nor fails · throwOnPost: postMessage throws
 *   slow: loads, then sends a progress message every 10 ms for 60 ms before answering
 */
type Mode = 'ok' | 'die' | 'loadFail' | 'hang' | 'mute' | 'throwOnPost' | 'slow';
class FakeWorker {
  onmessage: ((e: MessageEvent<FromImportWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  terminated = false;
  posted = 0;
  transferred: unknown[] = [];
  constructor(private readonly mode: Mode = 'ok') {
    queueMicrotask(() => {
      if (mode === 'mute') return;
      if (mode === 'loadFail') return this.onerror?.({ message: '', preventDefault() {} } as ErrorEvent);
      this.send({ type: 'ready' });
    });
  }
  private send(m: FromImportWorker) {
    if (!this.terminated) this.onmessage?.({ data: m } as MessageEvent<FromImportWorker>);
  }
  postMessage(msg: ToImportWorker, transfer: Transferable[]) {
    if (this.mode === 'throwOnPost') throw new DOMException('could not be cloned', 'DataCloneError');
    this.posted++;
    this.transferred = transfer;
    const got = structuredClone(msg, { transfer });
    const answer = () => {
      const result = importWithFilter(got.files, { ...got.settings, onProgress: (progress) => this.send({ type: 'progress', id: got.id, progress }) });
      this.send({ type: 'done', id: got.id, result });
    };
    if (this.mode === 'hang') return;
    if (this.mode === 'slow') {
      for (let t = 10; t <= 60; t += 10) setTimeout(() => this.send({ type: 'progress', id: got.id, progress: { phase: 'parse', fraction: t / 60 } }), t);
      setTimeout(answer, 65);
      return;
    }
    queueMicrotask(() => {
      if (this.mode === 'die') return this.onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent);
      answer();
    });
  }
  terminate() {
    this.terminated = true;
  }
}

const runnerWith = (w: FakeWorker, fallback?: ImportRunner, timings?: Parameters<typeof workerImportRunner>[2]) =>
  workerImportRunner(() => w as unknown as Worker, fallback, timings);

afterEach(() => void vi.useRealTimers());

describe('workerImportRunner', () => {
  it('imports in the worker, passes its progress on, transfers the bytes after it is ready and ends the worker', async () => {
    const w = new FakeWorker();
    const seen: ImportProgress['phase'][] = [];
    const f = files();
    const buffer = f[0].bytes.buffer;
    const r = await runnerWith(w)(f, {}, (p) => seen.push(p.phase));
    expect(r.ok && r.report.users).toBe(2);
    expect(seen).toContain('parse');
    expect(seen).toContain('assemble');
    expect(w.transferred).toEqual([buffer]);
    expect(w.terminated).toBe(true);
  });

  it('a worker that dies mid-import gives an OL523 error naming the file, not a hang', async () => {
    const w = new FakeWorker('die');
    const r = await runnerWith(w)(files(), {}, () => {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ code: 'OL523', file: 'clicks.csv' });
    expect(r.ok || r.errors[0].message).toMatch(/^clicks\.csv: the import stopped \(boom\); nothing was imported/);
    expect(w.terminated).toBe(true);
  });

  it('falls back to the page thread where no worker can be made', async () => {
    const r = await workerImportRunner(() => {
      throw new Error('no workers here');
    })(files(), {}, () => {});
    expect(r.ok && r.report.kept).toBe(3);
  });

  it('a worker script that fails to load (404, CSP, file://): the files were never handed over and the import runs on the page, with a note', async () => {
    const w = new FakeWorker('loadFail');
    const notes: string[] = [];
    const f = files();
    const r = await runnerWith(w)(f, {}, () => {}, { onNote: (n) => notes.push(n) });
    expect(w.posted).toBe(0); // nothing was transferred to a worker that never loaded
    expect(f[0].bytes.byteLength).toBe(CSV.length); // the person's bytes are intact
    expect(r.ok && r.report.kept).toBe(3);
    expect(w.terminated).toBe(true);
    expect(notes.join(' ')).toMatch(/import worker could not load.*page/i);
  });

  it('a worker that neither loads nor fails: after the (injectable) ready timeout the import runs on the page', async () => {
    vi.useFakeTimers();
    const w = new FakeWorker('mute');
    const notes: string[] = [];
    const done = runnerWith(w, undefined, { readyTimeoutMs: 1000 })(files(), {}, () => {}, { onNote: (n) => notes.push(n) });
    await vi.advanceTimersByTimeAsync(1000);
    const r = await done;
    expect(r.ok && r.report.kept).toBe(3);
    expect(w.posted).toBe(0);
    expect(w.terminated).toBe(true);
    expect(notes.join(' ')).toMatch(/did not start/);
  });

  it('postMessage throwing (a clone error) does not reject: the import runs on the page', async () => {
    const w = new FakeWorker('throwOnPost');
    const notes: string[] = [];
    const r = await runnerWith(w)(files(), {}, () => {}, { onNote: (n) => notes.push(n) });
    expect(r.ok && r.report.kept).toBe(3);
    expect(w.terminated).toBe(true);
    expect(notes.join(' ')).toMatch(/DataCloneError|could not be cloned/);
  });

  it('a fallback that throws does not reject either: it ends with an OL523 message', async () => {
    const broken: ImportRunner = () => Promise.reject(new Error('chunk failed to load'));
    const r = await runnerWith(new FakeWorker('loadFail'), broken)(files(), {}, () => {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ code: 'OL523', file: 'clicks.csv' });
    expect(r.ok || r.errors[0].message).toMatch(/chunk failed to load/);
  });

  it('cancel while the worker parses: the promise settles as cancelled and the worker is terminated', async () => {
    const w = new FakeWorker('hang');
    const ctl = new AbortController();
    const done = runnerWith(w)(files(), {}, () => {}, { signal: ctl.signal });
    await vi.waitFor(() => expect(w.posted).toBe(1));
    ctl.abort();
    const r = await done;
    expect(r).toMatchObject({ ok: false, cancelled: true });
    expect(w.terminated).toBe(true);
  });

  it('cancel before the worker is ready: settles as cancelled, nothing was handed over', async () => {
    const w = new FakeWorker('mute');
    const ctl = new AbortController();
    const f = files();
    const done = runnerWith(w)(f, {}, () => {}, { signal: ctl.signal });
    ctl.abort();
    expect(await done).toMatchObject({ ok: false, cancelled: true });
    expect(w.terminated).toBe(true);
    expect(w.posted).toBe(0);
    expect(f[0].bytes.byteLength).toBe(CSV.length);
  });

  it('an already-cancelled import never starts a worker', async () => {
    const ctl = new AbortController();
    ctl.abort();
    const factory = vi.fn(() => new FakeWorker() as unknown as Worker);
    expect(await workerImportRunner(factory)(files(), {}, () => {}, { signal: ctl.signal })).toMatchObject({ ok: false, cancelled: true });
    expect(factory).not.toHaveBeenCalled();
  });

  it('the in-thread import honours cancel too: its result is dropped', async () => {
    const ctl = new AbortController();
    const done = importInThread(files(), {}, () => {}, { signal: ctl.signal });
    ctl.abort();
    expect(await done).toMatchObject({ ok: false, cancelled: true });
  });

  it('liveness: a silent worker ends with a message after the (injectable) limit; progress counts as life', async () => {
    vi.useFakeTimers();
    const silent = new FakeWorker('hang');
    const lost = runnerWith(silent, undefined, { silentLimitMs: 30 })(files(), {}, () => {});
    await vi.advanceTimersByTimeAsync(100);
    const r = await lost;
    expect(r.ok).toBe(false);
    expect(r.ok || r.errors[0].message).toMatch(/stopped responding/);
    expect(silent.terminated).toBe(true);

    // Slow but progressing: a progress message every 10 ms over 65 ms never trips a 30 ms silence limit.
    const slow = new FakeWorker('slow');
    const fine = runnerWith(slow, undefined, { silentLimitMs: 30 })(files(), {}, () => {});
    await vi.advanceTimersByTimeAsync(200);
    expect((await fine).ok).toBe(true);
  });
});
