// Run history: every finished run and each lab's last sweep, kept in the browser (IndexedDB through
// src/storage) so they survive reloads; names, pins, deletion, the runs overlaid on the charts, and import.
// The slice's state is the working copy: when storage is unavailable or full the app goes on in memory, saying so.
import type { StoreApi } from 'zustand';
import type { StateCreator } from 'zustand';
import { ErrorCode } from '../core/errors';
import { parseRunFile } from '../core/history/runFile';
import { defaultRunName, historyOrder, idRandom, newSavedId, summaryOf, thinForSaving, type SavedPoint, type SavedRun } from '../core/history/savedRun';
import { findLab } from '../core/labs/registry';
import { asStorageError, type RunStorage, type SavedSweep, type StorageError } from '../storage/runStorage';
import { newlyEnded, type RunRecord } from './resultsSlice';
import type { LabState } from './store';

export type HistoryMode = 'loading' | 'kept' | 'memory';

export interface HistoryState {
  /** `kept`: runs survive reloads; `memory`: storage is unavailable, runs last until the page closes. */
  mode: HistoryMode;
  /** Why runs are not kept, or why the last write failed (quota); null when all is well. */
  message: string | null;
  /** Every lab's kept runs, pinned first, then newest first. */
  runs: SavedRun[];
  /** Each lab's last finished sweep. */
  sweeps: Record<string, SavedSweep>;
  /** Kept runs drawn on the charts with the current run (the current lab's are drawn). */
  overlay: string[];
  /** Which kept run each of this page's runs became (the current run is not overlaid on itself). */
  savedIdByRunId: Record<string, string>;
  /** What the last import did: how many runs it added, or why the file was refused. */
  importNote: { ok: boolean; text: string } | null;
}

export interface HistorySlice {
  history: HistoryState;
  /** Reads what storage holds (once, at start), merged with anything kept meanwhile. */
  loadHistory(): Promise<void>;
  /** Keeps a finished run of this page (called when its ending arrives). */
  keepRun(runId: string): void;
  /** Keeps the sweep on record as its lab's last (called when it settles). */
  keepSweep(): void;
  /** Shows the current lab's kept sweep when no sweep of this lab is on record (after a reload, a lab switch). */
  restoreSweep(): void;
  renameRun(id: string, name: string): void;
  setPinned(id: string, pinned: boolean): void;
  deleteRuns(ids: readonly string[]): void;
  /** Deletes the lab's runs that are not pinned. */
  deleteUnpinned(labId: string): void;
  toggleOverlay(id: string): void;
  clearOverlay(): void;
  /** Imports a run file (the app's export or the CLI's --out); a bad file changes nothing and says why. */
  importRunFile(text: string, fileName: string): boolean;
  dismissImportNote(): void;
}

export const EMPTY_HISTORY: HistoryState = { mode: 'loading', message: null, runs: [], sweeps: {}, overlay: [], savedIdByRunId: {}, importNote: null };

const MAX_NAME = 200;

const UNAVAILABLE = (why: string) =>
  `${ErrorCode.HistoryNotKept} Runs are kept only until you close or reload this page: the browser's storage is unavailable (${why}). Everything else works.`;
const FULL = `${ErrorCode.HistoryNotKept} The browser's storage is full: the latest changes are kept only until you reload. Delete runs you no longer need (Delete unpinned), then they are kept again.`;

const point = (e: { step: number; epoch: number; values: Record<string, number> }): SavedPoint => ({ step: e.step, epoch: e.epoch, values: e.values });

/** A finished run of this page as the history keeps it (null: it ended before measuring anything). */
export function savedFromRecord(r: RunRecord, now: number, random: () => number = idRandom): SavedRun | null {
  if (!r.outcome || (r.steps.length === 0 && r.epochs.length === 0)) return null;
  const lab = findLab(r.labId);
  const steps = thinForSaving(r.steps.map(point), r.stepStride);
  const epochs = r.epochs.map(point);
  return {
    id: newSavedId(now, random),
    name: lab ? defaultRunName(r.config, lab.defaults as Record<string, unknown>) : 'run',
    pinned: false,
    createdAt: new Date(now).toISOString(),
    labId: r.labId,
    config: r.config,
    backend: r.backend?.active ?? 'unknown',
    ...(r.backend ? { backendReport: r.backend } : {}),
    seed: typeof r.config.seed === 'number' ? r.config.seed : null,
    outcome: r.outcome,
    summary: summaryOf(epochs),
    totalSteps: r.totalSteps,
    stepsPerEpoch: r.stepsPerEpoch,
    info: r.info,
    epochs,
    steps: steps.items,
    stepStride: steps.stride,
    stepsSeen: r.stepsSeen,
    artifacts: r.artifacts,
    origin: 'browser',
  };
}

export function createHistorySlice(storage: RunStorage): StateCreator<LabState, [], [], HistorySlice> {
  return (set, get) => {
    const patch = (p: Partial<HistoryState> | ((h: HistoryState) => Partial<HistoryState>)) =>
      set((s) => ({ history: { ...s.history, ...(typeof p === 'function' ? p(s.history) : p) } }));
    const failed = (e: StorageError, what = 'A change') =>
      patch(
        e.problem === 'full'
          ? { message: FULL }
          : e.problem === 'refused'
            ? { message: `${ErrorCode.HistoryNotKept} ${what} could not be kept across reloads (${e.message}); it stays until you reload.` }
            : { mode: 'memory', message: UNAVAILABLE(e.message) },
      );
    /** Writes through to storage, never blocking the caller; once storage is unavailable, writes stop. */
    const write = (f: () => Promise<void>, what?: string) => {
      if (get().history.mode === 'memory') return;
      f().then(
        // A write that succeeds after a quota error: there is room again.
        () => {
          if (get().history.message === FULL) patch({ message: null });
        },
        (e) => failed(asStorageError(e), what),
      );
    };
    const updateRun = (id: string, f: (r: SavedRun) => SavedRun) => {
      const r = get().history.runs.find((x) => x.id === id);
      if (!r) return;
      const next = f(r);
      patch((h) => ({ runs: h.runs.map((x) => (x.id === id ? next : x)).sort(historyOrder) }));
      write(() => storage.putRun(next));
    };
    const remove = (ids: readonly string[]) => {
      if (ids.length === 0) return;
      const gone = new Set(ids);
      patch((h) => ({ runs: h.runs.filter((r) => !gone.has(r.id)), overlay: h.overlay.filter((id) => !gone.has(id)) }));
      write(() => storage.deleteRuns(ids));
    };

    return {
      history: EMPTY_HISTORY,
      loadHistory: async () => {
        try {
          const loaded = await storage.loadAll();
          patch((h) => {
            const mine = new Set(h.runs.map((r) => r.id));
            return {
              mode: h.mode === 'memory' ? 'memory' : 'kept',
              runs: [...h.runs, ...loaded.runs.filter((r) => !mine.has(r.id))].sort(historyOrder),
              sweeps: { ...Object.fromEntries(loaded.sweeps.map((s) => [s.labId, s])), ...h.sweeps },
            };
          });
        } catch (e) {
          // Nothing could be read: whatever the reason, nothing will be kept either.
          failed(asStorageError(e, 'unavailable'));
          if (get().history.mode === 'loading') patch({ mode: 'memory' });
        }
        get().restoreSweep();
      },
      keepRun: (runId) => {
        const s = get();
        const record = s.runs[runId];
        if (!record || runId in s.history.savedIdByRunId) return;
        const saved = savedFromRecord(record, Date.now());
        if (!saved) return;
        patch((h) => ({ runs: [saved, ...h.runs].sort(historyOrder), savedIdByRunId: { ...h.savedIdByRunId, [runId]: saved.id } }));
        write(() => storage.putRun(saved), `The run “${saved.name}”`);
      },
      keepSweep: () => {
        const { sweep } = get();
        if (!sweep.labId || sweep.runs.length === 0) return;
        // The worker's id is not kept: it means nothing after a reload, and must never match a new sweep's messages.
        const kept: SavedSweep = { labId: sweep.labId, savedAt: new Date().toISOString(), sweep: { ...sweep, runId: null } };
        patch((h) => ({ sweeps: { ...h.sweeps, [kept.labId]: kept } }));
        write(() => storage.putSweep(kept), 'The sweep');
      },
      restoreSweep: () => {
        const { labId, sweep, history } = get();
        if (sweep.status === 'running' || sweep.labId === labId) return;
        const kept = history.sweeps[labId];
        if (kept) set({ sweep: { ...kept.sweep, runId: null, settled: true } });
      },
      renameRun: (id, name) => {
        const clean = name.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').trim().slice(0, MAX_NAME);
        if (clean) updateRun(id, (r) => ({ ...r, name: clean }));
      },
      setPinned: (id, pinned) => updateRun(id, (r) => ({ ...r, pinned })),
      deleteRuns: (ids) => remove(ids),
      deleteUnpinned: (labId) => remove(get().history.runs.filter((r) => r.labId === labId && !r.pinned).map((r) => r.id)),
      toggleOverlay: (id) => patch((h) => ({ overlay: h.overlay.includes(id) ? h.overlay.filter((x) => x !== id) : [...h.overlay, id] })),
      clearOverlay: () => patch({ overlay: [] }),
      importRunFile: (text, fileName) => {
        const r = parseRunFile(text, fileName);
        if (!r.ok) {
          patch({ importNote: { ok: false, text: `${r.message}. Nothing was imported; the runs already kept are unchanged.` } });
          return false;
        }
        const here = get().labId;
        const names = r.runs.map((x) => `“${x.name}”${x.labId === here ? '' : ` (in ${findLab(x.labId)?.title ?? x.labId})`}`).join(', ');
        patch((h) => ({
          runs: [...r.runs, ...h.runs].sort(historyOrder),
          importNote: { ok: true, text: `Imported ${r.runs.length === 1 ? 'one run' : `${r.runs.length} runs`} from ${fileName}: ${names.length > 300 ? `${names.slice(0, 300)}…` : names}.` },
        }));
        for (const run of r.runs) write(() => storage.putRun(run), `The run “${run.name}”`);
        return true;
      },
      dismissImportNote: () => patch({ importNote: null }),
    };
  };
}

/**
 * Keeps what finishes, as it finishes: a run when its ending lands in its record, a sweep of this page each
 * time it changes once settled (a cancelled sweep's last run may land after), and the lab's kept sweep on a
 * lab switch. A store subscription, so the run and sweep slices need not know about history.
 */
export function watchHistory(store: StoreApi<LabState>): () => void {
  return store.subscribe((s, prev) => {
    for (const r of newlyEnded(s.runs, prev.runs)) s.keepRun(r.runId);
    if (s.sweep !== prev.sweep && s.sweep.settled && s.sweep.runId !== null && s.sweep.runs.length > 0) s.keepSweep();
    if (s.labId !== prev.labId) s.restoreSweep();
  });
}
