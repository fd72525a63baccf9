// The app's single store instance, and the hook components read it through.
import { createLabStore } from '../state/store';

export const useLabStore = createLabStore();
