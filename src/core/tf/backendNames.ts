// The tfjs backends the lab knows, fastest first (no tfjs import: the page shell can read this cheaply).

export const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];
export type BackendChoice = 'auto' | BackendName;

export interface BackendAttempt {
  name: BackendName;
  ok: boolean;
  /** Why it was skipped or failed, in words a person can act on. */
  reason?: string;
}

export interface BackendReport {
  requested: BackendChoice;
  active: BackendName;
  attempts: BackendAttempt[];
}

/** Reason given to backends after the one that worked. */
export const NOT_TRIED = 'not tried';

/** The backends that were tried and failed, as "webgpu: why; webgl: why" ('' if none). */
export function describeSkipped(r: BackendReport): string {
  return r.attempts
    .filter((a) => !a.ok && !a.reason?.startsWith(NOT_TRIED))
    .map((a) => `${a.name}: ${a.reason}`)
    .join('; ');
}

/** One line for a log: "wasm (webgpu: no adapter; …)". */
export function describeBackend(r: BackendReport): string {
  const skipped = describeSkipped(r);
  return skipped ? `${r.active} (${skipped})` : r.active;
}
