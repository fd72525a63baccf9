// The thin preset worker: parses a built-in dataset's files (sample-data/<preset>/) off the page's thread.
import { parseSampleFiles } from '../core/data/sampleFiles';
import { datasetBuffers } from './importProtocol';
import type { FromPresetWorker, ToPresetWorker } from './presetClient';

self.onmessage = (e: MessageEvent<ToPresetWorker>) => {
  let msg: FromPresetWorker;
  try {
    msg = { ok: true, dataset: parseSampleFiles(e.data.files) };
  } catch (err) {
    msg = { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  // Transferred, not copied: a copy would be rebuilt on the page's thread, the work this worker is there to spare it.
  self.postMessage(msg, { transfer: msg.ok ? datasetBuffers(msg.dataset) : [] });
};
