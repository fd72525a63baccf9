// The one zustand store, built from three slices: config (URL-mirrored), run status, results by runId.
import { create } from 'zustand';
import { TrainingClient } from '../worker/client';
import { createConfigSlice, type ConfigSlice } from './configSlice';
import { createResultsSlice, type ResultsSlice } from './resultsSlice';
import { createRunSlice, type RunClient, type RunSlice } from './runSlice';
import type { ClientHandlers } from '../worker/client';

export type LabState = ConfigSlice & RunSlice & ResultsSlice;

/** Builds a store; tests pass a fake client, the app uses the worker-backed one. */
export function createLabStore(makeClient: (h: ClientHandlers) => RunClient = (h) => new TrainingClient(h)) {
  return create<LabState>()((...a) => ({
    ...createConfigSlice(...a),
    ...createResultsSlice(...a),
    ...createRunSlice(makeClient)(...a),
  }));
}

export type LabStore = ReturnType<typeof createLabStore>;
