// The one zustand store, built from slices: config (URL-mirrored), data, the active run, each lab's last run, sweep,
// findings re-run in the browser.
import { create } from 'zustand';
import { isPreset } from '../core/data/datasetChoice';
import { TrainingClient } from '../worker/client';
import type { ClientHandlers } from '../worker/client';
import { createConfigSlice, type ConfigSlice } from './configSlice';
import type { ImportRunner } from '../worker/importClient';
import { createDataSlice, type DataSlice, type PresetLoader } from './dataSlice';
import { createResultsSlice, newlyEnded, type ResultsSlice } from './resultsSlice';
import { createRunSlice, type RunClient, type RunSlice } from './runSlice';
import { createFindingRunSlice, type FindingRunSlice } from './findingRunSlice';
import { createSweepSlice, type SweepSlice } from './sweepSlice';
import { createHistorySlice, watchHistory, type HistorySlice } from './historySlice';
import { memoryStorage, type RunStorage } from '../storage/runStorage';
import { createLessonSlice, type LessonSlice } from './lessonSlice';

export type LabState = ConfigSlice & RunSlice & ResultsSlice & DataSlice & SweepSlice & FindingRunSlice & HistorySlice & LessonSlice;

/** Generates a preset in this thread: what tests and Node use; the app fetches the static files instead. */
const generatePreset: PresetLoader = async (name) => {
  if (!isPreset(name)) throw new Error(`'${name}' is not a built-in dataset`);
  // Loaded on demand: the app passes its static-file loader and never pulls the generator into its bundle.
  return (await import('../core/data/synthetic')).builtinDataset(name);
};

/**
 * Builds a store; tests pass a fake client (and may pass an import runner), the app uses the worker-backed
 * ones and its static-file loader. Runs are kept in `storage` (the app's is IndexedDB; by default, memory).
 */
export function createLabStore(
  makeClient: (h: ClientHandlers) => RunClient = (h) => new TrainingClient(h),
  loadPreset: PresetLoader = generatePreset,
  runImport?: ImportRunner,
  storage: RunStorage = memoryStorage(),
) {
  const store = create<LabState>()((...a) => {
    const get = a[1];
    // One client, one worker: messages of the sweep on record go to the sweep slice, the rest to the run slice.
    const client = makeClient({
      onMode: (mode, reason) => get().receiveMode(mode, reason),
      onMessage: (msg) => {
        if (msg.runId === get().sweep.runId) return get().receiveSweep(msg);
        if (msg.type === 'sweepProgress' || msg.type === 'sweepRun' || 'sweep' in msg) return; // a sweep no longer on record
        // A finding's re-run: its progress and ending, or its error, go to the finding slice.
        if (msg.type === 'findingProgress' || 'finding' in msg || Object.values(get().findingReruns).some((r) => r.runId === msg.runId)) {
          if (msg.type === 'findingProgress' || msg.type === 'error' || 'finding' in msg) get().receiveFindingRun(msg);
          return;
        }
        get().receiveRun(msg);
      },
    });
    return {
      ...createConfigSlice(...a),
      ...createDataSlice(loadPreset, runImport)(...a),
      ...createResultsSlice(...a),
      ...createRunSlice(client)(...a),
      ...createSweepSlice(client)(...a),
      ...createFindingRunSlice(client)(...a),
      ...createHistorySlice(storage)(...a),
      ...createLessonSlice(...a),
    };
  });
  watchHistory(store);
  void store.getState().loadHistory();
  // A run that ends may finish the open lesson step (its explanation is then shown).
  store.subscribe((s, prev) => {
    for (const r of newlyEnded(s.runs, prev.runs)) s.noteRunEnded(r.labId, r.config, r.outcome!);
  });
  return store;
}

export type LabStore = ReturnType<typeof createLabStore>;
