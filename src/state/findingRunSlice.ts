// Re-running a lab's declared finding in this browser: the worker measures it with the same runner as
// `npm run findings`; the page keeps each finding's latest re-run beside the recorded value.
import type { StateCreator } from 'zustand';
import type { MeasuredFinding } from '../core/experiment/findings';
import { getLab } from '../core/labs/registry';
import type { FindingMessage, RunReport } from '../worker/protocol';
import type { RunClient } from './runSlice';
import type { LabState } from './store';

export type FindingRerunStatus = 'running' | 'done' | 'cancelled' | 'failed';

/** One re-run of a finding: its progress while it runs, then the new measurement (or why there is none). */
export interface FindingRerun {
  runId: string;
  labId: string;
  findingId: string;
  /** The fast variant (the finding's `quick` settings and seeds) rather than the recorded settings. */
  quick: boolean;
  status: FindingRerunStatus;
  /** The run starting or in progress (0-based) of `total`, its arm and seed (from the worker's announcements). */
  index: number;
  total: number;
  arm: string | null;
  seed: number | null;
  measured: MeasuredFinding | null;
  /** Why it failed or was cancelled. */
  message: string | null;
}

export interface FindingRunSlice {
  /** The latest re-run of each finding, by finding id (kept when the person switches labs). */
  findingReruns: Record<string, FindingRerun>;
  /** The re-run the worker is doing now, if any. */
  findingRunId: string | null;
  /**
   * Re-runs one of the current lab's findings in the worker (refused, with a notice, while a run trains, a sweep
   * runs or another finding is being re-run: the worker does one thing at a time).
   */
  startFindingRun(findingId: string, quick: boolean): void;
  /** Stops the re-run at its current run; with a `reason`, something else replaced it. Nothing is measured. */
  cancelFindingRun(reason?: string): void;
  receiveFindingRun(msg: FindingMessage | Extract<RunReport, { type: 'error' }>): void;
}

export function createFindingRunSlice(client: RunClient): StateCreator<LabState, [], [], FindingRunSlice> {
  return (set, get) => {
    const patch = (findingId: string, p: Partial<FindingRerun>) =>
      set((s) => ({ findingReruns: { ...s.findingReruns, [findingId]: { ...s.findingReruns[findingId], ...p } } }));
    const byRunId = (runId: string) => Object.values(get().findingReruns).find((r) => r.runId === runId);

    return {
      findingReruns: {},
      findingRunId: null,
      startFindingRun: (findingId, quick) => {
        const { labId, backend, activeStatus, sweep, findingRunId } = get();
        const finding = getLab(labId).findings?.find((f) => f.id === findingId);
        if (!finding || findingRunId) return;
        if (quick && !finding.quick) return;
        if (activeStatus === 'running' || activeStatus === 'paused') {
          return get().addNotice('Re-run a finding: stop or reset the training run first — the worker trains one thing at a time.');
        }
        if (sweep.status === 'running') return get().addNotice('Re-run a finding: cancel the sweep first — the worker trains one thing at a time.');
        const runId = client.finding(labId, findingId, quick, backend);
        set((s) => ({
          findingRunId: runId,
          findingReruns: {
            ...s.findingReruns,
            [findingId]: { runId, labId, findingId, quick, status: 'running', index: 0, total: 0, arm: null, seed: null, measured: null, message: null },
          },
        }));
      },
      cancelFindingRun: (reason) => {
        const runId = get().findingRunId;
        const rerun = runId ? byRunId(runId) : undefined;
        if (!runId || !rerun) return;
        client.stop(runId);
        patch(rerun.findingId, { status: 'cancelled', message: `Cancelled${reason ? ` (${reason})` : ''}: nothing was measured.` });
        if (reason) set({ findingRunId: null });
      },
      receiveFindingRun: (msg) => {
        const rerun = byRunId(msg.runId);
        if (!rerun) return;
        const end = () => {
          if (get().findingRunId === msg.runId) set({ findingRunId: null });
        };
        if (msg.type === 'findingProgress') {
          if (rerun.status !== 'running') return;
          return patch(rerun.findingId, { index: msg.index, total: msg.total, arm: msg.arm, seed: msg.seed });
        }
        if (msg.type === 'error') {
          end();
          return patch(rerun.findingId, { status: 'failed', message: msg.message });
        }
        end();
        const f = msg.finding;
        if (f.cancelled || !f.measured) {
          return patch(rerun.findingId, { status: 'cancelled', message: rerun.message ?? `Cancelled after ${f.ran} of ${f.total} runs: nothing was measured.` });
        }
        patch(rerun.findingId, { status: 'done', measured: f.measured, index: f.ran, total: f.total });
      },
    };
  };
}
