// The active run's status and the play / pause / step / stop / reset controls of the current lab's run, wired to
// the training client.
import type { StateCreator } from 'zustand';
import type { ProgressEvent } from '../core/experiment/types';
import { getLab } from '../core/labs/registry';
import type { Dataset } from '../core/data/dataset';
import type { BackendReport } from '../core/tf/backendNames';
import type { ExecutionMode } from '../worker/client';
import type { FindingMessage, RunReport, SweepMessage } from '../worker/protocol';
import { selectActiveRunHere, selectIsActive, selectStatus } from './selectors';
import type { LabState } from './store';

export type RunStatus = 'idle' | 'running' | 'paused' | 'finished' | 'stopped' | 'diverged' | 'failed';

/** What the store needs from a training client (the real one, or a fake in tests). */
export interface RunClient {
  /** `dataset` may still be loading: the client then starts the worker at once and sends the run when it arrives. */
  start(labId: string, config: Record<string, unknown>, backend: LabState['backend'], mode: 'running' | 'paused', dataset?: Dataset | Promise<Dataset | undefined>): string;
  pause(runId: string): void;
  resume(runId: string): void;
  step(runId: string): void;
  stop(runId: string): void;
  update(runId: string, patch: Record<string, unknown>): void;
  /** Starts a sweep (one run per grid entry over `base`) and returns its id; it replaces any earlier run. */
  sweep(labId: string, base: Record<string, unknown>, grid: Record<string, unknown>[], backend: LabState['backend'], dataset?: Dataset): string;
  /** Re-measures one of a lab's findings (full or quick) and returns its id; it replaces any earlier run. */
  finding(labId: string, findingId: string, quick: boolean, backend: LabState['backend']): string;
}

/** A message about a single run (the store routes sweep messages to the sweep slice). */
export type RunMessage = Exclude<RunReport, SweepMessage | FindingMessage>;

export interface RunSlice {
  /**
   * The active run: the one the worker was given last (it trains one thing at a time), which is its lab's last
   * run. Components read the current lab's run and status through the selectors (`selectCurrentRun`,
   * `selectStatus`), which read another lab's last run from its record.
   */
  activeRunId: string | null;
  activeStatus: RunStatus;
  executionMode: ExecutionMode | null;
  /** The backend of the latest run: the badge shows it between runs too. */
  backendReport: BackendReport | null;
  executionNote: string | null;
  /** Milliseconds the active run spent running (pauses excluded), for the time-left estimate. */
  activeMs: number;
  runningSince: number | null;
  play(): void;
  pause(): void;
  step(): void;
  stop(): void;
  reset(): void;
  /** Sends a changed setting to the active run if its lab lets that setting change mid-run. */
  pushLive(key: string, value: unknown): void;
  /** From the client: where runs execute. */
  receiveMode(mode: ExecutionMode, reason?: string): void;
  /** From the client: a message about a run (the active one, or one it replaced that is still winding down). */
  receiveRun(msg: RunMessage): void;
}

/** Progress is pushed to the store at most this often, so charts re-render a few times a second. */
const FLUSH_MS = 100;
/** A run waits at most this long for its preset's files (past it, the worker generates the preset itself). */
const DATA_WAIT_MS = 5_000;

export function createRunSlice(client: RunClient): StateCreator<LabState, [], [], RunSlice> {
  return (set, get, api) => {
    /** The preset `name` once its load ends (undefined if it failed or took longer than DATA_WAIT_MS). */
    const whenLoaded = (name: string) =>
      new Promise<Dataset | undefined>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          unsubscribe();
          resolve(api.getState().datasets[name]);
        };
        const timer = setTimeout(done, DATA_WAIT_MS);
        const unsubscribe = api.subscribe((x) => !x.loading.includes(name) && done());
      });
    let pending: { runId: string; event: ProgressEvent }[] = [];
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      if (timer) clearTimeout(timer);
      timer = null;
      const batch = pending;
      pending = [];
      const byRun = new Map<string, ProgressEvent[]>();
      for (const p of batch) {
        const list = byRun.get(p.runId);
        if (list) list.push(p.event);
        else byRun.set(p.runId, [p.event]);
      }
      byRun.forEach((events, runId) => get().appendEvents(runId, events));
    };
    const stopClock = () => {
      const { runningSince, activeMs } = get();
      return { activeMs: activeMs + (runningSince ? Date.now() - runningSince : 0), runningSince: null };
    };

    const begin = (mode: 'running' | 'paused') => {
      // The worker trains one thing at a time: a run replaces a sweep in progress (its finished runs stay).
      if (get().sweep.status === 'running') get().cancelSweep('a training run started');
      if (get().findingRunId) get().cancelFindingRun('a training run started');
      const { labId, configs, backend, datasets } = get();
      const config = configs[labId];
      // The loaded dataset travels with the run. One still loading (Train pressed right after the page opened) is
      // waited for while the worker loads tfjs: generating it again in the worker took longer (~0.4 s on workshop).
      // A preset that is neither loaded nor loading is generated by the run itself.
      const name = String(config.dataset);
      const runId = client.start(labId, config, backend, mode, datasets[name] ?? (get().loading.includes(name) ? whenLoaded(name) : undefined));
      get().addRun(runId, labId, config);
      set({ activeRunId: runId, activeStatus: mode, activeMs: 0, runningSince: mode === 'running' ? Date.now() : null });
      return runId;
    };

    return {
      activeRunId: null,
      activeStatus: 'idle',
      executionMode: null,
      executionNote: null,
      backendReport: null,
      activeMs: 0,
      runningSince: null,
      // The controls act on the current lab's run; only when it is the active run can it be paused or resumed.
      play: () => {
        const s = get();
        const status = selectStatus(s);
        const runId = selectActiveRunHere(s);
        if (status === 'running') return;
        if (status === 'paused' && runId) {
          client.resume(runId);
          set({ activeStatus: 'running', runningSince: Date.now() });
        } else begin('running');
      },
      pause: () => {
        const s = get();
        const runId = selectActiveRunHere(s);
        if (selectStatus(s) !== 'running' || !runId) return;
        client.pause(runId);
        set({ activeStatus: 'paused', ...stopClock() });
      },
      step: () => {
        const s = get();
        const status = selectStatus(s);
        const here = selectActiveRunHere(s);
        if (status === 'running') return;
        const runId = status === 'paused' && here ? here : begin('paused');
        client.step(runId);
      },
      stop: () => {
        const s = get();
        const runId = selectActiveRunHere(s);
        if (!runId || !selectIsActive(s)) return;
        // The worker answers with its last losses and a 'done' whose outcome says where it stopped.
        client.stop(runId);
        set({ activeStatus: 'stopped', ...stopClock() });
      },
      pushLive: (key, value) => {
        const s = get();
        const runId = selectActiveRunHere(s);
        if (!runId || !selectIsActive(s)) return;
        if (getLab(s.labId).liveKeys?.includes(key)) client.update(runId, { [key]: value });
      },
      receiveMode: (mode, reason) => {
        set({ executionMode: mode, executionNote: reason ?? null });
        if (mode === 'main-thread') get().addNotice(`Training runs on the main thread: ${reason}. The page may feel slower.`);
      },
      receiveRun: (msg) => {
        if (msg.type === 'progress') {
          pending.push({ runId: msg.runId, event: msg.event });
          timer ??= setTimeout(flush, FLUSH_MS);
          return;
        }
        if (msg.type === 'backend') {
          set({ backendReport: msg.report });
          return get().setRunBackend(msg.runId, msg.report);
        }
        flush();
        // The record always gets the real ending (its message included); the active status only if the run is
        // still the active one (after Reset it is not).
        const active = msg.runId === get().activeRunId;
        if (msg.type === 'done') {
          const o = msg.result.outcome;
          get().finishRun(msg.runId, o);
          if (active) set({ activeStatus: o.status === 'completed' ? 'finished' : o.status, ...stopClock() });
        } else {
          get().finishRun(msg.runId, undefined, msg.message);
          if (active) set({ activeStatus: 'failed', ...stopClock() });
        }
      },
      reset: () => {
        get().stop();
        const { labId, activeRunId, runIdByLab } = get();
        // If the active run is another lab's (it has ended: labs cannot be switched while a run trains), it stays.
        if (activeRunId !== null && runIdByLab[labId] === activeRunId) set({ activeStatus: 'idle', activeRunId: null, activeMs: 0, runningSince: null });
        get().clearLabRun(labId);
      },
    };
  };
}
