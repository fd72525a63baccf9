// Parses the `lab` command line into a typed command; every mistake becomes a UsageError that names it.
import { parseArgs } from 'node:util';

export const NODE_BACKENDS = ['wasm', 'cpu'] as const;
export type NodeBackend = (typeof NODE_BACKENDS)[number];

export type Command =
  | { kind: 'help' }
  | { kind: 'list' }
  | {
      kind: 'run';
      labId: string;
      configFile?: string;
      /** `--set key=value` pairs in the order given; values are still text. */
      sets: [key: string, raw: string][];
      seed?: number;
      out?: string;
      csv?: string;
      backend: NodeBackend;
      /** --data DIR|FILE: the person's dataset, imported and used as the 'imported' dataset. */
      data?: string;
      /** --threshold N: ratings ≥ N count as positive when importing (default 4). */
      threshold?: number;
      /** --min-per-user / --min-per-item: k-core filter applied to --data. */
      minPerUser?: number;
      minPerItem?: number;
    };

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
  -h, --help             this text

Exit codes: 0 done, 1 unexpected failure, 2 bad input, 3 the run diverged, 130 stopped by Ctrl-C.`;

const RUN_ONLY = ['config', 'set', 'seed', 'out', 'csv', 'backend', 'data', 'threshold', 'min-per-user', 'min-per-item'] as const;

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
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    // parseArgs's messages already name the option, e.g. "Unknown option '--bogus'".
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  const [command, ...rest] = positionals;
  if (command === undefined) throw new UsageError('no command given (expected "list" or "run <lab-id>")');

  if (command === 'list') {
    if (rest.length) throw new UsageError(`unexpected argument '${rest[0]}' after "list"`);
    const misplaced = RUN_ONLY.find((k) => values[k] !== undefined);
    if (misplaced) throw new UsageError(`--${misplaced} only applies to "run"`);
    return { kind: 'list' };
  }
  if (command !== 'run') throw new UsageError(`unknown command '${command}' (expected "list" or "run")`);

  const [labId, ...extra] = rest;
  if (labId === undefined) throw new UsageError('"run" needs a lab id, e.g. run pop-vs-mf (see "list")');
  if (extra.length) throw new UsageError(`unexpected argument '${extra[0]}' (settings go in --set key=value)`);

  const backend = values.backend ?? 'wasm';
  if (!(NODE_BACKENDS as readonly string[]).includes(backend)) {
    throw new UsageError(`--backend '${backend}' is not one of ${NODE_BACKENDS.join(', ')}`);
  }
  return {
    kind: 'run',
    labId,
    configFile: values.config,
    sets: (values.set ?? []).map(parseSet),
    seed: values.seed === undefined ? undefined : parseSeed(values.seed),
    out: values.out,
    csv: values.csv,
    backend: backend as NodeBackend,
    data: values.data,
    threshold: values.threshold === undefined ? undefined : parseThreshold(values.threshold, values.data),
    minPerUser: parseMinimum('min-per-user', values['min-per-user'], values.data),
    minPerItem: parseMinimum('min-per-item', values['min-per-item'], values.data),
  };
}

function parseSet(text: string): [string, string] {
  const eq = text.indexOf('=');
  const key = eq < 0 ? '' : text.slice(0, eq).trim();
  if (!key) throw new UsageError(`--set '${text}' is not of the form key=value`);
  return [key, text.slice(eq + 1)];
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
