// The app's single store instance, and the hook components read it through.
import { fetchText, staticPresetLoader } from '../state/presetFiles';
import { createLabStore } from '../state/store';
import { TrainingClient } from '../worker/client';

export const useLabStore = createLabStore(
  (h) => new TrainingClient(h),
  staticPresetLoader(`${import.meta.env.BASE_URL}sample-data/`, fetchText),
);
