// The `lab sweep` command: one run per combination of --vary values, progress on stderr, table and files out.
import { describeOverride, gridFromVary, runEvaluations, runSweep, type SweepResult, type SweepRun } from '../core/experiment/sweep';
import type { PlanRun, SweepPlan, SweepPoint } from '../core/experiment/sweepPlan';
import { StepGate } from '../core/experiment/stepGate';
import type { Lab, ProgressEvent, ReportTable, RunOutcome } from '../core/experiment/types';
import { IMPORTED } from '../core/data/datasetChoice';
import { getLab } from '../core/labs/registry';
import { selectBackend } from '../core/tf/backends';
import type { Command } from './args';
import { UsageError } from './args';
import { csvNumber, describeOutcome, formatMetric, NA, NA_NOTE, TOOL, writeOutputs } from './output';
import { readConfigFile } from './configFile';
import type { Interrupt } from './interrupt';
import { ProgressBar } from './progressBar';
import { checkOutputPaths } from './preflight';
import { buildRunConfig } from './runConfig';
import { EXIT, importData, partialResult } from './runLab';
import { formatTable } from './table';

type SweepCommand = Extract<Command, { kind: 'sweep' }>;

/** How one run of a sweep ended: a run's own outcome, or 'failed' when it threw. */
export type SweepRunOutcome = RunOutcome | { status: 'failed'; message: string };

/** The JSON file of a sweep. `vary` holds each varied key's parsed values, in the order given. */
export interface SweepRecord {
  tool: typeof TOOL;
  createdAt: string;
  labId: string;
  backend: string;
  base: Record<string, unknown>;
  vary: Record<string, unknown[]>;
  /** With --plan: the plan, its variant, and each run's label and family (in `runs`) and the plan's report. */
  plan?: { id: string; variant?: string };
  runs: {
    config: Record<string, unknown>;
    label?: string;
    kind?: string;
    outcome: SweepRunOutcome;
    summary: Record<string, number>;
    /** Every evaluation's values, epoch 0 first. */
    epochs: Record<string, number>[];
  }[];
  tables?: ReportTable[];
  cancelled: boolean;
}

/** The runs of a plan as its report reads them. */
export function planRuns(points: readonly SweepPoint[], runs: readonly SweepRun[]): PlanRun[] {
  return runs.map((r, i) => ({ label: points[i]?.label ?? `run ${i + 1}`, kind: points[i]?.kind ?? '', config: r.config, epochs: runEvaluations(r.result), completed: runOutcome(r).status === 'completed' }));
}

/** The lab's plan named by --plan, or a UsageError listing the lab's plans. */
function findPlan(lab: Lab, id: string): SweepPlan {
  const plan = lab.sweeps?.find((p) => p.id === id);
  if (plan) return plan;
  const ids = (lab.sweeps ?? []).map((p) => p.id);
  throw new UsageError(`lab ${lab.id} has no sweep plan '${id}' (${ids.length ? `its plans: ${ids.join(', ')}` : 'it has none'})`);
}

export function runOutcome(run: SweepRun): SweepRunOutcome {
  return run.result ? run.result.outcome : { status: 'failed', message: run.error ?? 'unknown error' };
}

function outcomeText(o: SweepRunOutcome): string {
  return o.status === 'failed' ? `failed: ${o.message}` : describeOutcome(o);
}

/** The values each varied key takes, in grid order, without repeats. */
export function variedValues(keys: readonly string[], grid: readonly Record<string, unknown>[]): Record<string, unknown[]> {
  // fromEntries makes own keys whatever their names; the keys come from the command line.
  return Object.fromEntries(keys.map((k) => [k, [...new Set(grid.map((g) => g[k]))]]));
}

export function sweepRecord(
  labId: string,
  backend: string,
  base: Record<string, unknown>,
  vary: Record<string, unknown[]>,
  sweep: SweepResult,
  createdAt: Date,
  plan?: { id: string; variant?: string; points: readonly SweepPoint[]; tables: ReportTable[] },
): SweepRecord {
  return {
    tool: TOOL,
    createdAt: createdAt.toISOString(),
    labId,
    backend,
    base,
    vary,
    ...(plan ? { plan: { id: plan.id, ...(plan.variant === undefined ? {} : { variant: plan.variant }) } } : {}),
    runs: sweep.runs.map((r, i) => ({
      config: r.config,
      ...(plan ? { label: plan.points[i]?.label, kind: plan.points[i]?.kind } : {}),
      outcome: runOutcome(r),
      summary: r.result?.summary ?? {},
      epochs: runEvaluations(r.result),
    })),
    ...(plan ? { tables: plan.tables } : {}),
    cancelled: sweep.cancelled,
  };
}

/** Summary keys over all runs, in order of first appearance. */
function summaryKeys(runs: readonly SweepRun[]): string[] {
  const keys: string[] = [];
  for (const r of runs) for (const k of Object.keys(r.result?.summary ?? {})) if (!keys.includes(k)) keys.push(k);
  return keys;
}

const cell = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

function csvField(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** One row per run: `run,<varied keys>,outcome,<summary keys>`; numbers in full precision, gaps empty. */
export function sweepToCsv(varied: readonly string[], runs: readonly SweepRun[]): string {
  const keys = summaryKeys(runs);
  const lines = [['run', ...varied, 'outcome', ...keys].map(csvField).join(',')];
  runs.forEach((r, i) => {
    const s = r.result?.summary ?? {};
    const row = [String(i + 1), ...varied.map((k) => cell(r.config[k])), runOutcome(r).status, ...keys.map((k) => csvNumber(s[k]))];
    lines.push(row.map(csvField).join(','));
  });
  return lines.join('\n') + '\n';
}

/** The stdout table: one row per run, its varied settings, outcome and final summary values. */
export function formatSweepTable(varied: readonly string[], runs: readonly SweepRun[]): string {
  if (runs.length === 0) return '(no run finished)';
  const keys = summaryKeys(runs);
  const rows = runs.map((r, i) => {
    const s = r.result?.summary ?? {};
    return [String(i + 1), ...varied.map((k) => cell(r.config[k])), runOutcome(r).status, ...keys.map((k) => (Object.hasOwn(s, k) ? formatMetric(s[k]) : ''))];
  });
  const note = rows.some((row) => row.includes(NA)) ? `\n${NA_NOTE}` : '';
  return formatTable(['run', ...varied, 'outcome', ...keys], rows) + note;
}

/** Exit code of a sweep: Ctrl-C beats a run that threw, which beats a diverged run. */
export function sweepExitCode(sweep: SweepResult): number {
  if (sweep.cancelled) return EXIT.interrupted;
  const statuses = sweep.runs.map((r) => runOutcome(r).status);
  if (statuses.includes('failed')) return EXIT.failed;
  if (statuses.includes('diverged')) return EXIT.diverged;
  return EXIT.ok;
}

/** Runs a sweep from the command line; resolves with the exit code. Bad input throws UsageError/LabError. */
export async function sweepLab(cmd: SweepCommand, interrupt: Interrupt): Promise<number> {
  const lab = getLab(cmd.labId);
  checkOutputPaths([['--out', cmd.out], ['--csv', cmd.csv]]);
  const file = cmd.configFile === undefined ? undefined : readConfigFile(cmd.configFile);
  // The person's data is imported once, before the first run, and every run trains on it.
  const dataset = cmd.data === undefined ? undefined : await importData(cmd.data, { ratingThreshold: cmd.threshold, minPerUser: cmd.minPerUser, minPerItem: cmd.minPerItem });
  const sets: [string, string][] = dataset ? [['dataset', IMPORTED], ...cmd.sets] : cmd.sets;
  const built = buildRunConfig(lab, { file, sets, seed: cmd.seed });
  if (!built.ok) throw new UsageError(built.errors.join('\n'));
  const base = built.config;
  // Both throw a LabError naming the bad key or value (exit 2) before anything runs.
  const plan = cmd.plan ? findPlan(lab, cmd.plan.id) : undefined;
  const points = plan ? plan.points(base, cmd.plan?.variant) : [];
  const grid = plan ? points.map((p) => p.override) : gridFromVary(lab, cmd.vary);
  // A plan's runs are told apart by the settings it shows (method, weights…); a grid's by the keys it varies.
  const varied = plan ? plan.shownSettings : cmd.vary.map(([k]) => k);
  const report = (runs: readonly SweepRun[]) => (plan?.report ? plan.report(planRuns(points, runs)) : []);

  const backend = await selectBackend(cmd.backend);
  if (backend.active !== cmd.backend) {
    const why = backend.attempts.find((a) => a.name === cmd.backend)?.reason ?? 'failed';
    process.stderr.write(`note: the ${cmd.backend} backend did not start (${why}); using ${backend.active}\n`);
  }
  process.stderr.write(`sweep of ${lab.id} on ${backend.active}: ${grid.length} runs ${plan ? `of the plan ${plan.id}` : `varying ${varied.join(', ')}`}\n`);

  const n = grid.length;
  const vary = variedValues(varied, grid);
  const files = (sweep: SweepResult): [string | undefined, () => string][] => [
    [cmd.out, () => JSON.stringify(sweepRecord(lab.id, backend.active, base, vary, sweep, new Date(), plan && { ...cmd.plan!, points, tables: report(sweep.runs) }), null, 2) + '\n'],
    [cmd.csv, () => sweepToCsv(varied, sweep.runs)],
  ];
  // Until the sweep resolves, Ctrl-C saves the finished runs and the current one (stopped) at once.
  const finished: SweepRun[] = [];
  let current: { config: Record<string, unknown>; events: ProgressEvent[] } | null = null;
  interrupt.setSaver(() => {
    const runs = current ? [...finished, { config: current.config, result: partialResult(lab.id, current.config, backend.active, current.events) }] : finished;
    writeOutputs(files({ runs, cancelled: true }), 'saved');
  });

  let bar: ProgressBar | null = null;
  let sweep: SweepResult;
  try {
    sweep = await runSweep(lab, base, grid, {
      dataset,
      signal: interrupt.signal,
      control: new StepGate('running', { signal: interrupt.signal }),
      onRunStart: (i, config) => {
        process.stderr.write(`run ${i + 1}/${n}: ${plan ? `${points[i].label} (${points[i].kind})` : describeOverride(grid[i])}\n`);
        current = { config, events: [] };
        bar = new ProgressBar(process.stderr);
      },
      onProgress: (_i, e) => {
        current?.events.push(e);
        bar?.onEvent(e);
      },
      onRunDone: (i, run) => {
        finished.push(run);
        current = null;
        bar?.finish();
        bar = null;
        process.stderr.write(`run ${i + 1}/${n}: ${outcomeText(runOutcome(run))}\n`);
      },
    });
  } finally {
    (bar as ProgressBar | null)?.finish();
  }
  if (sweep.cancelled) process.stderr.write(`sweep cancelled: ${sweep.runs.length} of ${n} runs kept\n`);

  // From here a Ctrl-C saves the final record; the write below is synchronous, so nothing runs in between.
  interrupt.setSaver(() => writeOutputs(files(sweep), 'saved'));
  const writeFailed = !writeOutputs(files(sweep));

  const tables = report(sweep.runs).map((t) => `\n${t.title}\n${formatTable(t.columns, t.rows)}\n`).join('');
  process.stdout.write(`${formatSweepTable(varied, sweep.runs)}\n${tables}\nlab: ${lab.id}   backend: ${backend.active}   runs: ${sweep.runs.length}/${n}${sweep.cancelled ? ' (cancelled)' : ''}\n`);
  const code = sweepExitCode(sweep);
  return code === EXIT.ok && writeFailed ? EXIT.badInput : code;
}
