// Kept runs and sweeps in IndexedDB, so they survive reloads.
//
// Through `idb` (Jake Archibald's promise wrapper, ~1 kB) rather than Dexie (~25 kB): two object stores
// keyed by id need no query language, schema DSL or live queries — only IndexedDB's own calls with promises
// instead of request events, and typed stores. Nothing here blocks the page: every call is async, and what is
// written is a run's epochs and a few hundred thinned steps, not every step event.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { SavedRun } from '../core/history/savedRun';
import { asStorageError, StorageError, type RunStorage, type SavedSweep } from './runStorage';

interface HistoryDb extends DBSchema {
  runs: { key: string; value: SavedRun; indexes: { labId: string } };
  sweeps: { key: string; value: SavedSweep };
}

const DB_NAME = 'objective-lab-history';
const DB_VERSION = 1;
/** An open that neither succeeds nor fails within this time (blocked by another tab) counts as unavailable. */
const OPEN_TIMEOUT_MS = 4000;

/**
 * IndexedDB-backed storage, opened on first use. Opening fails with a StorageError (`unavailable`) when the
 * browser has no IndexedDB, refuses it (private mode in some browsers, storage disabled) or another tab holds
 * an older version open.
 */
export function idbRunStorage(): RunStorage {
  let db: Promise<IDBPDatabase<HistoryDb>> | null = null;
  const open = () =>
    (db ??= new Promise<IDBPDatabase<HistoryDb>>((resolve, reject) => {
      if (typeof indexedDB === 'undefined' || !indexedDB) return reject(new StorageError('unavailable', 'this browser offers no IndexedDB'));
      const timer = setTimeout(() => reject(new StorageError('unavailable', 'IndexedDB did not open (another tab may hold it)')), OPEN_TIMEOUT_MS);
      let opened: Promise<IDBPDatabase<HistoryDb>>;
      try {
        opened = openIt();
      } catch (e) {
        opened = Promise.reject(e);
      }
      opened.then(
        (d) => (clearTimeout(timer), resolve(d)),
        (e) => (clearTimeout(timer), reject(asStorageError(e, 'unavailable'))),
      );
    }));
  const openIt = () =>
    openDB<HistoryDb>(DB_NAME, DB_VERSION, {
      upgrade(d) {
        d.createObjectStore('runs', { keyPath: 'id' }).createIndex('labId', 'labId');
        d.createObjectStore('sweeps', { keyPath: 'labId' });
      },
      blocked: () => undefined,
      // Another tab wants a newer version: let it, and reopen next time.
      blocking: () => {
        void db?.then((d) => d.close());
        db = null;
      },
    });
  const call = async <T>(f: (d: IDBPDatabase<HistoryDb>) => Promise<T>): Promise<T> => {
    try {
      return await f(await open());
    } catch (e) {
      throw asStorageError(e);
    }
  };
  return {
    loadAll: () => call(async (d) => ({ runs: await d.getAll('runs'), sweeps: await d.getAll('sweeps') })),
    putRun: (run) => call(async (d) => void (await d.put('runs', run))),
    deleteRuns: (ids) =>
      call(async (d) => {
        const tx = d.transaction('runs', 'readwrite');
        await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
      }),
    putSweep: (s) => call(async (d) => void (await d.put('sweeps', s))),
  };
}
