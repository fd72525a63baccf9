// The thin import worker: decodes and parses the person's files off the page's thread, posting progress.
import { importWithFilter } from '../core/data/import/importWithFilter';
import { datasetBuffers, type FromImportWorker, type ToImportWorker } from './importProtocol';

const post = (msg: FromImportWorker, transfer: Transferable[] = []) => self.postMessage(msg, { transfer });

self.onmessage = (e: MessageEvent<ToImportWorker>) => {
  const { id, files, settings } = e.data;
  const result = importWithFilter(files, { ...settings, onProgress: (progress) => post({ type: 'progress', id, progress }) });
  post({ type: 'done', id, result }, result.ok ? datasetBuffers(result.dataset) : []);
};

// Loaded (a module worker runs this only after its imports have): the page may now hand over the files.
post({ type: 'ready' });
