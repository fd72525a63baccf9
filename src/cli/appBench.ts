// The built app under `npm run bench -- --browser`: how smooth the page stays while a default run trains, and how
// soon the first chart point appears after the page starts loading. Measured and printed, never asserted.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { build, preview } from 'vite';
import { findLab, LABS } from '../core/labs/registry';
import { REPO_ROOT } from './repoRoot';

/** A long task: the main thread busy for more than 50 ms without a break (the Long Tasks API's threshold). */
export const LONG_TASK_MS = 50;

export interface AppBenchResult {
  labId: string;
  url: string;
  /** Whether the run finished by itself within the cap, or was stopped at the cap. */
  ended: 'finished' | 'stopped at cap' | string;
  /** ms from navigation start to the Train click (the button shown and the page ready for it). */
  clickMs: number;
  /** ms from navigation start to the first point of a training chart in the DOM (`data-points` of a `chart-<id>` above 0). */
  firstPointMs: number | null;
  /** The chart that got it. */
  firstPointChart: string | null;
  /** Seconds from the click to the run's end (or the cap). */
  runSeconds: number;
  /** Long tasks from the click to one second after the run ended: the longest, and how many. */
  longestTaskMs: number;
  /** When the longest task started, in seconds after the click (past `runSeconds`: after the run ended). */
  longestTaskAtS: number | null;
  longTasks: number;
  /** Each of them: [start in seconds after the click, duration in ms], in order (past `runSeconds`: after the end). */
  longTaskList: [number, number][];
  /** Their total time: how much of the run the page could not answer within 50 ms. */
  longTaskTotalMs: number;
  /** Long tasks during load (navigation start to the click). */
  loadLongestTaskMs: number;
  loadLongTasks: number;
  /** The step events the store received. */
  steps: number;
}

/**
 * Installed before any of the app's scripts: collects long tasks (buffered, so those before the observer count
 * too), the first chart point (a MutationObserver on the charts' `data-points`) and the time of the Train click.
 * Plain text, not a function: tsx would wrap a function's inner functions in a helper the page does not have.
 */
const INSTRUMENT = `(() => {
  const state = { tasks: [], firstPoint: null, click: null };
  window.__appBench = state;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) state.tasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  const seen = (el) => {
    // A training chart (chart-<id>), filled after Train: a lab's static views (the weighting lab's trade-off plot) do not count.
    if (state.firstPoint || state.click === null || !(el.getAttribute('data-testid') || '').startsWith('chart-')) return;
    if (Number(el.getAttribute('data-points') || 0) <= 0) return;
    state.firstPoint = [performance.now(), el.getAttribute('data-testid') || '?'];
  };
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes') seen(r.target);
      else r.addedNodes.forEach((n) => n instanceof Element && n.querySelectorAll('[data-points]').forEach(seen));
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-points'] });
  document.addEventListener('click', (e) => {
    if (state.click === null && e.target instanceof Element && e.target.closest('[data-testid="play"]')) state.click = performance.now();
  }, true);
})();`;

export interface AppBenchPlan {
  labId: string;
  /** Longest the run may train before it is stopped (a default run of some labs takes minutes). */
  capSeconds: number;
}

/** The default lab trains to its end; the others are sampled for their first minute. */
export const APP_PLANS: AppBenchPlan[] = [
  { labId: 'pop-vs-mf', capSeconds: 240 },
  { labId: 'weighting', capSeconds: 60 },
  { labId: 'mult-vae', capSeconds: 60 },
];

/**
 * The plans to run: all, or those APP_BENCH_LABS names (comma-separated lab ids). An id that is not a lab is refused:
 * the app would open its default lab instead (with a notice), and the figures would be that lab's under another name.
 */
export function appPlans(only = process.env.APP_BENCH_LABS): AppBenchPlan[] {
  const ids = only?.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = ids?.filter((id) => !findLab(id));
  if (unknown?.length) throw new Error(`APP_BENCH_LABS: ${unknown.join(', ')} ${unknown.length > 1 ? 'are not labs' : 'is not a lab'} (labs: ${LABS.map((l) => l.id).join(', ')})`);
  return ids?.length ? ids.map((id) => APP_PLANS.find((p) => p.labId === id) ?? { labId: id, capSeconds: 60 }) : APP_PLANS;
}

/** Builds the app into a temporary folder, serves it with `vite preview` and measures each plan `repeats` times. */
export async function runAppBench(browser: Browser, log: (line: string) => void, port: number, plans = appPlans(), repeats = 1): Promise<AppBenchResult[]> {
  const outDir = mkdtempSync(join(tmpdir(), 'objective-lab-bench-'));
  try {
    log(`building the app into ${outDir}…`);
    await build({ root: REPO_ROOT, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    const server = await preview({ root: REPO_ROOT, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port, strictPort: true } });
    try {
      const base = server.resolvedUrls?.local[0];
      if (!base) throw new Error('vite preview did not say where it listens');
      const results: AppBenchResult[] = [];
      for (let k = 0; k < repeats; k++) {
        for (const plan of plans) {
          const r = await measureLab(browser, base, plan);
          log(formatAppResult(r));
          results.push(r);
        }
      }
      return results;
    } finally {
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

async function measureLab(browser: Browser, base: string, plan: AppBenchPlan): Promise<AppBenchResult> {
  // A fresh context each time: an empty cache and IndexedDB, no service worker (a first visit).
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: INSTRUMENT });
    const url = `${base}?lab=${plan.labId}&dataset=workshop&backend=wasm`;
    await page.goto(url, { waitUntil: 'commit' });
    await page.getByTestId('play').click();
    // The app opens its default lab, with a notice, for a lab it does not know: never time that under another name.
    const opened = await page.evaluate(() => (window as unknown as { __objectiveLab: { store: { getState(): { labId?: string } } } }).__objectiveLab.store.getState().labId);
    if (opened !== plan.labId) throw new Error(`asked for lab ${plan.labId}, the app opened ${opened}`);
    const status = page.getByTestId('run-status');
    const ended = await page
      .waitForFunction(() => ['finished', 'failed', 'diverged', 'stopped'].includes(document.querySelector('[data-testid="run-status"]')?.textContent ?? ''), null, {
        timeout: plan.capSeconds * 1000,
        polling: 500,
      })
      .then(async () => (await status.textContent()) ?? '?')
      .catch(async () => {
        await page.getByTestId('pause').click().catch(() => undefined);
        return 'stopped at cap';
      });
    const endAt = await page.evaluate(() => performance.now());
    // What the page does right after the end (saving the run, the results table) belongs to the run.
    await page.waitForTimeout(1500);
    const m = await page.evaluate(() => {
      const lab = (window as unknown as { __objectiveLab: { store: { getState(): any }; select: { currentRun(s: unknown): any } } }).__objectiveLab;
      const run = lab.select.currentRun(lab.store.getState());
      return { ...(window as unknown as { __appBench: { tasks: [number, number][]; firstPoint: [number, string] | null; click: number | null } }).__appBench, steps: (run?.stepsSeen as number) ?? 0 };
    });
    const click = m.click ?? 0;
    const during = m.tasks.filter(([t]) => t >= click);
    const load = m.tasks.filter(([t]) => t < click);
    const longest = (ts: [number, number][]) => ts.reduce((a, [, d]) => Math.max(a, d), 0);
    const worst = during.reduce<[number, number] | null>((a, t) => (a === null || t[1] > a[1] ? t : a), null);
    return {
      labId: plan.labId,
      url: url.slice(base.length - 1),
      ended: ended === 'finished' ? 'finished' : ended,
      clickMs: Math.round(click),
      firstPointMs: m.firstPoint ? Math.round(m.firstPoint[0]) : null,
      firstPointChart: m.firstPoint ? m.firstPoint[1] : null,
      runSeconds: Number(((endAt - click) / 1000).toFixed(1)),
      longestTaskMs: Math.round(longest(during)),
      longestTaskAtS: worst ? Number(((worst[0] - click) / 1000).toFixed(2)) : null,
      longTasks: during.length,
      longTaskList: during.map(([t, d]) => [Number(((t - click) / 1000).toFixed(2)), Math.round(d)] as [number, number]),
      longTaskTotalMs: Math.round(during.reduce((a, [, d]) => a + d, 0)),
      loadLongestTaskMs: Math.round(longest(load)),
      loadLongTasks: load.length,
      steps: m.steps,
    };
  } finally {
    await context.close();
  }
}

export function formatAppResult(r: AppBenchResult): string {
  return (
    `${r.labId} (${r.url}): first chart point ${r.firstPointMs ?? '—'} ms after navigation (${r.firstPointChart ?? 'none'}; Train clicked at ${r.clickMs} ms); ` +
    `during the run (${r.runSeconds} s, ${r.steps} steps, ${r.ended}): longest main-thread task ${r.longestTaskMs} ms${r.longestTaskAtS === null ? '' : ` (at ${r.longestTaskAtS} s)`}, ${r.longTasks} tasks over ${LONG_TASK_MS} ms ` +
    `(${r.longTaskTotalMs} ms in all${r.longTaskList.length ? `: ${r.longTaskList.map(([at, ms]) => `${ms} ms at ${at} s`).join(', ')}` : ''}); during load: longest ${r.loadLongestTaskMs} ms, ${r.loadLongTasks} over ${LONG_TASK_MS} ms`
  );
}
