import { describe, expect, it } from 'vitest';
import type { Dataset } from '../core/data/dataset';
import type { SampleFileName } from '../core/data/sampleFileNames';
import { workerSampleParser, type FromPresetWorker, type ToPresetWorker } from './presetClient';

/** A stand-in worker that answers with `reply` (or fails to load when `reply` is 'load error'). */
class FakeWorker {
  posted: ToPresetWorker[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent<FromPresetWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  constructor(private readonly reply: FromPresetWorker | 'load error' | 'silent') {}
  postMessage(m: ToPresetWorker) {
    this.posted.push(m);
    const r = this.reply;
    setTimeout(() => {
      if (r === 'load error') this.onerror?.({ message: 'failed to load', preventDefault() {} } as ErrorEvent);
      else if (r !== 'silent') this.onmessage?.({ data: r } as MessageEvent<FromPresetWorker>);
    }, 0);
  }
  terminate() {
    this.terminated = true;
  }
}

const FILES = { 'interactions.csv': 'a' } as Record<SampleFileName, string>;
const PARSED = { name: 'parsed' } as unknown as Dataset;
const ON_PAGE = { name: 'on page' } as unknown as Dataset;
const onPage = async () => ON_PAGE;

describe('workerSampleParser', () => {
  it('hands the files to the worker and resolves with its dataset, then ends the worker', async () => {
    const w = new FakeWorker({ ok: true, dataset: PARSED });
    await expect(workerSampleParser(() => w as unknown as Worker, onPage)(FILES)).resolves.toBe(PARSED);
    expect(w.posted).toEqual([{ files: FILES }]);
    expect(w.terminated).toBe(true);
  });

  it("rejects with the parser's message when the files are malformed", async () => {
    const w = new FakeWorker({ ok: false, message: 'items.csv line 3: bad' });
    await expect(workerSampleParser(() => w as unknown as Worker, onPage)(FILES)).rejects.toThrow('items.csv line 3: bad');
  });

  it('parses on the page where no worker can be made, where its script fails, or where it stays silent', async () => {
    await expect(workerSampleParser(() => null, onPage)(FILES)).resolves.toBe(ON_PAGE);
    const broken = () => {
      throw new Error('no workers');
    };
    await expect(workerSampleParser(broken, onPage)(FILES)).resolves.toBe(ON_PAGE);
    await expect(workerSampleParser(() => new FakeWorker('load error') as unknown as Worker, onPage)(FILES)).resolves.toBe(ON_PAGE);
    const silent = new FakeWorker('silent');
    await expect(workerSampleParser(() => silent as unknown as Worker, onPage, 20)(FILES)).resolves.toBe(ON_PAGE);
    expect(silent.terminated).toBe(true);
  });
});
