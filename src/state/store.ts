// The one zustand store, built from three slices: config (URL-mirrored), run status, results by runId.
import { create } from 'zustand';
import { isPreset } from '../core/data/datasetChoice';
import { TrainingClient } from '../worker/client';
import { createConfigSlice, type ConfigSlice } from './configSlice';
import { createDataSlice, type DataSlice, type PresetLoader } from './dataSlice';
import { createResultsSlice, type ResultsSlice } from './resultsSlice';
import { createRunSlice, type RunClient, type RunSlice } from './runSlice';
import type { ClientHandlers } from '../worker/client';

export type LabState = ConfigSlice & RunSlice & ResultsSlice & DataSlice;

/** Generates a preset in this thread: what tests and Node use; the app fetches the static files instead. */
const generatePreset: PresetLoader = async (name) => {
  if (!isPreset(name)) throw new Error(`'${name}' is not a built-in dataset`);
  // Loaded on demand: the app passes its static-file loader and never pulls the generator into its bundle.
  return (await import('../core/data/synthetic')).builtinDataset(name);
};

/** Builds a store; tests pass a fake client, the app uses the worker-backed one and its static-file loader. */
export function createLabStore(makeClient: (h: ClientHandlers) => RunClient = (h) => new TrainingClient(h), loadPreset: PresetLoader = generatePreset) {
  return create<LabState>()((...a) => ({
    ...createConfigSlice(...a),
    ...createDataSlice(loadPreset)(...a),
    ...createResultsSlice(...a),
    ...createRunSlice(makeClient)(...a),
  }));
}

export type LabStore = ReturnType<typeof createLabStore>;
