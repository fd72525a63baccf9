// The `lab run` command: resolve the config, pick the backend, run with a progress bar, write the files.
import type { Dataset } from '../core/data/dataset';
import { IMPORTED } from '../core/data/datasetChoice';
import { describeAttributes } from '../core/data/import';
import type { ImportWithFilterOptions } from '../core/data/import/importWithFilter';
import { loadDataPath } from './dataFiles';
import { StepGate } from '../core/experiment/stepGate';
import type { ProgressEvent, RunResult } from '../core/experiment/types';
import { getLab } from '../core/labs/registry';
import { selectBackend } from '../core/tf/backends';
import type { Command } from './args';
import { UsageError } from './args';
import { readConfigFile } from './configFile';
import type { Interrupt } from './interrupt';
import { epochsToCsv, formatSummary, runRecord, writeOutputs } from './output';
import { checkOutputPaths } from './preflight';
import { ProgressBar } from './progressBar';
import { buildRunConfig } from './runConfig';

export const EXIT = { ok: 0, failed: 1, badInput: 2, diverged: 3, interrupted: 130 } as const;

type RunCommand = Extract<Command, { kind: 'run' }>;

/** Reads and imports --data; import problems are bad input (exit 2), each naming its file and line. */
export async function importData(path: string, opts: ImportWithFilterOptions): Promise<Dataset> {
  const { dataset, report: rep } = await loadDataPath(path, opts);
  process.stderr.write(
    `imported ${rep.format} from ${path}: ${rep.users} users, ${rep.items} items, ${rep.kept} interactions` +
      `${rep.ratingThreshold !== undefined ? ` (ratings ≥ ${rep.ratingThreshold})` : ''}\n`,
  );
  if (rep.attributes) process.stderr.write(`${describeAttributes(rep.attributes)}\n`);
  for (const w of rep.warnings) process.stderr.write(`warning: ${w}\n`);
  return dataset;
}

/** What a run has produced so far, as a result stopped at its last step: what Ctrl-C saves at once. */
export function partialResult(labId: string, config: unknown, backend: string, events: readonly ProgressEvent[]): RunResult<unknown> {
  const summary: Record<string, number> = {};
  let atStep = 0;
  for (const e of events) {
    if (e.kind === 'epoch') Object.assign(summary, e.values);
    if (e.kind === 'step' || e.kind === 'epoch') atStep = Math.max(atStep, e.step);
  }
  return { labId, config, backend, outcome: { status: 'stopped', atStep }, events: [...events], summary };
}

/** Runs a lab from the command line; resolves with the process exit code. Bad input throws UsageError/LabError. */
export async function runLab(cmd: RunCommand, interrupt: Interrupt): Promise<number> {
  const lab = getLab(cmd.labId);
  // Pre-flight: everything the run needs is checked before the first step (exit 2, the problem named).
  checkOutputPaths([['--out', cmd.out], ['--csv', cmd.csv]]);
  const file = cmd.configFile === undefined ? undefined : readConfigFile(cmd.configFile);
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

  const files = (result: RunResult<unknown>): [string | undefined, () => string][] => [
    [cmd.out, () => JSON.stringify(runRecord(result, new Date()), null, 2) + '\n'],
    [cmd.csv, () => epochsToCsv(result.events)],
  ];
  // Until the run resolves, Ctrl-C saves every step so far at once (see Interrupt for why).
  const events: ProgressEvent[] = [];
  interrupt.setSaver(() => writeOutputs(files(partialResult(lab.id, built.config, backend.active, events)), 'saved'));

  const bar = new ProgressBar(process.stderr);
  let result: RunResult<unknown>;
  try {
    result = await lab.run(built.config as typeof lab.defaults, {
      onProgress: (e) => {
        events.push(e);
        bar.onEvent(e);
      },
      signal: interrupt.signal,
      control: new StepGate('running', { signal: interrupt.signal }),
      dataset,
    });
  } finally {
    bar.finish();
  }

  // From here a Ctrl-C saves the final result; the write below is synchronous, so nothing runs in between.
  interrupt.setSaver(() => writeOutputs(files(result), 'saved'));
  const writeFailed = !writeOutputs(files(result));

  process.stdout.write(formatSummary(result) + '\n');
  if (result.outcome.status === 'diverged') {
    process.stderr.write(`error: ${result.outcome.message}\n`);
    return EXIT.diverged;
  }
  if (writeFailed) return EXIT.badInput;
  return result.outcome.status === 'stopped' ? EXIT.interrupted : EXIT.ok;
}
