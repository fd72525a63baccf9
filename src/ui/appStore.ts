// The app's single store instance, and the hook components read it through.
import { fetchText, staticPresetLoader } from '../state/presetFiles';
import { createLabStore } from '../state/store';
import { idbRunStorage } from '../storage/idbRunStorage';
import { TrainingClient, timingsFrom } from '../worker/client';
import { workerSampleParser } from '../worker/presetClient';

// End-to-end tests shorten the worker's timeouts with a script run before the page (a link cannot set this).
const timings = timingsFrom((globalThis as { __objectiveLabClientTimings?: unknown }).__objectiveLabClientTimings);

export const useLabStore = createLabStore(
  (h) => new TrainingClient(h, undefined, undefined, timings),
  // Parsed in a worker: on the page's thread, the files held it for ~100–450 ms as it opened.
  staticPresetLoader(`${import.meta.env.BASE_URL}sample-data/`, fetchText, workerSampleParser()),
  undefined,
  idbRunStorage(),
);
