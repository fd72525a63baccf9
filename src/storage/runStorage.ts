// Where kept runs and sweeps live between reloads: a small interface, an in-memory version (tests, Node, and
// the app's fallback) and the errors the history slice tells apart.
import type { SavedRun } from '../core/history/savedRun';
import type { SweepState } from '../state/sweepSlice';

/** The last finished sweep of a lab, as kept. */
export interface SavedSweep {
  labId: string;
  savedAt: string;
  sweep: SweepState;
}

/**
 * What the run history needs from a store. Every call is async (IndexedDB is), and may reject with a
 * `StorageError`: `unavailable` (no IndexedDB, private mode, blocked by another tab), `full` (quota), or
 * `refused` (this one item could not be stored, e.g. an artifact the browser cannot clone; others still can).
 */
export interface RunStorage {
  loadAll(): Promise<{ runs: SavedRun[]; sweeps: SavedSweep[] }>;
  putRun(run: SavedRun): Promise<void>;
  deleteRuns(ids: readonly string[]): Promise<void>;
  putSweep(sweep: SavedSweep): Promise<void>;
}

export type StorageProblem = 'unavailable' | 'full' | 'refused';

export class StorageError extends Error {
  constructor(
    readonly problem: StorageProblem,
    message: string,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}

/**
 * Any failure as a StorageError: a quota error (by any of its names across browsers) is `full`; anything else
 * is `otherwise` (a failed open: `unavailable`; a failed write of one item: `refused`).
 */
export function asStorageError(e: unknown, otherwise: StorageProblem = 'refused'): StorageError {
  if (e instanceof StorageError) return e;
  const name = (e as { name?: unknown } | null)?.name;
  const message = e instanceof Error ? e.message : String(e);
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return new StorageError('full', message || 'storage quota exceeded');
  return new StorageError(otherwise, message || String(name ?? 'IndexedDB failed'));
}

/**
 * Keeps everything in this page's memory (lost on reload). Structured clones on the way in and out, as
 * IndexedDB does, so a caller that mutates what it stored or read changes nothing here.
 */
export function memoryStorage(): RunStorage {
  const runs = new Map<string, SavedRun>();
  const sweeps = new Map<string, SavedSweep>();
  return {
    loadAll: async () => ({ runs: [...runs.values()].map((r) => structuredClone(r)), sweeps: [...sweeps.values()].map((s) => structuredClone(s)) }),
    putRun: async (run) => void runs.set(run.id, structuredClone(run)),
    deleteRuns: async (ids) => ids.forEach((id) => runs.delete(id)),
    putSweep: async (s) => void sweeps.set(s.labId, structuredClone(s)),
  };
}
