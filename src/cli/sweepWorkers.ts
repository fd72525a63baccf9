// `lab sweep … --workers N`: the same sweep on N local child processes, one shard each, merged at the end.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Shard } from './args';
import type { Interrupt } from './interrupt';
import { emitMerged, mergeParts } from './mergeSweep';
import { checkOutputPaths } from './preflight';
import { EXIT } from './runLab';
import { planSweep, type SweepCommand } from './sweepLab';

/**
 * The command line of one worker: the sweep's own settings, rebuilt from the parsed command (so `--workers`,
 * `--out` and `--csv` are not passed on), plus `--shard` and the part's path.
 */
export function shardArgv(cmd: SweepCommand, shard: Shard, part: string): string[] {
  const args = ['sweep', cmd.labId];
  if (cmd.configFile !== undefined) args.push('--config', cmd.configFile);
  for (const [k, v] of cmd.sets) args.push('--set', `${k}=${v}`);
  if (cmd.seed !== undefined) args.push('--seed', String(cmd.seed));
  for (const [k, vs] of cmd.vary) args.push('--vary', `${k}=${vs.join(',')}`);
  if (cmd.plan) args.push('--plan', cmd.plan.variant === undefined ? cmd.plan.id : `${cmd.plan.id}:${cmd.plan.variant}`);
  if (cmd.data !== undefined) args.push('--data', cmd.data);
  if (cmd.threshold !== undefined) args.push('--threshold', String(cmd.threshold));
  if (cmd.minPerUser !== undefined) args.push('--min-per-user', String(cmd.minPerUser));
  if (cmd.minPerItem !== undefined) args.push('--min-per-item', String(cmd.minPerItem));
  args.push('--backend', cmd.backend, '--shard', `${shard.index}/${shard.count}`, '--out', part);
  return args;
}

/** Runs a child to its end, its stderr lines prefixed with its shard; resolves with its exit code (null: killed). */
function runWorker(child: ChildProcess, prefix: string): Promise<number | null> {
  if (child.stderr) createInterface({ input: child.stderr }).on('line', (line) => process.stderr.write(`${prefix} ${line}\n`));
  return new Promise((resolve) => {
    child.on('error', (e) => {
      process.stderr.write(`${prefix} error: could not start (${e.message})\n`);
      resolve(null);
    });
    child.on('close', (code) => resolve(code));
  });
}

/** Runs the sweep on `cmd.workers` local processes and merges their parts; resolves with the exit code. */
export async function sweepWithWorkers(cmd: SweepCommand, interrupt: Interrupt): Promise<number> {
  checkOutputPaths([['--out', cmd.out], ['--csv', cmd.csv]]);
  // Every config is checked here, once, before a process starts (the data is imported by each worker).
  const { lab, grid } = planSweep(cmd, cmd.data !== undefined);
  const count = Math.max(1, Math.min(cmd.workers ?? 1, grid.length));
  const dir = mkdtempSync(join(tmpdir(), 'objective-lab-parts-'));
  const partPath = (i: number) => join(dir, `part-${i}.json`);
  process.stderr.write(`sweep of ${lab.id}: ${grid.length} runs on ${count} worker processes (parts in ${dir})\n`);

  // The same CLI, the same Node flags (`--import tsx`); stdout (each shard's table) is not needed.
  const children = Array.from({ length: count }, (_, i) =>
    spawn(process.execPath, [...process.execArgv, process.argv[1], ...shardArgv(cmd, { index: i, count }, partPath(i))], { stdio: ['ignore', 'ignore', 'pipe'] }),
  );
  // Ctrl-C reaches the workers from the terminal too, and a copy within half a second counts as the same press
  // (see Interrupt); passing every one on also stops them when only this process is signalled.
  interrupt.setSaver(() => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGINT');
  });
  const codes = await Promise.all(children.map((c, i) => runWorker(c, `[shard ${i}/${count}]`)));
  interrupt.setSaver(undefined);

  if (interrupt.signal.aborted || codes.includes(EXIT.interrupted)) {
    const saved = children.flatMap((_, i) => (existsSync(partPath(i)) ? [partPath(i)] : []));
    if (saved.length === 0) rmSync(dir, { recursive: true, force: true });
    // A stopped part holds its finished runs, but the runs of all parts together are not a prefix of the sweep, so
    // no file the unsharded sweep would write can be made from them: they are left where they are.
    process.stderr.write(saved.length ? `sweep stopped: no --out written; the stopped parts keep their finished runs: ${saved.join(', ')}\n` : 'sweep stopped before any part was written\n');
    return EXIT.interrupted;
  }
  // A worker's own exit code 1 or 3 says a run failed or diverged: its part is still whole.
  const whole = (code: number | null) => code === EXIT.ok || code === EXIT.failed || code === EXIT.diverged;
  const broken = codes.flatMap((code, i) => (!whole(code) || !existsSync(partPath(i)) ? [i] : []));
  if (broken.length) {
    process.stderr.write(`error: ${broken.map((i) => `shard ${i}/${count} (exit ${codes[i] ?? 'killed'})`).join(', ')} wrote no whole part; see its lines above. Parts kept in ${dir}\n`);
    return codes.includes(EXIT.badInput) ? EXIT.badInput : EXIT.failed;
  }
  const rec = mergeParts(Array.from({ length: count }, (_, i) => ({ path: partPath(i), text: readFileSync(partPath(i), 'utf8') })), new Date());
  rmSync(dir, { recursive: true, force: true });
  return emitMerged(rec, cmd.out, cmd.csv);
}
