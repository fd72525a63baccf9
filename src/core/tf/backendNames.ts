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
