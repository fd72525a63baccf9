// Selectors read by components, defined once outside them (derived values are computed here, not stored).
import { getLab } from '../core/labs/registry';
import type { RunRecord } from './resultsSlice';
import type { RunStatus } from './runSlice';
import type { LabState } from './store';

export const selectLab = (s: LabState) => getLab(s.labId);
export const selectConfig = (s: LabState) => s.configs[s.labId];

/** The current lab's run: its last one, whichever lab trained since (none before its first run or after Reset). */
export const selectCurrentRun = (s: LabState): RunRecord | undefined => {
  const runId = s.runIdByLab[s.labId];
  return runId === undefined ? undefined : s.runs[runId];
};

/** The current lab's run id when that run is the active one (the one the worker has), else null. */
export const selectActiveRunHere = (s: LabState): string | null => {
  const runId = s.runIdByLab[s.labId];
  return runId !== undefined && runId === s.activeRunId ? runId : null;
};

/** How a run that is no longer the active one ended, read from its record. */
function endedStatus(run: RunRecord): RunStatus {
  if (run.error !== undefined) return 'failed';
  // A run replaced before its ending arrived was stopped by the run that replaced it.
  if (!run.outcome) return 'stopped';
  return run.outcome.status === 'completed' ? 'finished' : run.outcome.status;
}

/** The current lab's run status: live for the active run, from the record's ending for an earlier one. */
export function selectStatus(s: LabState): RunStatus {
  const run = selectCurrentRun(s);
  if (!run) return 'idle';
  return run.runId === s.activeRunId ? s.activeStatus : endedStatus(run);
}

export const selectIsActive = (s: LabState) => {
  const status = selectStatus(s);
  return status === 'running' || status === 'paused';
};

/** Why the current lab's run ended when it did not complete (diverged, crashed, failed); null otherwise. */
export function selectRunMessage(s: LabState): string | null {
  const run = selectCurrentRun(s);
  if (run?.outcome?.status === 'diverged') return run.outcome.message;
  return run?.error ?? null;
}

/**
 * Steps done, total, and the run's own clock (milliseconds of running, pauses excluded) while it runs, else null.
 * The time left is estimated from this clock by `estimateMsLeft` (eta.ts), from measured step times.
 */
export function selectProgress(s: LabState, now: number) {
  const run = selectCurrentRun(s);
  const done = run?.steps.at(-1)?.step ?? 0;
  const total = run?.totalSteps ?? 0;
  // Only the active run can be running, and the clock is the active run's.
  const clockMs = selectStatus(s) === 'running' ? s.activeMs + (s.runningSince ? now - s.runningSince : 0) : null;
  return { done, total, clockMs };
}

export const selectSweep = (s: LabState) => s.sweep;
