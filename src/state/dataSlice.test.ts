import { describe, expect, it } from 'vitest';
import type { ImportResult } from '../core/data/import';
import { importInThread, type ImportRunner } from '../worker/importClient';
import type { RunClient } from './runSlice';
import { createLabStore } from './store';

const enc = (s: string) => new TextEncoder().encode(s);
const client = new Proxy({}, { get: () => () => 'r1' }) as RunClient;
const store = (runImport?: ImportRunner) => createLabStore(() => client, undefined, runImport);
const CSV = 'user,item\na,x\na,y\nb,x\n';

describe('the data slice', () => {
  it('reports each import phase, and switches to the new data only once it is accepted', async () => {
    const s = store();
    await s.getState().importFiles([{ name: 'first.csv', bytes: enc(CSV) }]);
    const before = s.getState().datasets.imported;
    const seen: { phase: string; sameData: boolean; dataset: unknown }[] = [];
    const stop = s.subscribe((x) => {
      if (x.importProgress) seen.push({ phase: x.importProgress.phase, sameData: x.datasets.imported === before, dataset: x.configs[x.labId].dataset });
    });
    s.getState().startImport();
    await s.getState().importFiles([{ name: 'second.csv', bytes: enc(CSV + 'c,z\nc,x\n') }]);
    stop();
    expect([...new Set(seen.map((e) => e.phase))]).toEqual(['read', 'decode', 'parse', 'assemble']);
    expect(seen.every((e) => e.sameData)).toBe(true);
    const after = s.getState();
    expect(after.importing).toBe(false);
    expect(after.importProgress).toBeNull();
    expect(after.datasets.imported.userIds).toEqual(['a', 'b', 'c']);
  });

  it('a read failure ends the import with OL523 and keeps the dataset in use', async () => {
    const s = store();
    await s.getState().importFiles([{ name: 'first.csv', bytes: enc(CSV) }]);
    const before = s.getState().datasets.imported;
    s.getState().startImport();
    s.getState().importReadFailed('NotReadableError');
    const after = s.getState();
    expect(after.importing).toBe(false);
    expect(after.importErrors?.[0]).toMatchObject({ code: 'OL523' });
    expect(after.importErrors?.[0].message).toMatch(/could not be read \(NotReadableError\)/);
    expect(after.datasets.imported).toBe(before);
  });

  /** A store whose first import (in-thread) succeeds and whose later imports go to `next`. */
  async function storeWithData(next: ImportRunner) {
    let calls = 0;
    const s = store((f, settings, onProgress, opts) => (calls++ === 0 ? importInThread(f, settings, onProgress, opts) : next(f, settings, onProgress, opts)));
    await s.getState().importFiles([{ name: 'first.csv', bytes: enc(CSV) }]);
    expect(s.getState().configs[s.getState().labId].dataset).toBe('imported');
    return s;
  }

  it('an import runner that rejects ends the import with a message naming why; the dataset in use stays', async () => {
    const s = await storeWithData(() => Promise.reject(new Error('chunk failed to load')));
    const before = s.getState().datasets.imported;
    await s.getState().importFiles([{ name: 'second.csv', bytes: enc(CSV) }]);
    const after = s.getState();
    expect(after.importing).toBe(false);
    expect(after.importProgress).toBeNull();
    expect(after.importErrors?.[0]).toMatchObject({ code: 'OL523', file: 'second.csv' });
    expect(after.importErrors?.[0].message).toMatch(/chunk failed to load/);
    expect(after.datasets.imported).toBe(before);
  });

  it('an import runner that throws at once (postMessage, importInThread) ends the import the same way', async () => {
    const s = await storeWithData(() => {
      throw new DOMException('could not be cloned', 'DataCloneError');
    });
    const before = s.getState().datasets.imported;
    await expect(s.getState().importFiles([{ name: 'second.csv', bytes: enc(CSV) }])).resolves.toBeUndefined();
    const after = s.getState();
    expect(after.importing).toBe(false);
    expect(after.importErrors?.[0].message).toMatch(/could not be cloned/);
    expect(after.datasets.imported).toBe(before);
  });

  it('Cancel ends a hung import at once with a clear message, keeps the dataset in use, and a new import then works', async () => {
    let hung: { signal?: AbortSignal; resolve(r: ImportResult): void } | null = null;
    let calls = 0;
    const s = store((f, settings, onProgress, opts) => {
      if (++calls !== 2) return importInThread(f, settings, onProgress, opts);
      return new Promise<ImportResult>((resolve) => (hung = { signal: opts?.signal, resolve }));
    });
    await s.getState().importFiles([{ name: 'first.csv', bytes: enc(CSV) }]);
    const before = s.getState().datasets.imported;
    s.getState().startImport();
    const pending = s.getState().importFiles([{ name: 'big.csv', bytes: enc(CSV + 'c,z\n') }]);
    await Promise.resolve();
    expect(s.getState().importing).toBe(true);
    s.getState().cancelImport();
    expect(hung!.signal?.aborted).toBe(true); // the runner was told (it terminates its worker)
    let now = s.getState();
    expect(now.importing).toBe(false);
    expect(now.importProgress).toBeNull();
    expect(now).toMatchObject({ importCancelled: true, importErrors: null });
    expect(now.datasets.imported).toBe(before);
    // A result that still arrives from the cancelled import is dropped.
    hung!.resolve(await importInThread([{ name: 'big.csv', bytes: enc(CSV + 'c,z\nd,z\n') }], {}, () => {}));
    await pending;
    expect(s.getState().datasets.imported).toBe(before);
    expect(s.getState()).toMatchObject({ importCancelled: true, importErrors: null });
    // A new import works.
    s.getState().startImport();
    await s.getState().importFiles([{ name: 'third.csv', bytes: enc(CSV + 'c,z\n') }]);
    now = s.getState();
    expect(now.importing).toBe(false);
    expect(now.importErrors).toBeNull();
    expect(now.importCancelled).toBe(false);
    expect(now.datasets.imported.userIds).toEqual(['a', 'b', 'c']);
  });

  it('Cancel while the picked files are still being read: their import never starts', async () => {
    const s = store();
    s.getState().startImport();
    s.getState().cancelImport();
    await s.getState().importFiles([{ name: 'late.csv', bytes: enc(CSV) }]);
    expect(s.getState().importing).toBe(false);
    expect(s.getState().datasets.imported).toBeUndefined();
    expect(s.getState()).toMatchObject({ importCancelled: true, importErrors: null });
  });

  it('a note from the runner (the worker could not load, so the page parsed) reaches the notices', async () => {
    const s = store((f, settings, onProgress, opts) => {
      opts?.onNote?.('The import worker could not load; the files were parsed on this page.');
      return importInThread(f, settings, onProgress, opts);
    });
    await s.getState().importFiles([{ name: 'first.csv', bytes: enc(CSV) }]);
    expect(s.getState().notices.join(' ')).toMatch(/parsed on this page/);
    expect(s.getState().datasets.imported.userIds).toEqual(['a', 'b']);
  });
});
