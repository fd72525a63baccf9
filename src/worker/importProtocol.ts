// Messages between the page and the import worker, and the transfer list that moves a dataset without copying.
import type { Dataset } from '../core/data/dataset';
import type { ImportFile, ImportProgress, ImportResult } from '../core/data/import';
import type { ImportWithFilterOptions } from '../core/data/import/importWithFilter';

/** What the import reads besides the files: threshold and filter (no callbacks: they cannot cross to a worker). */
export type ImportSettings = Omit<ImportWithFilterOptions, 'onProgress'>;

export type ToImportWorker = { type: 'import'; id: number; files: ImportFile[]; settings: ImportSettings };

/** `ready` is posted once the worker's script (and everything it imports) has loaded: only then are files sent. */
export type FromImportWorker =
  | { type: 'ready' }
  | { type: 'progress'; id: number; progress: ImportProgress }
  | { type: 'done'; id: number; result: ImportResult };

/** The buffers of a dataset's typed arrays (each once), to transfer rather than copy it. */
export function datasetBuffers(d: Dataset): ArrayBuffer[] {
  const a = d.attributes;
  const arrays = [d.interactions.indptr, d.interactions.indices, d.ratings, d.timestamps, d.itemGenres, d.userFeatures?.values, a?.item, a?.relation, a?.entity];
  const buffers = new Set<ArrayBuffer>();
  for (const a of arrays) if (a && a.buffer instanceof ArrayBuffer) buffers.add(a.buffer);
  return [...buffers];
}

/** The files' buffers (each once), to hand them to the worker without a copy. */
export function fileBuffers(files: ImportFile[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const f of files) if (f.bytes.buffer instanceof ArrayBuffer && f.bytes.byteLength > 0) buffers.add(f.bytes.buffer);
  return [...buffers];
}
