// Selectors read by components, defined once outside them (derived values are computed here, not stored).
import { getLab } from '../core/labs/registry';
import type { LabState } from './store';

export const selectLab = (s: LabState) => getLab(s.labId);
export const selectConfig = (s: LabState) => s.configs[s.labId];
export const selectCurrentRun = (s: LabState) => (s.currentRunId ? s.runs[s.currentRunId] : undefined);
export const selectIsActive = (s: LabState) => s.status === 'running' || s.status === 'paused';

/** Steps done, total, and the estimated milliseconds left from the running pace (null until known). */
export function selectProgress(s: LabState, now: number) {
  const run = selectCurrentRun(s);
  const done = run?.steps.at(-1)?.step ?? 0;
  const total = run?.totalSteps ?? 0;
  const active = s.activeMs + (s.runningSince ? now - s.runningSince : 0);
  const msLeft = done > 0 && total > 0 && s.status === 'running' ? ((total - done) * active) / done : null;
  return { done, total, msLeft };
}

export const selectSweep = (s: LabState) => s.sweep;