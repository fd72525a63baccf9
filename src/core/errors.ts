// Numbered, typed error messages, so a person can search a code and tests can match it.

export const ErrorCode = {
  InvalidConfigValue: 'OL101',
  UnknownConfigKey: 'OL102',
  InvalidConfigFile: 'OL103',
  UnknownLab: 'OL104',
  UnknownUrlParameter: 'OL105',
  DatasetMissing: 'OL106',
  /** The data cannot serve this lab (no genres, a user that does not exist, too large a catalogue). */
  DataUnsuitable: 'OL107',
  Diverged: 'OL201',
  BackendUnavailable: 'OL301',
  WorkerCrashed: 'OL401',
  WorkerUnavailable: 'OL402',
  RunFailed: 'OL403',
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
