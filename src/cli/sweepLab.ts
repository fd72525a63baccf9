// The `lab sweep` command: one run per combination of --vary values, progress on stderr, table and files out.
import { describeOverride, gridFromVary, resolveGrid, runEvaluations, runSweep, type SweepResult, type SweepRun } from '../core/experiment/sweep';
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
import { dataFingerprint, gridFingerprint, shardPositions } from './sweepShard';
import { formatTable } from './table';

export type SweepCommand = Extract<Command, { kind: 'sweep' }>;

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

/** One run as the table and the CSV read it (a run of a sweep, or of a record read back by merge). */
export interface RunRow {
  config: Record<string, unknown>;
  outcome: SweepRunOutcome;
  summary: Record<string, number>;
}

/**
 * A part of a sharded sweep (`sweep --shard i/n --out`): the record of its runs, in grid order, plus which slice
 * it is and a fingerprint of the whole grid, so `merge` can check it joins every run of one sweep. A part has no
 * plan tables: they are read from all the runs, so merge computes them.
 */
export interface SweepPartRecord extends SweepRecord {
  shard: {
    index: number;
    count: number;
    /** Runs in the whole sweep. */
    runs: number;
    /** gridFingerprint of every run's config. */
    grid: string;
    /** With --data: dataFingerprint of the imported data. */
    data?: string;
  };
}

/** What a sweep command runs, checked before anything runs: the base config, the runs, and a plan's points. */
export interface SweepSetup {
  lab: Lab;
  base: Record<string, unknown>;
  plan?: SweepPlan;
  /** With a plan: one per run. */
  points: SweepPoint[];
  /** Each run's settings over the base. */
  grid: Record<string, unknown>[];
  /** Every run's resolved config, in order. */
  configs: Record<string, unknown>[];
  /** The settings that tell runs apart in the table and CSV. */
  varied: string[];
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

/**
 * A sweep's record with its keys in the one order the CLI writes them, so a merged record is byte for byte the
 * unsharded one (bar createdAt). `tables` is left out when undefined (a part's).
 */
export function assembleRecord(r: Omit<SweepRecord, 'tool' | 'createdAt'> & { createdAt: Date }): SweepRecord {
  return {
    tool: TOOL,
    createdAt: r.createdAt.toISOString(),
    labId: r.labId,
    backend: r.backend,
    base: r.base,
    vary: r.vary,
    ...(r.plan ? { plan: { id: r.plan.id, ...(r.plan.variant === undefined ? {} : { variant: r.plan.variant }) } } : {}),
    runs: r.runs.map((x) => ({
      config: x.config,
      ...(r.plan ? { label: x.label, kind: x.kind } : {}),
      outcome: x.outcome,
      summary: x.summary,
      epochs: x.epochs,
    })),
    ...(r.tables ? { tables: r.tables } : {}),
    cancelled: r.cancelled,
  };
}

export function sweepRecord(
  labId: string,
  backend: string,
  base: Record<string, unknown>,
  vary: Record<string, unknown[]>,
  sweep: SweepResult,
  createdAt: Date,
  plan?: { id: string; variant?: string; points: readonly SweepPoint[]; tables?: ReportTable[] },
): SweepRecord {
  return assembleRecord({
    createdAt,
    labId,
    backend,
    base,
    vary,
    ...(plan ? { plan: { id: plan.id, variant: plan.variant } } : {}),
    runs: sweep.runs.map((r, i) => ({
      config: r.config,
      label: plan?.points[i]?.label,
      kind: plan?.points[i]?.kind,
      outcome: runOutcome(r),
      summary: r.result?.summary ?? {},
      epochs: runEvaluations(r.result),
    })),
    tables: plan?.tables,
    cancelled: sweep.cancelled,
  });
}

/** A run of a sweep as a table row; a record's runs are rows already. */
function asRow(r: SweepRun | RunRow): RunRow {
  return 'outcome' in r ? r : { config: r.config, outcome: runOutcome(r), summary: r.result?.summary ?? {} };
}

/** Summary keys over all runs, in order of first appearance. */
function summaryKeys(runs: readonly RunRow[]): string[] {
  const keys: string[] = [];
  for (const r of runs) for (const k of Object.keys(r.summary)) if (!keys.includes(k)) keys.push(k);
  return keys;
}

const cell = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

function csvField(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * One row per run: `run,<varied keys>,outcome,<summary keys>`; numbers in full precision, gaps empty. `numbers`:
 * each run's number in the whole sweep (a shard's runs are not 1, 2, 3…); default 1, 2, 3….
 */
export function sweepToCsv(varied: readonly string[], sweepRuns: readonly (SweepRun | RunRow)[], numbers?: readonly number[]): string {
  const runs = sweepRuns.map(asRow);
  const keys = summaryKeys(runs);
  const lines = [['run', ...varied, 'outcome', ...keys].map(csvField).join(',')];
  runs.forEach((r, i) => {
    const s = r.summary;
    const row = [String(numbers?.[i] ?? i + 1), ...varied.map((k) => cell(r.config[k])), r.outcome.status, ...keys.map((k) => csvNumber(s[k]))];
    lines.push(row.map(csvField).join(','));
  });
  return lines.join('\n') + '\n';
}

/** The stdout table: one row per run, its varied settings, outcome and final summary values. */
export function formatSweepTable(varied: readonly string[], sweepRuns: readonly (SweepRun | RunRow)[], numbers?: readonly number[]): string {
  if (sweepRuns.length === 0) return '(no run finished)';
  const runs = sweepRuns.map(asRow);
  const keys = summaryKeys(runs);
  const rows = runs.map((r, i) => {
    const s = r.summary;
    return [String(numbers?.[i] ?? i + 1), ...varied.map((k) => cell(r.config[k])), r.outcome.status, ...keys.map((k) => (Object.hasOwn(s, k) ? formatMetric(s[k]) : ''))];
  });
  const note = rows.some((row) => row.includes(NA)) ? `\n${NA_NOTE}` : '';
  return formatTable(['run', ...varied, 'outcome', ...keys], rows) + note;
}

/** Exit code of a sweep: Ctrl-C beats a run that threw, which beats a diverged run. */
export function sweepExitCode(sweep: SweepResult): number {
  return exitCodeOf(sweep.cancelled, sweep.runs.map(asRow));
}

/** sweepExitCode over rows (a merged record's runs). */
export function exitCodeOf(cancelled: boolean, runs: readonly RunRow[]): number {
  if (cancelled) return EXIT.interrupted;
  const statuses = runs.map((r) => r.outcome.status);
  if (statuses.includes('failed')) return EXIT.failed;
  if (statuses.includes('diverged')) return EXIT.diverged;
  return EXIT.ok;
}


/**
 * The sweep a command asks for, every config checked (a LabError or UsageError, exit 2, before anything runs).
 * `imported`: the runs train on --data (the dataset setting becomes `imported`).
 */
export function planSweep(cmd: SweepCommand, imported: boolean, file = cmd.configFile === undefined ? undefined : readConfigFile(cmd.configFile)): SweepSetup {
  const lab = getLab(cmd.labId);
  const sets: [string, string][] = imported ? [['dataset', IMPORTED], ...cmd.sets] : cmd.sets;
  const built = buildRunConfig(lab, { file, sets, seed: cmd.seed });
  if (!built.ok) throw new UsageError(built.errors.join('\n'));
  const base = built.config;
  // Both throw a LabError naming the bad key or value (exit 2) before anything runs.
  const plan = cmd.plan ? findPlan(lab, cmd.plan.id) : undefined;
  const points = plan ? plan.points(base, cmd.plan?.variant) : [];
  const grid = plan ? points.map((p) => p.override) : gridFromVary(lab, cmd.vary);
  const configs = resolveGrid(lab, base, grid);
  // A plan's runs are told apart by the settings it shows (method, weights…); a grid's by the keys it varies.
  const varied = plan ? plan.shownSettings : cmd.vary.map(([k]) => k);
  return { lab, base, ...(plan ? { plan } : {}), points, grid, configs, varied };
}

/** Runs a sweep (or, with --shard, its slice) from the command line; resolves with the exit code. Bad input throws UsageError/LabError. */
export async function sweepLab(cmd: SweepCommand, interrupt: Interrupt): Promise<number> {
  getLab(cmd.labId);
  checkOutputPaths([['--out', cmd.out], ['--csv', cmd.csv]]);
  // Read before the import, so a missing config file is named before a long import.
  const file = cmd.configFile === undefined ? undefined : readConfigFile(cmd.configFile);
  // The person's data is imported once, before the first run, and every run trains on it.
  const dataset = cmd.data === undefined ? undefined : await importData(cmd.data, { ratingThreshold: cmd.threshold, minPerUser: cmd.minPerUser, minPerItem: cmd.minPerItem });
  const setup = planSweep(cmd, dataset !== undefined, file);
  const { lab, base, plan, varied } = setup;
  const total = setup.grid.length;
  // A shard runs its slice of the grid; each run's config (seed included) is the one it has in the whole sweep.
  const positions = cmd.shard ? shardPositions(total, cmd.shard) : setup.grid.map((_, j) => j);
  const grid = positions.map((j) => setup.grid[j]);
  const points = plan ? positions.map((j) => setup.points[j]) : [];
  const report = (runs: readonly SweepRun[]) => (plan?.report && !cmd.shard ? plan.report(planRuns(points, runs)) : []);
  const numbers = positions.map((j) => j + 1);

  const backend = await selectBackend(cmd.backend);
  if (backend.active !== cmd.backend) {
    const why = backend.attempts.find((a) => a.name === cmd.backend)?.reason ?? 'failed';
    process.stderr.write(`note: the ${cmd.backend} backend did not start (${why}); using ${backend.active}\n`);
  }
  const what = `${total} runs ${plan ? `of the plan ${plan.id}` : `varying ${varied.join(', ')}`}`;
  const slice = cmd.shard ? `shard ${cmd.shard.index}/${cmd.shard.count}, ${grid.length} of ` : '';
  process.stderr.write(`sweep of ${lab.id} on ${backend.active}: ${slice}${what}\n`);

  // `vary` is read from the whole grid, so every part of a sharded sweep records the same one.
  const vary = variedValues(varied, setup.grid);
  const shard = cmd.shard && { index: cmd.shard.index, count: cmd.shard.count, runs: total, grid: gridFingerprint(setup.configs), ...(dataset ? { data: dataFingerprint(dataset) } : {}) };
  const record = (sweep: SweepResult) => {
    const rec = sweepRecord(lab.id, backend.active, base, vary, sweep, new Date(), plan && { ...cmd.plan!, points, tables: cmd.shard ? undefined : report(sweep.runs) });
    return shard ? ({ ...rec, shard } satisfies SweepPartRecord) : rec;
  };
  const files = (sweep: SweepResult): [string | undefined, () => string][] => [
    [cmd.out, () => JSON.stringify(record(sweep), null, 2) + '\n'],
    [cmd.csv, () => sweepToCsv(varied, sweep.runs, numbers)],
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
        process.stderr.write(`run ${numbers[i]}/${total}: ${plan ? `${points[i].label} (${points[i].kind})` : describeOverride(grid[i])}\n`);
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
        process.stderr.write(`run ${numbers[i]}/${total}: ${outcomeText(runOutcome(run))}\n`);
      },
    });
  } finally {
    (bar as ProgressBar | null)?.finish();
  }
  if (sweep.cancelled) process.stderr.write(`sweep cancelled: ${sweep.runs.length} of ${grid.length} runs kept\n`);

  // From here a Ctrl-C saves the final record; the write below is synchronous, so nothing runs in between.
  interrupt.setSaver(() => writeOutputs(files(sweep), 'saved'));
  const writeFailed = !writeOutputs(files(sweep));

  const tables = report(sweep.runs).map((t) => `\n${t.title}\n${formatTable(t.columns, t.rows)}\n`).join('');
  const note = cmd.shard && plan?.report ? `\nthe plan's tables read every run: merge the parts to get them\n` : '';
  const counted = cmd.shard ? `${sweep.runs.length}/${grid.length} of shard ${cmd.shard.index}/${cmd.shard.count}` : `${sweep.runs.length}/${total}`;
  process.stdout.write(`${formatSweepTable(varied, sweep.runs, numbers)}\n${tables}${note}\nlab: ${lab.id}   backend: ${backend.active}   runs: ${counted}${sweep.cancelled ? ' (cancelled)' : ''}\n`);
  const code = sweepExitCode(sweep);
  return code === EXIT.ok && writeFailed ? EXIT.badInput : code;
}
