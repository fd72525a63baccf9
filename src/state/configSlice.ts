// The serialisable settings: which lab, which backend, and each lab's config (mirrored to the URL).
import type { StateCreator } from 'zustand';
import { parseField } from '../core/experiment/config';
import { getLab, LABS } from '../core/labs/registry';
import type { BackendChoice } from '../core/tf/backendNames';
import type { LabState } from './store';

export interface ConfigSlice {
  labId: string;
  backend: BackendChoice;
  /** Config per lab, so switching labs keeps each lab's settings. */
  configs: Record<string, Record<string, unknown>>;
  /** Messages about bad input (URL parameters, rejected values); each can be dismissed. */
  notices: string[];
  /** Embed mode, read once from the URL (`?embed=`): one lab's controls and charts, no app chrome. */
  embed: boolean;
  setLab(labId: string): void;
  setBackend(b: BackendChoice): void;
  /** Validates one setting; a bad value is refused with a notice naming it. */
  setConfigValue(key: string, value: unknown): void;
  resetConfig(): void;
  addNotice(text: string): void;
  dismissNotice(index: number): void;
}

export const createConfigSlice: StateCreator<LabState, [], [], ConfigSlice> = (set, get) => ({
  labId: LABS[0].id,
  backend: 'auto',
  configs: Object.fromEntries(LABS.map((l) => [l.id, { ...l.defaults }])),
  notices: [],
  embed: false,
  setLab: (labId) => set({ labId }),
  setBackend: (backend) => set({ backend }),
  setConfigValue: (key, value) => {
    const { labId, configs, classroom } = get();
    // A classroom link locked it: the form shows it disabled, and nothing else (an import, a panel) changes it either.
    if (classroom.lock.includes(key)) return get().addNotice(`'${key}' is locked by this classroom link and keeps its value.`);
    const r = parseField(getLab(labId), key, value);
    if (!r.ok) return get().addNotice(r.issue.message);
    set({ configs: { ...configs, [labId]: { ...configs[labId], [key]: r.value } } });
    get().pushLive(key, r.value);
  },
  resetConfig: () => {
    const { labId, configs } = get();
    set({ configs: { ...configs, [labId]: { ...getLab(labId).defaults } } });
  },
  addNotice: (text) => set((s) => ({ notices: s.notices.includes(text) ? s.notices : [...s.notices, text] })),
  dismissNotice: (index) => set((s) => ({ notices: s.notices.filter((_, i) => i !== index) })),
});
