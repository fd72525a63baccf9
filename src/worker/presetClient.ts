// Parses a built-in dataset's files in a module worker (one per load, ended after it), so the page stays free
// while they are read (~100–450 ms for workshop on a loaded 2-core machine); where the worker cannot start or
// load, the same function runs on the page's thread.
import type { Dataset } from '../core/data/dataset';
import type { SampleFileName } from '../core/data/sampleFileNames';

export type ToPresetWorker = { files: Record<SampleFileName, string> };
export type FromPresetWorker = { ok: true; dataset: Dataset } | { ok: false; message: string };

/** Parses a preset's files into a Dataset; rejects with the parser's message when they are malformed. */
export type SampleParser = (files: Record<SampleFileName, string>) => Promise<Dataset>;

export const parseOnPage: SampleParser = async (files) => (await import('../core/data/sampleFiles')).parseSampleFiles(files);

export const defaultPresetWorkerFactory = (): Worker | null =>
  typeof Worker === 'undefined' ? null : new Worker(new URL('./preset.worker.ts', import.meta.url), { type: 'module' });

/**
 * A SampleParser that uses a worker from `factory`, and `fallback` where none can be made, where its script fails
 * to load, or where it says nothing for `timeoutMs` (the texts are copied to it, so the page still has them).
 */
export function workerSampleParser(factory: () => Worker | null = defaultPresetWorkerFactory, fallback: SampleParser = parseOnPage, timeoutMs = 20_000): SampleParser {
  return (files) => {
    let w: Worker | null;
    try {
      w = factory();
    } catch {
      w = null;
    }
    if (!w) return fallback(files);
    const worker = w;
    return new Promise<Dataset>((resolve, reject) => {
      const end = () => {
        clearTimeout(timer);
        worker.onmessage = worker.onerror = worker.onmessageerror = null;
        worker.terminate();
      };
      const onPage = () => (end(), fallback(files).then(resolve, reject));
      const timer = setTimeout(onPage, timeoutMs);
      worker.onmessage = (e: MessageEvent<FromPresetWorker>) => {
        end();
        if (e.data.ok) resolve(e.data.dataset);
        else reject(new Error(e.data.message));
      };
      worker.onerror = (e: ErrorEvent) => {
        e.preventDefault?.();
        onPage();
      };
      worker.onmessageerror = onPage;
      worker.postMessage({ files } satisfies ToPresetWorker);
    });
  };
}
