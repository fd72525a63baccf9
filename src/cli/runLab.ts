// The `lab run` command: resolve the config, pick the backend, run with a progress bar, write the files.
import { readFile } from 'node:fs/promises';
import type { Dataset } from '../core/data/dataset';
import { IMPORTED } from '../core/data/datasetChoice';
import { DEFAULT_MAX_BYTES, formatIssue } from '../core/data/import';
import { importWithFilter, type ImportWithFilterOptions } from '../core/data/import/importWithFilter';
import { errorMessage } from '../core/errors';
import { readDataPath } from './dataFiles';
import { StepGate } from '../core/experiment/stepGate';
import type { RunResult } from '../core/experiment/types';
import { getLab } from '../core/labs/registry';
import { selectBackend } from '../core/tf/backends';
import type { Command } from './args';
import { UsageError } from './args';
import { epochsToCsv, formatSummary, runRecord, writeOutputs } from './output';
import { ProgressBar } from './progressBar';
import { buildRunConfig } from './runConfig';

export const EXIT = { ok: 0, failed: 1, badInput: 2, diverged: 3, interrupted: 130 } as const;

type RunCommand = Extract<Command, { kind: 'run' }>;

async function readConfigFile(path: string): Promise<{ path: string; text: string }> {
  try {
    return { path, text: await readFile(path, 'utf8') };
  } catch (e) {
    throw new UsageError(`config file ${path}: cannot be read (${errorMessage(e)})`);
  }
}

/** Reads and imports --data; import problems are bad input (exit 2), each naming its file and line. */
async function importData(path: string, opts: ImportWithFilterOptions): Promise<Dataset> {
  const r = importWithFilter(await readDataPath(path, { maxBytes: DEFAULT_MAX_BYTES }), opts);
  if (!r.ok) throw new UsageError(`could not import ${path}:\n${r.errors.map(formatIssue).join('\n')}`);
  const rep = r.report;
  process.stderr.write(
    `imported ${rep.format} from ${path}: ${rep.users} users, ${rep.items} items, ${rep.kept} interactions` +
      `${rep.ratingThreshold !== undefined ? ` (ratings ≥ ${rep.ratingThreshold})` : ''}\n`,
  );
  for (const w of rep.warnings) process.stderr.write(`warning: ${w}\n`);
  return r.dataset;
}

/** Runs a lab from the command line; resolves with the process exit code. Bad input throws UsageError/LabError. */
export async function runLab(cmd: RunCommand, signal: AbortSignal): Promise<number> {
  const lab = getLab(cmd.labId);
  const file = cmd.configFile === undefined ? undefined : await readConfigFile(cmd.configFile);
  const dataset = cmd.data === undefined ? undefined : await importData(cmd.data, { ratingThreshold: cmd.threshold, minPerUser: cmd.minPerUser, minPerItem: cmd.minPerItem });
  const sets: [string, string][] = dataset ? [['dataset', IMPORTED], ...cmd.sets] : cmd.sets;
  const built = buildRunConfig(lab, { file, sets, seed: cmd.seed });
  if (!built.ok) throw new UsageError(built.errors.join('\n'));

  const backend = await selectBackend(cmd.backend);
  if (backend.active !== cmd.backend) {
    const why = backend.attempts.find((a) => a.name === cmd.backend)?.reason ?? 'failed';
    process.stderr.write(`note: the ${cmd.backend} backend did not start (${why}); using ${backend.active}\n`);
  }
  const settings = Object.entries(built.config).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
  process.stderr.write(`${lab.id} on ${backend.active}: ${settings.join(' ')}\n`);

  const bar = new ProgressBar(process.stderr);
  let result: RunResult<unknown>;
  try {
    result = await lab.run(built.config as typeof lab.defaults, { onProgress: (e) => bar.onEvent(e), signal, control: new StepGate('running', { signal }), dataset });
  } finally {
    bar.finish();
  }

  const record = runRecord(result, new Date());
  const writeFailed = !(await writeOutputs([
    [cmd.out, () => JSON.stringify(record, null, 2) + '\n'],
    [cmd.csv, () => epochsToCsv(result.events)],
  ]));

  process.stdout.write(formatSummary(result) + '\n');
  if (result.outcome.status === 'diverged') {
    process.stderr.write(`error: ${result.outcome.message}\n`);
    return EXIT.diverged;
  }
  if (writeFailed) return EXIT.badInput;
  return result.outcome.status === 'stopped' ? EXIT.interrupted : EXIT.ok;
}
