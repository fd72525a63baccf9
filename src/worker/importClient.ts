// Runs an import in a module worker (one per import, ended after it), so parsing a 60 MB file never blocks
// the page; where workers are unavailable, or the worker's script cannot load, the same function runs on the
// page's thread instead.
import { ImportErrorCode, type ImportFile, type ImportIssue, type ImportProgress, type ImportResult } from '../core/data/import';
import { fileBuffers, type FromImportWorker, type ImportSettings, type ToImportWorker } from './importProtocol';

/** What an import can be given besides its files: a signal that cancels it, and a way to tell the person something. */
export interface ImportRunOptions {
  /** Aborting it ends the import at once: the worker is terminated and the promise settles as cancelled. */
  signal?: AbortSignal;
  /** A note for the person (e.g. the worker could not load, so the page parsed the files). */
  onNote?: (note: string) => void;
}

/** An import the person cancelled: nothing was imported. */
export type CancelledImport = { ok: false; cancelled: true; errors: ImportIssue[] };

/** Imports files with settings, telling `onProgress` how far it is. Settles (never rejects) with the result. */
export type ImportRunner = (
  files: ImportFile[],
  settings: ImportSettings,
  onProgress: (p: ImportProgress) => void,
  opts?: ImportRunOptions,
) => Promise<ImportResult | CancelledImport>;

/** Makes the import worker, or returns null / throws where module workers are unavailable. */
export type ImportWorkerFactory = () => Worker | null;

/**
 * How long the page waits for the worker's `ready` before parsing on the page instead, and how long a loaded
 * worker may send nothing (no progress) before the import is taken as stopped. Progress messages count as life,
 * so only a worker silent for the whole limit trips it; both are generous (a phase of a 60 MB import takes seconds).
 */
export interface ImportTimings {
  readyTimeoutMs: number;
  silentLimitMs: number;
}
export const DEFAULT_IMPORT_TIMINGS: ImportTimings = { readyTimeoutMs: 20_000, silentLimitMs: 120_000 };

export const defaultImportWorkerFactory: ImportWorkerFactory = () =>
  typeof Worker === 'undefined' ? null : new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });

const why = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The settled result of a cancelled import. */
export function cancelledImport(files: ImportFile[]): CancelledImport {
  return { ok: false, cancelled: true, errors: [{ file: files[0]?.name ?? '', code: ImportErrorCode.ImportStopped, message: 'You cancelled the import; nothing was imported.' }] };
}

/** An import that could not go on: nothing was imported, the person is told why and to pick the files again. */
function stopped(files: ImportFile[], reason: string): ImportResult {
  const file = files[0]?.name ?? '';
  return { ok: false, errors: [{ file, message: `${file}: the import stopped (${reason}); nothing was imported — pick the files again.`, code: ImportErrorCode.ImportStopped }] };
}

/** The in-thread fallback: the same `importWithFilter`, loaded only when needed. Its result is dropped if cancelled meanwhile. */
export const importInThread: ImportRunner = async (files, settings, onProgress, opts) => {
  const signal = opts?.signal;
  if (signal?.aborted) return cancelledImport(files);
  const { importWithFilter } = await import('../core/data/import/importWithFilter');
  if (signal?.aborted) return cancelledImport(files);
  const result = importWithFilter(files, { ...settings, onProgress });
  return signal?.aborted ? cancelledImport(files) : result;
};

let nextId = 1;

/**
 * An ImportRunner that uses a worker from `factory`. The files go to the worker only once it says `ready`: a
 * worker whose script cannot load (404, a CSP without worker-src, file://) or that does not start in time has
 * been given nothing, so the import runs on the page with `fallback`, and a note says so. Once handed over the
 * buffers are transferred, not copied, so a worker that dies (or stays silent) mid-import cannot be retried on
 * the page: that import fails with a message saying so (pick the files again), and the dataset in use stays.
 * Cancelling terminates the worker. The promise never rejects.
 */
export function workerImportRunner(
  factory: ImportWorkerFactory = defaultImportWorkerFactory,
  fallback: ImportRunner = importInThread,
  timings: Partial<ImportTimings> = {},
): ImportRunner {
  const { readyTimeoutMs, silentLimitMs } = { ...DEFAULT_IMPORT_TIMINGS, ...timings };
  return async (files, settings, onProgress, opts = {}) => {
    const { signal, onNote } = opts;
    if (signal?.aborted) return cancelledImport(files);
    const onPage = async (note?: string): Promise<ImportResult | CancelledImport> => {
      if (note) onNote?.(note);
      try {
        return await fallback(files, settings, onProgress, opts);
      } catch (e) {
        return stopped(files, `it could not run on this page: ${why(e)}`);
      }
    };
    let worker: Worker | null;
    try {
      worker = factory();
    } catch {
      worker = null;
    }
    if (!worker) return onPage();
    const w = worker;
    const id = nextId++;
    return new Promise<ImportResult | CancelledImport>((resolve) => {
      let ready = false;
      let over = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      /** (Re)arms the one timer: the ready timeout before `ready`, the silence limit after. */
      const arm = () => {
        clearTimeout(timer);
        timer = ready
          ? setTimeout(() => failed(`the import worker stopped responding: nothing from it for ${Math.round(silentLimitMs / 1000)} s`), silentLimitMs)
          : setTimeout(() => notLoaded(`it did not start within ${Math.round(readyTimeoutMs / 1000)} s`), readyTimeoutMs);
      };
      const end = () => {
        if (over) return false;
        over = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', cancel);
        w.onmessage = w.onerror = w.onmessageerror = null;
        w.terminate();
        return true;
      };
      const finish = (result: ImportResult | CancelledImport) => end() && resolve(result);
      const failed = (reason: string) => finish(stopped(files, reason));
      // Nothing was handed over yet: the files are intact, so the page parses them itself.
      const notLoaded = (reason: string) => {
        if (end()) resolve(onPage(`The import worker could not load (${reason}); the files were parsed on this page instead, which may pause it for a moment.`));
      };
      const cancel = () => finish(cancelledImport(files));
      signal?.addEventListener('abort', cancel, { once: true });
      w.onmessage = (e: MessageEvent<FromImportWorker>) => {
        const msg = e.data;
        if (msg.type === 'ready') {
          if (ready) return;
          ready = true;
          arm();
          const toWorker: ToImportWorker = { type: 'import', id, files, settings };
          const lengths = files.map((f) => f.bytes.byteLength);
          try {
            w.postMessage(toWorker, fileBuffers(files));
          } catch (err) {
            // A failed postMessage transfers nothing (the clone fails first), but check before reusing the bytes:
            // a transferred (detached) buffer reads as 0 bytes.
            const intact = files.every((f, k) => f.bytes.byteLength === lengths[k]);
            if (intact) notLoaded(`the files could not be sent to it: ${why(err)}`);
            else failed(`the files could not be sent to the import worker: ${why(err)}`);
          }
          return;
        }
        if (msg.id !== id) return;
        arm(); // any message from it is life
        if (msg.type === 'progress') onProgress(msg.progress);
        else finish(msg.result);
      };
      w.onerror = (e) => {
        e.preventDefault?.();
        if (!ready) notLoaded(e.message || 'its script failed to load');
        else failed(e.message || 'the import worker failed');
      };
      w.onmessageerror = () => failed('its result could not be read');
      arm();
    });
  };
}
