// A finished run as the run history keeps it: plain JSON (config, backend, seed, per-epoch metrics, a thinned
// copy of the per-step values, summary, artifacts, outcome, date), small enough to keep hundreds.
import type { BackendReport } from '../tf/backendNames';
import type { RunOutcome } from '../experiment/types';

/** A measured point: per step or per epoch, values by key as the progress events carry them. */
export interface SavedPoint {
  step: number;
  epoch: number;
  values: Record<string, number>;
}

/** How a kept run ended (a run that threw is kept only if it measured something). */
export type SavedOutcome = RunOutcome | { status: 'failed'; message: string };

/**
 * What is kept of a run. Every epoch evaluation is kept whole (epochs are few); the per-step values are thinned
 * to at most `MAX_SAVED_STEPS` evenly spaced steps (the latest always kept), which is what the step charts draw
 * anyway: a 10,000-step run would otherwise weigh megabytes in IndexedDB and in every export.
 */
export interface SavedRun {
  /** Unique across reloads and browsers (not the worker's run id, which restarts at each page load). */
  id: string;
  name: string;
  pinned: boolean;
  /** When the run ended (or, imported, when its file says it was made), ISO 8601. */
  createdAt: string;
  labId: string;
  config: Record<string, unknown>;
  /** The backend that trained it ("wasm", "webgl", …), and the app's full report where it has one. */
  backend: string;
  backendReport?: BackendReport;
  seed: number | null;
  outcome: SavedOutcome;
  /** Final value of each epoch metric. */
  summary: Record<string, number>;
  totalSteps: number;
  stepsPerEpoch: number;
  info: Record<string, string | number>;
  epochs: SavedPoint[];
  steps: SavedPoint[];
  /** The kept steps are every `stepStride`-th of the `stepsSeen` that were measured, and the latest. */
  stepStride: number;
  stepsSeen: number;
  /** The latest artifact of each name (what a lab's panel draws). */
  artifacts: Record<string, unknown>;
  /** Where it came from: trained in this browser, or imported from a file (the app's export or the CLI's --out). */
  origin: 'browser' | 'app file' | 'cli file';
}

/** At most this many step points are kept per run: about what a chart draws (400 points per line). */
export const MAX_SAVED_STEPS = 500;

/**
 * Keeps at most `max` of `steps`, evenly spaced on a power-of-two stride over the original steps, the latest
 * always kept; returns the stride relative to `stride` (the thinning already done).
 */
export function thinForSaving<T>(steps: readonly T[], stride: number, max = MAX_SAVED_STEPS): { items: T[]; stride: number } {
  let k = 1;
  while (Math.ceil(steps.length / k) > max) k *= 2;
  if (k === 1) return { items: steps.slice(), stride };
  const items = steps.filter((_, j) => j % k === 0 || j === steps.length - 1);
  return { items, stride: stride * k };
}

/** The final value of each epoch metric: the last epoch that has it. */
export function summaryOf(epochs: readonly SavedPoint[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of epochs) Object.assign(out, e.values);
  return out;
}

/**
 * A name that tells runs of a lab apart: the settings that differ from the lab's defaults ("l2=0.01, epochs=4"),
 * or "defaults". The person can rename it.
 */
export function defaultRunName(config: Record<string, unknown>, defaults: Record<string, unknown>, max = 3): string {
  const diff = Object.keys(config)
    .filter((k) => k !== 'seed' && JSON.stringify(config[k]) !== JSON.stringify(defaults[k]))
    .map((k) => `${k}=${typeof config[k] === 'string' ? config[k] : JSON.stringify(config[k])}`);
  if (diff.length === 0) return 'defaults';
  return diff.length <= max ? diff.join(', ') : `${diff.slice(0, max).join(', ')} +${diff.length - max}`;
}

/**
 * Randomness for record ids only — never for an experiment, whose draws all come from the seeded Rng. An id must
 * differ across reloads and tabs, so it is drawn from the platform's crypto source (browsers and Node ≥ 19).
 */
export const idRandom = (): number => crypto.getRandomValues(new Uint32Array(1))[0] / 2 ** 32;

/** A fresh id: time then randomness, so ids sort roughly by creation and never collide across reloads. */
export function newSavedId(now: number, random: () => number = idRandom): string {
  return `${now.toString(36)}-${Math.floor(random() * 36 ** 6).toString(36).padStart(6, '0')}`;
}

/** A run list as the history shows it: pinned first, then newest first. */
export function historyOrder(a: SavedRun, b: SavedRun): number {
  if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
  return a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0;
}
