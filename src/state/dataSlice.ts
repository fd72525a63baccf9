// The datasets the page has loaded (built-in presets fetched as static files, or the person's import),
// and the state of an import: its report, or the errors that kept it from loading.
import type { StateCreator } from 'zustand';
import type { Dataset } from '../core/data/dataset';
import { IMPORTED } from '../core/data/datasetChoice';
import { DEFAULT_RATING_THRESHOLD, ImportErrorCode, type ImportIssue, type ImportProgress, type ImportReport } from '../core/data/import';
import type { ImportFile } from '../core/data/import/detectFormat';
import { workerImportRunner, type ImportRunner } from '../worker/importClient';
import type { LabState } from './store';

export interface DataSlice {
  /** Loaded datasets by the name a lab's `dataset` setting uses ('tiny', 'workshop', 'imported'). */
  datasets: Record<string, Dataset>;
  /** Names being fetched now, and names that failed (with why). */
  loading: string[];
  loadErrors: Record<string, string>;
  /** Ratings at or above this count as a positive interaction when importing explicit ratings. */
  ratingThreshold: number;
  /** Optional k-core filter applied on import: keep users / items with at least this many interactions. */
  minPerUser: number;
  minPerItem: number;
  importReport: ImportReport | null;
  /** True from the moment files are picked until the import is accepted, refused or cancelled. */
  importing: boolean;
  /** How far the import is (reading, decoding, parsing with its fraction, assembling); null when idle. */
  importProgress: ImportProgress | null;
  importErrors: ImportIssue[] | null;
  /** The last import was cancelled by the person (not an error: the page says so plainly). */
  importCancelled: boolean;
  setRatingThreshold(t: number): void;
  setImportFilter(f: { minPerUser?: number; minPerItem?: number }): void;
  /** Loads a built-in preset once (no-op when loaded or loading). */
  ensurePreset(name: string): Promise<void>;
  /** Files were picked and are being read (the page shows it before their bytes arrive). */
  startImport(): void;
  /** Reading the picked files failed: the import ends with that error, nothing changes. */
  importReadFailed(why: string): void;
  /**
   * Parses the person's files in the import worker; on success they become the 'imported' dataset, on
   * failure nothing changes but the errors shown (the dataset in use stays in use until a new one is accepted).
   */
  importFiles(files: ImportFile[]): Promise<void>;
  /**
   * Ends the import in progress now (its worker is terminated; files still being read are never imported):
   * the dataset in use stays, a message says the import was cancelled, and a new import can start at once.
   */
  cancelImport(): void;
}

/** Fetches and parses a built-in preset (the app: static files; tests: a stub). */
export type PresetLoader = (name: string) => Promise<Dataset>;

/**
 * `runImport` parses files (default: in a module worker, falling back to the page's thread where workers are
 * unavailable); tests pass the in-thread runner.
 */
export function createDataSlice(loadPreset: PresetLoader, runImport: ImportRunner = workerImportRunner()): StateCreator<LabState, [], [], DataSlice> {
  return (set, get) => {
    /** The import in progress (from `startImport` or `importFiles`); aborting it cancels it. Null when idle. */
    let active: AbortController | null = null;
    /** Set by `startImport` while the picked files are read: the `importFiles` that follows belongs to it. */
    let reading: AbortController | null = null;
    return {
      datasets: {},
      loading: [],
      loadErrors: {},
      ratingThreshold: DEFAULT_RATING_THRESHOLD,
      minPerUser: 0,
      minPerItem: 0,
      importReport: null,
      importing: false,
      importProgress: null,
      importErrors: null,
      importCancelled: false,
      setRatingThreshold: (t) => set({ ratingThreshold: t }),
      setImportFilter: (f) => set(f),
      ensurePreset: async (name) => {
        const s = get();
        if (name === IMPORTED || s.datasets[name] || s.loading.includes(name)) return;
        set({ loading: [...s.loading, name] });
        try {
          const d = await loadPreset(name);
          set((x) => ({ datasets: { ...x.datasets, [name]: d } }));
        } catch (e) {
          const why = e instanceof Error ? e.message : String(e);
          set((x) => ({ loadErrors: { ...x.loadErrors, [name]: why } }));
          get().addNotice(`Could not load the built-in dataset '${name}' (${why}); runs will generate it in the worker instead.`);
        } finally {
          set((x) => ({ loading: x.loading.filter((n) => n !== name) }));
        }
      },
      startImport: () => {
        active?.abort();
        active = reading = new AbortController();
        set({ importing: true, importProgress: { phase: 'read', fraction: 0 }, importCancelled: false });
      },
      importReadFailed: (why) => {
        active = reading = null;
        set({
          importing: false,
          importProgress: null,
          importErrors: [{ file: '', code: ImportErrorCode.ImportStopped, message: `The files could not be read (${why}); nothing was imported — pick them again.` }],
        });
      },
      importFiles: async (files) => {
        let ctl: AbortController;
        if (reading) {
          // The files picked after `startImport`: if that import was cancelled while they were read, drop them.
          ctl = reading;
          reading = null;
          if (ctl.signal.aborted) return;
        } else {
          active?.abort();
          ctl = active = new AbortController();
        }
        const { signal } = ctl;
        set({ importing: true, importProgress: { phase: 'decode', fraction: 0 }, importCancelled: false });
        const { ratingThreshold, minPerUser, minPerItem } = get();
        let r: Awaited<ReturnType<ImportRunner>>;
        try {
          r = await runImport(files, { ratingThreshold, minPerUser, minPerItem }, (p) => !signal.aborted && set({ importProgress: p }), {
            signal,
            onNote: (note) => !signal.aborted && get().addNotice(note),
          });
        } catch (e) {
          // A runner should settle, but whatever throws (postMessage, the in-thread parse) must not leave "Importing" on.
          const file = files[0]?.name ?? '';
          const why = e instanceof Error ? e.message : String(e);
          r = { ok: false, errors: [{ file, code: ImportErrorCode.ImportStopped, message: `${file}: the import failed (${why}); nothing was imported — pick the files again.` }] };
        }
        // Cancelled or replaced meanwhile: `cancelImport` (or the newer import) owns the state now.
        if (signal.aborted || active !== ctl) return;
        active = null;
        set({ importing: false, importProgress: null });
        if (!r.ok) return set({ importErrors: r.errors });
        const { dataset, report } = r;
        set((x) => ({ datasets: { ...x.datasets, [IMPORTED]: dataset }, importReport: report, importErrors: null }));
        get().setConfigValue('dataset', IMPORTED);
      },
      cancelImport: () => {
        if (!active && !get().importing) return;
        // `reading` stays (aborted): the files still being read for this import are then dropped on arrival.
        active?.abort();
        active = null;
        set({ importing: false, importProgress: null, importErrors: null, importCancelled: true });
      },
    };
  };
}
