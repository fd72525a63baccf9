// Shared helpers for the e2e journeys: read the app's store, wait for a run to reach a status.
import { expect, type Page } from '@playwright/test';

/** A step or epoch event as the store keeps it. */
export interface StoreEvent {
  step: number;
  epoch: number;
  values: Record<string, number>;
}

export interface StoreRun {
  runId: string;
  config: Record<string, unknown>;
  totalSteps: number;
  stepsPerEpoch: number;
  steps: StoreEvent[];
  epochs: StoreEvent[];
  backend?: { requested: string; active: string; attempts: { name: string; ok: boolean; reason?: string }[] };
  outcome?: { status: string; atStep?: number; message?: string };
  error?: string;
}

/** The serialisable part of the store that the specs read: the current lab's settings, run and status. */
export interface StoreSnapshot {
  status: string;
  /** The current lab's run (its last one; null before its first run and after Reset). */
  currentRunId: string | null;
  labId: string;
  backend: string;
  config: Record<string, unknown>;
  notices: string[];
  message: string | null;
  executionMode: string | null;
  executionNote: string | null;
  run: StoreRun | null;
}

/**
 * Reads the store (`window.__objectiveLab.store`) as plain JSON: the current lab's status, config and run, read
 * through the app's own selectors (`window.__objectiveLab.select`).
 */
export async function readStore(page: Page): Promise<StoreSnapshot> {
  return page.evaluate(() => {
    type Select = (s: unknown) => any;
    const lab = (window as unknown as { __objectiveLab?: { store: { getState(): any }; select: Record<'currentRun' | 'status' | 'message', Select> } }).__objectiveLab;
    if (!lab) throw new Error('window.__objectiveLab is missing: is this the built app?');
    const s = lab.store.getState();
    const run = lab.select.currentRun(s);
    return JSON.parse(
      JSON.stringify({
        status: lab.select.status(s),
        currentRunId: run?.runId ?? null,
        labId: s.labId,
        backend: s.backend,
        config: s.configs[s.labId],
        notices: s.notices,
        message: lab.select.message(s),
        executionMode: s.executionMode,
        executionNote: s.executionNote,
        run: run ?? null,
      }),
    );
  });
}

/** The number of the last step the store holds for the current run (0 before the first). */
export async function lastStep(page: Page): Promise<number> {
  const s = await readStore(page);
  return s.run?.steps.at(-1)?.step ?? 0;
}

/** The per-step BPR losses of the current run, in step order. */
export async function stepLosses(page: Page): Promise<number[]> {
  const s = await readStore(page);
  return (s.run?.steps ?? []).map((e) => e.values['loss/mf']);
}

/** Waits until the run status (store and badge text) reaches `status`. */
export async function waitForStatus(page: Page, status: string, timeout = 90_000): Promise<void> {
  await expect(page.getByTestId('run-status')).toHaveText(status, { timeout });
}

/** The `data-points` count of a chart (`chart-<id>`). */
export async function chartPoints(page: Page, chartId: string): Promise<number> {
  return Number(await page.getByTestId(`chart-${chartId}`).getAttribute('data-points'));
}

/** Opens a URL of the app and waits until the store is there. */
export async function openLab(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect.poll(() => page.evaluate(() => Boolean((window as unknown as { __objectiveLab?: unknown }).__objectiveLab))).toBe(true);
}

/** Presses Train (the play button). */
export async function train(page: Page): Promise<void> {
  await page.getByTestId('play').click();
}

export const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * Asserts that the current run's last step stays at `n` over a window of `ms` (read every 100 ms). A claim
 * that nothing happens needs a window of time; this is the only place the suite waits on the clock.
 */
export async function expectStepStaysAt(page: Page, n: number, ms = 600): Promise<void> {
  const reads: number[] = [];
  for (let t = 0; t <= ms; t += 100) {
    reads.push(await lastStep(page));
    await page.waitForTimeout(100);
  }
  expect(reads, `the last step over ${ms} ms`).toEqual(reads.map(() => n));
}

/** Waits until the last step has not changed across two reads `gapMs` apart, and returns it. */
export async function settledStep(page: Page, gapMs = 300): Promise<number> {
  let prev = -1;
  let settled = -1;
  await expect
    .poll(
      async () => {
        const n = await lastStep(page);
        const same = n === prev;
        prev = n;
        settled = n;
        return same;
      },
      { intervals: [gapMs], message: 'the step count should settle' },
    )
    .toBe(true);
  return settled;
}

/** ~16 MB of `user,item,rating,timestamp` rows (640,000 lines): seconds of parsing, for import progress and Cancel. */
export function bigRatingsCsv(): Buffer {
  const rows: string[] = ['user,item,rating,timestamp'];
  for (let k = 0; rows.length < 640_000; k++) rows.push(`u${k % 5000},i${(k * 7919) % 9000},${1 + (k % 5)},${1_600_000_000 + k}`);
  return Buffer.from(rows.join('\n') + '\n');
}
