// Run status and the play / pause / step / stop / reset controls, wired to the training client.
import type { StateCreator } from 'zustand';
import type { ProgressEvent } from '../core/experiment/types';
import type { BackendReport } from '../core/tf/backendNames';
import type { ClientHandlers, ExecutionMode } from '../worker/client';
import type { LabState } from './store';

export type RunStatus = 'idle' | 'running' | 'paused' | 'finished' | 'stopped' | 'diverged' | 'failed';

/** What the store needs from a training client (the real one, or a fake in tests). */
export interface RunClient {
  start(labId: string, config: Record<string, unknown>, backend: LabState['backend'], mode: 'running' | 'paused'): string;
  pause(runId: string): void;
  resume(runId: string): void;
  step(runId: string): void;
  stop(runId: string): void;
}

export interface RunSlice {
  status: RunStatus;
  currentRunId: string | null;
  /** Why the run ended when it did not complete (diverged, crashed, failed). */
  message: string | null;
  executionMode: ExecutionMode | null;
  /** The backend of the latest run: the badge shows it between runs too. */
  backendReport: BackendReport | null;
  executionNote: string | null;
  /** Milliseconds spent running (pauses excluded), for the time-left estimate. */
  activeMs: number;
  runningSince: number | null;
  play(): void;
  pause(): void;
  step(): void;
  stop(): void;
  reset(): void;
}

/** Progress is pushed to the store at most this often, so charts re-render a few times a second. */
const FLUSH_MS = 100;

export function createRunSlice(makeClient: (h: ClientHandlers) => RunClient): StateCreator<LabState, [], [], RunSlice> {
  return (set, get) => {
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

    const client = makeClient({
      onMode: (mode, reason) => {
        set({ executionMode: mode, executionNote: reason ?? null });
        if (mode === 'main-thread') get().addNotice(`Training runs on the main thread: ${reason}. The page may feel slower.`);
      },
      onMessage: (msg) => {
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
        // The record always gets the real ending; the status only if the run is still the one on screen
        // (after Reset it is not).
        const current = msg.runId === get().currentRunId;
        if (msg.type === 'done') {
          const o = msg.result.outcome;
          get().finishRun(msg.runId, o);
          const status: RunStatus = o.status === 'completed' ? 'finished' : o.status;
          if (current) set({ status, message: o.status === 'diverged' ? o.message : null, ...stopClock() });
        } else {
          get().finishRun(msg.runId, undefined, msg.message);
          if (current) set({ status: 'failed', message: msg.message, ...stopClock() });
        }
      },
    });

    const begin = (mode: 'running' | 'paused') => {
      const { labId, configs, backend } = get();
      const config = configs[labId];
      const runId = client.start(labId, config, backend, mode);
      get().addRun(runId, labId, config);
      set({ currentRunId: runId, status: mode, message: null, activeMs: 0, runningSince: mode === 'running' ? Date.now() : null });
      return runId;
    };

    return {
      status: 'idle',
      currentRunId: null,
      message: null,
      executionMode: null,
      executionNote: null,
      backendReport: null,
      activeMs: 0,
      runningSince: null,
      play: () => {
        const { status, currentRunId } = get();
        if (status === 'running') return;
        if (status === 'paused' && currentRunId) {
          client.resume(currentRunId);
          set({ status: 'running', runningSince: Date.now() });
        } else begin('running');
      },
      pause: () => {
        const { status, currentRunId } = get();
        if (status !== 'running' || !currentRunId) return;
        client.pause(currentRunId);
        set({ status: 'paused', ...stopClock() });
      },
      step: () => {
        const { status, currentRunId } = get();
        if (status === 'running') return;
        const runId = status === 'paused' && currentRunId ? currentRunId : begin('paused');
        client.step(runId);
      },
      stop: () => {
        const { currentRunId, status } = get();
        if (!currentRunId || (status !== 'running' && status !== 'paused')) return;
        // The worker answers with its last losses and a 'done' whose outcome says where it stopped.
        client.stop(currentRunId);
        set({ status: 'stopped', ...stopClock() });
      },
      reset: () => {
        get().stop();
        set({ status: 'idle', currentRunId: null, message: null, activeMs: 0, runningSince: null });
      },
    };
  };
}
