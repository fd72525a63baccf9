// Runs an import in a module worker (one per import, ended after it), so parsing a 60 MB file never blocks
// the page; where workers are unavailable, the same function runs on the page's thread instead.
import { ImportErrorCode, type ImportFile, type ImportProgress, type ImportResult } from '../core/data/import';
import { fileBuffers, type FromImportWorker, type ImportSettings, type ToImportWorker } from './importProtocol';

/** Imports files with settings, telling `onProgress` how far it is. */
export type ImportRunner = (files: ImportFile[], settings: ImportSettings, onProgress: (p: ImportProgress) => void) => Promise<ImportResult>;

/** Makes the import worker, or returns null / throws where module workers are unavailable. */
export type ImportWorkerFactory = () => Worker | null;

export const defaultImportWorkerFactory: ImportWorkerFactory = () =>
  typeof Worker === 'undefined' ? null : new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });

/** The in-thread fallback: the same `importWithFilter`, loaded only when needed. */
export const importInThread: ImportRunner = async (files, settings, onProgress) => {
  const { importWithFilter } = await import('../core/data/import/importWithFilter');
  return importWithFilter(files, { ...settings, onProgress });
};

let nextId = 1;

/**
 * An ImportRunner that uses a worker from `factory`. The files' buffers are transferred, not copied, so a
 * worker that dies mid-import cannot be retried on the page: that import fails with a message saying so
 * (pick the files again), and the dataset in use stays.
 */
export function workerImportRunner(factory: ImportWorkerFactory = defaultImportWorkerFactory, fallback: ImportRunner = importInThread): ImportRunner {
  return (files, settings, onProgress) => {
    let worker: Worker | null;
    try {
      worker = factory();
    } catch {
      worker = null;
    }
    if (!worker) return fallback(files, settings, onProgress);
    const w = worker;
    const id = nextId++;
    return new Promise<ImportResult>((resolve) => {
      const finish = (result: ImportResult) => {
        w.terminate();
        resolve(result);
      };
      w.onmessage = (e: MessageEvent<FromImportWorker>) => {
        const msg = e.data;
        if (msg.id !== id) return;
        if (msg.type === 'progress') onProgress(msg.progress);
        else finish(msg.result);
      };
      const failed = (why: string) => {
        const file = files[0]?.name ?? '';
        const message = `${file}: the import stopped (${why}); nothing was imported — pick the files again.`;
        finish({ ok: false, errors: [{ file, message, code: ImportErrorCode.ImportStopped }] });
      };
      w.onerror = (e) => {
        e.preventDefault();
        failed(e.message || 'the import worker failed');
      };
      w.onmessageerror = () => failed('its result could not be read');
      const msg: ToImportWorker = { type: 'import', id, files, settings };
      w.postMessage(msg, fileBuffers(files));
    });
  };
}
