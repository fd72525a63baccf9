import { describe, expect, it } from 'vitest';
import type { ImportProgress } from '../core/data/import';
import { importWithFilter } from '../core/data/import/importWithFilter';
import { workerImportRunner } from './importClient';
import type { FromImportWorker, ToImportWorker } from './importProtocol';

const enc = (s: string) => new TextEncoder().encode(s);
const CSV = 'user,item\na,x\na,y\nb,x\n';

/** A stand-in Worker that runs the same import as import.worker.ts when posted to, or dies if told to. */
class FakeWorker {
  onmessage: ((e: MessageEvent<FromImportWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  terminated = false;
  transferred: unknown[] = [];
  constructor(private readonly die = false) {}
  postMessage(msg: ToImportWorker, transfer: unknown[]) {
    this.transferred = transfer;
    queueMicrotask(() => {
      if (this.die) return this.onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent);
      const send = (m: FromImportWorker) => this.onmessage?.({ data: m } as MessageEvent<FromImportWorker>);
      const result = importWithFilter(msg.files, { ...msg.settings, onProgress: (progress) => send({ type: 'progress', id: msg.id, progress }) });
      send({ type: 'done', id: msg.id, result });
    });
  }
  terminate() {
    this.terminated = true;
  }
}

describe('workerImportRunner', () => {
  it('imports in the worker, passes its progress on, transfers the bytes and ends the worker', async () => {
    const w = new FakeWorker();
    const run = workerImportRunner(() => w as unknown as Worker);
    const seen: ImportProgress['phase'][] = [];
    const files = [{ name: 'clicks.csv', bytes: enc(CSV) }];
    const r = await run(files, {}, (p) => seen.push(p.phase));
    expect(r.ok && r.report.users).toBe(2);
    expect(seen).toContain('parse');
    expect(seen).toContain('assemble');
    expect(w.transferred).toEqual([files[0].bytes.buffer]);
    expect(w.terminated).toBe(true);
  });

  it('a worker that dies gives an OL523 error naming the file, not a hang', async () => {
    const w = new FakeWorker(true);
    const r = await workerImportRunner(() => w as unknown as Worker)([{ name: 'clicks.csv', bytes: enc(CSV) }], {}, () => {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ code: 'OL523', file: 'clicks.csv' });
    expect(r.ok || r.errors[0].message).toMatch(/^clicks\.csv: the import stopped \(boom\); nothing was imported/);
    expect(w.terminated).toBe(true);
  });

  it('falls back to the page thread where no worker can be made', async () => {
    const r = await workerImportRunner(() => {
      throw new Error('no workers here');
    })([{ name: 'clicks.csv', bytes: enc(CSV) }], {}, () => {});
    expect(r.ok && r.report.kept).toBe(3);
  });
});
