// What a CLI run leaves behind: the JSON record, the per-epoch CSV and the summary table on stdout.
import { lstatSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RunOutcome, RunResult } from '../core/experiment/types';
import { csvNumber, epochsToCsv, nestValues } from '../core/experiment/runExport';
import { formatNumber, formatTable } from './table';

// Moved to core so the app's run history writes the same files; re-exported for the CLI's callers.
export { csvNumber, epochsToCsv, nestValues };

export const TOOL = 'objective-lab cli';

/** The JSON file of a run: the RunResult plus which tool wrote it and when. */
export interface RunRecord<C = unknown> extends RunResult<C> {
  tool: typeof TOOL;
  createdAt: string;
  /** The step events again, with `group/name` values nested by group: `rewards`, `weights`, … by objective name. */
  steps: Record<string, unknown>[];
}

export function runRecord<C>(result: RunResult<C>, createdAt: Date): RunRecord<C> {
  const { labId, config, backend, outcome, summary, events } = result;
  const steps = events.flatMap((e) => (e.kind === 'step' ? [{ step: e.step, epoch: e.epoch, ...nestValues(e.values) }] : []));
  return { tool: TOOL, createdAt: createdAt.toISOString(), labId, config, backend, outcome, summary, events, steps };
}

/**
 * A metric for the terminal: a number, or "n/a" where the run measured nothing (e.g. no test user had a
 * held-out item to score, so NDCG over them is undefined) — never "undefined" or "NaN".
 */
export function formatMetric(v: unknown): string {
  if (typeof v !== 'number') return NA;
  return Number.isNaN(v) ? `${NA} (NaN)` : formatNumber(v);
}
export const NA = 'n/a';
/** The line under a table that shows n/a, saying why. */
export const NA_NOTE = 'n/a: not measured in this run (for instance, no test user had a held-out item to score)';

export function describeOutcome(o: RunOutcome): string {
  switch (o.status) {
    case 'completed':
      return 'completed';
    case 'stopped':
      return `stopped at step ${o.atStep}`;
    case 'diverged':
      // The message names the step already ("diverged at step 102 — try a lower learning rate").
      return o.message.includes(String(o.atStep)) ? o.message : `diverged at step ${o.atStep}: ${o.message}`;
  }
}

/** The stdout report: summary table (final value of each epoch series), backend and outcome. */
export function formatSummary(result: RunResult<unknown>): string {
  // With a wide table (mean ± sd), the spreads are left out here; the JSON keeps every value.
  const rows = Object.entries(result.summary)
    .filter(([k]) => !(result.tables?.length && k.endsWith('/sd')))
    .map(([k, v]) => [k, formatMetric(v)]);
  const note = rows.some(([, v]) => v === NA) ? `\n${NA_NOTE}` : '';
  const table = rows.length ? formatTable(['metric', 'final'], rows) + note : '(no epoch finished)';
  const extra = (result.tables ?? []).map((t) => `\n\n${t.title}\n${formatTable(t.columns, t.rows)}`).join('');
  return `${table}${extra}\n\nlab: ${result.labId}   backend: ${result.backend}   outcome: ${describeOutcome(result.outcome)}`;
}

/**
 * Writes a file, creating its folder: synchronously (so a Ctrl-C handler can call it and nothing runs
 * in between), to a temporary name first and then renamed, so the path never holds half a file. A path that
 * is not a plain file (`/dev/stdout`, a pipe) or is a link is written in place: renaming would replace the
 * device or the link itself. A failed write leaves no temporary file behind.
 */
export function writeTextFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const st = lstatOrNull(path);
  if (st && !st.isFile()) {
    writeFileSync(path, text, 'utf8');
    return;
  }
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text, 'utf8');
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

function lstatOrNull(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

/**
 * Writes each requested file (skipping paths not given), saying so on stderr (`wrote` or e.g. `saved`); a
 * file that cannot be written is reported and the others are still written. Returns false if any failed.
 */
export function writeOutputs(files: [path: string | undefined, text: () => string][], verb = 'wrote'): boolean {
  let ok = true;
  for (const [path, text] of files) {
    if (path === undefined) continue;
    try {
      writeTextFile(path, text());
      process.stderr.write(`${verb} ${path}\n`);
    } catch (e) {
      ok = false;
      process.stderr.write(`error: could not write ${path} (${e instanceof Error ? e.message : String(e)})\n`);
    }
  }
  return ok;
}
