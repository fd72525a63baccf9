// Numbered, typed error messages, so a person can search a code and tests can match it.

export const ErrorCode = {
  InvalidConfigValue: 'OL101',
  UnknownConfigKey: 'OL102',
  InvalidConfigFile: 'OL103',
  UnknownLab: 'OL104',
  UnknownUrlParameter: 'OL105',
  DatasetMissing: 'OL106',
  /** The data cannot serve this lab's settings (no item genres, no true tastes, too few users for the split). */
  DataUnsuitable: 'OL107',
  /** A built-in dataset's files do not parse (the file and line are named). */
  SampleFileInvalid: 'OL108',
  Diverged: 'OL201',
  BackendUnavailable: 'OL301',
  WorkerCrashed: 'OL401',
  WorkerUnavailable: 'OL402',
  RunFailed: 'OL403',
  /** The training worker went silent mid-run (no answer to its pings); it is replaced. */
  WorkerUnresponsive: 'OL404',
  /** A run file to import (the app's export or the CLI's --out) is not one, or holds bad values (named). */
  RunFileInvalid: 'OL501',
  /** Runs cannot be kept across reloads (IndexedDB unavailable, blocked or full); they are kept in memory. */
  HistoryNotKept: 'OL502',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class LabError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = 'LabError';
  }
}

/** The message of any thrown value, for display. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
