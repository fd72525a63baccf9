// The `lab arena` command: run the strategy arena headless (weighting sweep + consumption lists on one dataset,
// split and metrics, over seeds), print each reformulating point's gap to its balancing front, write the record.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ARENA_METRICS, arenaPoints, compareStrategies, type ArenaRecord } from '../core/arena/arena';
import { runArena } from '../core/arena/runArena';
import { selectBackend } from '../core/tf/backends';
import { UsageError } from './args';
import { gitCommit } from './findingsCmd';
import { writeTextFile } from './output';
import { REPO_ROOT } from './repoRoot';
import { EXIT } from './runLab';
import { formatTable } from './table';

/** The committed record the app draws: beside the arena's code. */
export const ARENA_FILE = join(REPO_ROOT, 'src', 'core', 'arena', 'arena.json');

export const ARENA_USAGE = `npm run lab -- arena [--seeds 42,43,44] [--out <file.json>] [--quick]
  Runs the strategy arena on workshop: the weighting lab's Pareto sweep on softmax MF (hand weights, automatic
  methods, the consumption reward, re-ranking for c = 1, 2) and the consumption lab's lists (top 10, consumption-aware
  c = 1–3, the MMR diversity sweep), per seed; prints each point (mean ± sd) and each reformulating point's accuracy
  gap to the balancing front of its base model at its diversity. Writes src/core/arena/arena.json (or --out).
  --quick: tiny data, 1 epoch, seed 42; writes only with --out.`;

export async function arenaCmd(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({ args: [...argv], options: { seeds: { type: 'string' }, out: { type: 'string' }, quick: { type: 'boolean' }, help: { type: 'boolean' } } });
  if (values.help) return (process.stdout.write(ARENA_USAGE + '\n'), EXIT.ok);
  const seeds = (values.seeds ?? (values.quick ? '42' : '42,43,44')).split(',').map(Number);
  if (seeds.some((s) => !Number.isInteger(s) || s < 0)) throw new UsageError(`--seeds: '${values.seeds}' is not a list of whole numbers ≥ 0`);
  const backend = await selectBackend('wasm');
  // The commit of the code that runs, taken before the runs (minutes) so later edits do not mark it -dirty.
  const commit = gitCommit();
  const started = Date.now();
  const measured = await runArena({
    seeds,
    dataset: values.quick ? 'tiny' : 'workshop',
    overrides: values.quick ? { epochs: 1, warmStartEpochs: 2 } : {},
    onRun: (what, seed, i, n) => process.stderr.write(`  [${i + 1}/${n}] seed ${seed}: ${what}…\n`),
  });
  const record: ArenaRecord = { tool: 'objective-lab arena', ...measured, backend: backend.active, date: new Date().toISOString(), commit };
  const f = (s?: { mean: number; sd: number }) => (s ? `${s.mean.toFixed(3)} ± ${s.sd.toFixed(3)}` : '–');
  const points = arenaPoints(record);
  process.stdout.write(formatTable(['point', 'strategy', 'ILD@10', ...ARENA_METRICS.map((m) => m.label)], points.map((p) => [p.label, `${p.strategy} (${p.base})`, f(p.values.ild), ...ARENA_METRICS.map((m) => f(p.values[m.key]))])) + '\n\n');
  const cmp = compareStrategies(record);
  process.stdout.write(formatTable(['reformulating point', 'metric', 'gap to front', 'verdict (per seed)'], cmp.map((c) => [c.label, c.metric, f(c.gap), `${c.verdict} (${c.verdicts.join(', ')})`])) + '\n');
  process.stderr.write(`arena: ${points.length} points × ${seeds.length} seeds in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  if (!values.quick || values.out) {
    const path = values.out ?? ARENA_FILE;
    writeTextFile(path, JSON.stringify(record, null, 1) + '\n');
    process.stderr.write(`wrote ${path}\n`);
  }
  return EXIT.ok;
}
