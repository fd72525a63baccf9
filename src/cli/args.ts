// Parses the `lab` command line into a typed command; every mistake becomes a UsageError that names it.
import { parseArgs } from 'node:util';

export const NODE_BACKENDS = ['wasm', 'cpu'] as const;
export type NodeBackend = (typeof NODE_BACKENDS)[number];

/** What run and sweep take to train on the person's own data. */
export interface DataFlags {
  /** --data DIR|FILE: the person's dataset, imported and used as the 'imported' dataset. */
  data?: string;
  /** --threshold N: ratings ≥ N count as positive when importing (default 4). */
  threshold?: number;
  /** --min-per-user / --min-per-item: k-core filter applied to --data. */
  minPerUser?: number;
  minPerItem?: number;
}

export type Command =
  | { kind: 'help' }
  | { kind: 'list' }
  | ({
      kind: 'run';
      labId: string;
      configFile?: string;
      /** `--set key=value` pairs in the order given; values are still text. */
      sets: [key: string, raw: string][];
      seed?: number;
      out?: string;
      csv?: string;
      backend: NodeBackend;
    } & DataFlags)
  | ({
      kind: 'sweep';
      labId: string;
      configFile?: string;
      /** `--set key=value` pairs for the base config, in order; values are still text. */
      sets: [key: string, raw: string][];
      seed?: number;
      /** `--vary key=v1,v2,…` in the order given; values are still text. Empty with `plan`. */
      vary: [key: string, raws: string[]][];
      /** `--plan id[:variant]`: the runs of one of the lab's sweep plans (the browser's sweep) instead of a grid. */
      plan?: { id: string; variant?: string };
      /** `--shard i/n`: only the i-th (0-based) of n disjoint slices of the runs; `--out` writes it as a part for `merge`. */
      shard?: Shard;
      /** `--workers N`: the sweep on N local child processes (one shard each), merged at the end. */
      workers?: number;
      out?: string;
      csv?: string;
      backend: NodeBackend;
    } & DataFlags)
  | {
      kind: 'merge';
      /** The part files written by `sweep --shard i/n --out`, in any order. */
      parts: string[];
      out?: string;
      csv?: string;
    }
  | {
      kind: 'findings';
      /** Only this lab's findings (absent: every lab's). */
      labId?: string;
      /** The fast variant (tiny data, few epochs): prints directions, writes no file unless --out. */
      quick: boolean;
      out?: string;
      backend: NodeBackend;
      /** A folder holding public datasets by name (ml-100k/, ml-latest-small/): findings on real data run only with it. */
      dataDir?: string;
      /** Only these findings of the lab (names after `<lab>.`); the others' records are kept. */
      only?: string[];
    };

/** One slice of a sweep: runs index, index + count, index + 2·count, … of the grid (0-based). */
export interface Shard {
  index: number;
  count: number;
}

/** Bad command-line input: the CLI prints the message and exits with code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const USAGE = `Usage:
  npm run lab -- list
  npm run lab -- run <lab-id> [options]
  npm run lab -- sweep <lab-id> --vary <key=v1,v2,…> [--vary …] [options]
  npm run lab -- sweep <lab-id> --plan <plan-id[:variant]> [options]
  npm run lab -- merge <part.json>… --out <sweep.json> [--csv <sweep.csv>]
  npm run lab -- findings [<lab-id>] [--quick] [--out <file.json>]   (also: npm run findings)

Options of run:
  --config <file.json>   settings from a JSON file (unknown keys are errors)
  --set <key=value>      one setting; repeat for more (overrides the config file)
  --seed <N>             the seed setting (overrides --set seed=…)
  --out <results.json>   write the run (config, backend, outcome, summary, events) as JSON
  --csv <metrics.csv>    write one row per epoch: epoch,step,<every value>
  --backend <wasm|cpu>   tfjs backend (default wasm; falls back to cpu if wasm fails)
  --data <DIR|FILE>      train on your data: a MovieLens 100K or latest folder, or a CSV/TSV of
                         user,item[,rating][,timestamp] (sets dataset=imported)
  --threshold <N>        with --data: ratings ≥ N count as a positive interaction (default 4)
  --min-per-user <N>     with --data: keep users with ≥ N interactions (and --min-per-item <N> for
                         items), repeated until both hold
  --debug                an unexpected error (exit 1) prints its stack too (or OBJECTIVE_LAB_DEBUG=1)
  -h, --help             this text

Options of sweep (one run per combination of the --vary values, one after another):
  --vary <key=v1,v2,…>   a setting and its values; repeat for more keys (the grid is their product)
  --plan <id[:variant]>  instead of --vary: the runs of one of the lab's sweeps as the browser runs them
                         (e.g. weighting's pareto, pareto:3), with the plan's own report tables
  --config, --set, --seed   the base settings every run starts from, as for run
  --data, --threshold, --min-per-user, --min-per-item   your data, as for run: imported once for every run
  --out <sweep.json>     write every run's config, outcome and summary as JSON
  --csv <sweep.csv>      write one row per run: run,<varied keys>,outcome,<summary values>
  --backend <wasm|cpu>   as for run
  --shard <i/n>          only the i-th of n slices of the runs, i from 0 to n-1 (runs i, i+n, i+2n, …);
                         --out writes it as a part for merge (e.g. i = $SLURM_ARRAY_TASK_ID)
  --workers <N>          run the sweep on N local processes (a shard each) and merge their parts
  Ctrl-C stops the current run and keeps (and writes) the finished ones; with --workers, each worker
  keeps its finished runs in its part (the paths are printed) and no --out is written.

Options of merge (join the parts of a sharded sweep into the file the unsharded sweep writes):
  <part.json>…           every part, once each (sweep --shard i/n --out part-i.json); they must come
                         from the same sweep: lab, base config, runs, backend and n
  --out <sweep.json>     the merged record, as sweep --out writes it (a plan's tables recomputed)
  --csv <sweep.csv>      one row per run, as sweep --csv writes it

Options of findings (re-run the labs' declared findings headless):
  --quick                the fast variant (tiny data, few epochs): prints each finding, writes no file
  --out <file.json>      write here instead of src/core/labs/findings.json (a lab id updates only its findings)
  --backend <wasm|cpu>   as for run
  --only <name,…>        with a lab id: only these of its findings (e.g. --only ml-100k); the others' records are kept
  --data-dir <folder>    your copies of public datasets, one sub-folder each (ml-100k/, ml-latest-small/): the
                         findings measured on real data run only with it (they are skipped, and their record kept,
                         without it; the data is never shipped)
  Exit code 1 if an expected relation did not hold.

Exit codes: 0 done, 1 unexpected failure (sweep: a run threw), 2 bad input, 3 the run (sweep: a run)
diverged, 130 stopped by Ctrl-C (the files are saved at the first Ctrl-C, and again when the run stops).`;

const RUN_ONLY = ['config', 'set', 'seed', 'out', 'csv', 'backend', 'data', 'threshold', 'min-per-user', 'min-per-item', 'vary', 'plan', 'shard', 'workers'] as const;
const SWEEP_ONLY: readonly string[] = ['vary', 'plan', 'shard', 'workers'];

/** `argv` without the node and script paths, e.g. `['run', 'pop-vs-mf', '--set', 'epochs=2']`. */
export function parseCliArgs(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        config: { type: 'string' },
        set: { type: 'string', multiple: true },
        seed: { type: 'string' },
        out: { type: 'string' },
        csv: { type: 'string' },
        backend: { type: 'string' },
        data: { type: 'string' },
        threshold: { type: 'string' },
        'min-per-user': { type: 'string' },
        'min-per-item': { type: 'string' },
        vary: { type: 'string', multiple: true },
        plan: { type: 'string' },
        shard: { type: 'string' },
        workers: { type: 'string' },
        quick: { type: 'boolean' },
        'data-dir': { type: 'string' },
        only: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        // Read by main before parsing (an unexpected error prints its stack); accepted here so it is not unknown.
        debug: { type: 'boolean' },
      },
    });
  } catch (e) {
    // parseArgs's messages already name the option, e.g. "Unknown option '--bogus'".
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  const [command, ...rest] = positionals;
  if (command === undefined) throw new UsageError('no command given (expected "list", "run <lab-id>", "sweep <lab-id>" or "merge <part>…")');

  if (command !== 'findings' && values['data-dir'] !== undefined) throw new UsageError('--data-dir only applies to "findings" (run and sweep take --data)');
  if (command === 'list') {
    if (rest.length) throw new UsageError(`unexpected argument '${rest[0]}' after "list"`);
    const misplaced = RUN_ONLY.find((k) => values[k] !== undefined);
    if (misplaced) throw new UsageError(`--${misplaced} only applies to ${SWEEP_ONLY.includes(misplaced) ? '"sweep"' : '"run"'}`);
    return { kind: 'list' };
  }
  if (command === 'findings') {
    if (rest.length > 1) throw new UsageError(`unexpected argument '${rest[1]}' after "findings <lab-id>"`);
    const misplaced = RUN_ONLY.find((k) => k !== 'out' && k !== 'backend' && values[k] !== undefined);
    if (misplaced) throw new UsageError(`--${misplaced} does not apply to "findings" (it runs each finding's declared settings)`);
    const fb = values.backend ?? 'wasm';
    if (!(NODE_BACKENDS as readonly string[]).includes(fb)) throw new UsageError(`--backend '${fb}' is not one of ${NODE_BACKENDS.join(', ')}`);
    const dataDir = values['data-dir'];
    const only = values.only?.split(',').map((x) => x.trim()).filter(Boolean);
    if (only !== undefined && (rest[0] === undefined || only.length === 0)) throw new UsageError('--only needs a lab id and at least one finding name, e.g. "findings p5 --only leak"');
    return { kind: 'findings', labId: rest[0], quick: values.quick ?? false, out: values.out, backend: fb as NodeBackend, ...(dataDir !== undefined ? { dataDir } : {}), ...(only ? { only } : {}) };
  }
  if (values.quick !== undefined) throw new UsageError('--quick only applies to "findings"');
  if (command === 'merge') {
    if (rest.length === 0) throw new UsageError('"merge" needs the part files, e.g. merge parts/*.json --out sweep.json');
    const misplaced = RUN_ONLY.find((k) => k !== 'out' && k !== 'csv' && values[k] !== undefined);
    if (misplaced) throw new UsageError(`--${misplaced} does not apply to "merge" (the parts hold their sweep's settings)`);
    return { kind: 'merge', parts: rest, out: values.out, csv: values.csv };
  }
  if (command !== 'run' && command !== 'sweep') throw new UsageError(`unknown command '${command}' (expected "list", "run", "sweep", "merge" or "findings")`);

  const [labId, ...extra] = rest;
  if (labId === undefined) throw new UsageError(`"${command}" needs a lab id, e.g. ${command} pop-vs-mf (see "list")`);
  if (extra.length) throw new UsageError(`unexpected argument '${extra[0]}' (settings go in --set key=value)`);

  const backend = values.backend ?? 'wasm';
  if (!(NODE_BACKENDS as readonly string[]).includes(backend)) {
    throw new UsageError(`--backend '${backend}' is not one of ${NODE_BACKENDS.join(', ')}`);
  }
  if (command === 'sweep') {
    const vary = (values.vary ?? []).map(parseVary);
    const plan = values.plan === undefined ? undefined : parsePlan(values.plan);
    if (plan && vary.length) throw new UsageError('--plan and --vary do not mix: a plan names its own runs');
    if (vary.length === 0 && !plan) throw new UsageError('"sweep" needs at least one --vary key=v1,v2,… (e.g. --vary epochs=5,10) or a --plan');
    const shard = values.shard === undefined ? undefined : parseShard(values.shard);
    const workers = values.workers === undefined ? undefined : parseWorkers(values.workers);
    if (shard && workers !== undefined) throw new UsageError('--shard and --workers do not mix: --workers gives each of its processes a shard itself');
    return {
      kind: 'sweep',
      labId,
      configFile: values.config,
      sets: (values.set ?? []).map(parseSet),
      seed: values.seed === undefined ? undefined : parseSeed(values.seed),
      vary,
      ...(plan ? { plan } : {}),
      ...(shard ? { shard } : {}),
      ...(workers !== undefined ? { workers } : {}),
      out: values.out,
      csv: values.csv,
      backend: backend as NodeBackend,
      ...dataFlags(values),
    };
  }
  if (values.vary !== undefined) throw new UsageError('--vary only applies to "sweep"');
  if (values.plan !== undefined) throw new UsageError('--plan only applies to "sweep"');
  if (values.shard !== undefined) throw new UsageError('--shard only applies to "sweep"');
  if (values.workers !== undefined) throw new UsageError('--workers only applies to "sweep"');
  return {
    kind: 'run',
    labId,
    configFile: values.config,
    sets: (values.set ?? []).map(parseSet),
    seed: values.seed === undefined ? undefined : parseSeed(values.seed),
    out: values.out,
    csv: values.csv,
    backend: backend as NodeBackend,
    ...dataFlags(values),
  };
}

/** --data and the import options that only make sense with it (run and sweep alike). */
function dataFlags(values: { data?: string; threshold?: string; 'min-per-user'?: string; 'min-per-item'?: string }): DataFlags {
  return {
    data: values.data,
    threshold: values.threshold === undefined ? undefined : parseThreshold(values.threshold, values.data),
    minPerUser: parseMinimum('min-per-user', values['min-per-user'], values.data),
    minPerItem: parseMinimum('min-per-item', values['min-per-item'], values.data),
  };
}

/** "pareto" or "pareto:3": a plan id and, after a colon, its variant. */
function parsePlan(text: string): { id: string; variant?: string } {
  const [id, variant, more] = text.split(':');
  if (!id || more !== undefined || variant === '') throw new UsageError(`--plan '${text}' is not of the form id or id:variant`);
  return variant === undefined ? { id } : { id, variant };
}

/**
 * "2/4": the third of four slices. i counts from 0, as Slurm's SLURM_ARRAY_TASK_ID (with --array=0-3) and a
 * Kubernetes Indexed Job's JOB_COMPLETION_INDEX do, so a job script passes its index unchanged.
 */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) throw new UsageError(`--shard '${text}' is not of the form i/n (e.g. --shard 0/4: the first of 4 slices, i from 0 to n-1)`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1) throw new UsageError(`--shard '${text}': n must be at least 1`);
  if (index >= count) throw new UsageError(`--shard '${text}': i counts from 0, so it must be below n (0 to ${count - 1})`);
  return { index, count };
}

function parseWorkers(text: string): number {
  if (!/^\s*\d+\s*$/.test(text) || Number(text) < 1) throw new UsageError(`--workers '${text}' is not a whole number ≥ 1`);
  return Number(text);
}

function parseSet(text: string): [string, string] {
  const eq = text.indexOf('=');
  const key = eq < 0 ? '' : text.slice(0, eq).trim();
  if (!key) throw new UsageError(`--set '${text}' is not of the form key=value`);
  return [key, text.slice(eq + 1)];
}

/** `key=v1,v2,…`: split at the first "=", then at every comma (so a value cannot hold a comma). */
function parseVary(text: string): [string, string[]] {
  const eq = text.indexOf('=');
  const key = eq < 0 ? '' : text.slice(0, eq).trim();
  if (!key) throw new UsageError(`--vary '${text}' is not of the form key=v1,v2,…`);
  const raws = text.slice(eq + 1).split(',');
  if (raws.some((r) => r.trim() === '')) throw new UsageError(`--vary '${text}' has an empty value (values are separated by commas)`);
  return [key, raws];
}

function parseSeed(text: string): number {
  if (!/^\d+$/.test(text.trim())) throw new UsageError(`--seed '${text}' is not a whole number ≥ 0`);
  return Number(text);
}

function parseThreshold(text: string, data: string | undefined): number {
  if (data === undefined) throw new UsageError('--threshold only applies with --data');
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n)) throw new UsageError(`--threshold '${text}' is not a number`);
  return n;
}

function parseMinimum(flag: string, text: string | undefined, data: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (data === undefined) throw new UsageError(`--${flag} only applies with --data`);
  if (!/^\d+$/.test(text.trim())) throw new UsageError(`--${flag} '${text}' is not a whole number ≥ 0`);
  return Number(text);
}
