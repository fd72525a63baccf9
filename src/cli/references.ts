// The PyTorch references of `npm run bench` (src/core/bench/reference/*.py): run when a Python with torch is on
// this machine, never required. Their output is untrusted text: anything that is not the expected JSON is skipped
// with a reason, and the bench goes on without ratios.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { formatTable } from './table';
import { REPO_ROOT } from './repoRoot';

export const REFERENCE_DIR = join(REPO_ROOT, 'src', 'core', 'bench', 'reference');

/** The goal of issue 18: each training step within 2× of PyTorch on the same machine. */
export const RATIO_GOAL = 2;

export interface ReferenceTimes {
  /** The interpreter used, its torch version, and ms per step by workload id. */
  python: string;
  version: string;
  ms: Map<string, number>;
  /** Scripts that failed or printed something unexpected, with why. */
  failed: string[];
}

/** First of BENCH_PYTHON, python3, /usr/bin/python3 that imports torch; undefined when none does. */
export function findTorchPython(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = [env.BENCH_PYTHON, 'python3', '/usr/bin/python3'].filter((c): c is string => !!c);
  return candidates.find((py) => {
    try {
      execFileSync(py, ['-c', 'import torch'], { stdio: 'ignore', timeout: 60_000 });
      return true;
    } catch {
      return false;
    }
  });
}

/** Parses one script's stdout: `{"reference":"pytorch","version":…,"results":[{"id":…,"medianMs":…}]}`. */
export function parseReferenceOutput(text: string): { version: string; results: { id: string; medianMs: number }[] } {
  const parsed: unknown = JSON.parse(text.trim().split('\n').pop() ?? '');
  if (typeof parsed !== 'object' || parsed === null || !Array.isArray((parsed as { results?: unknown }).results)) throw new Error('no results list');
  const { version, results } = parsed as { version?: unknown; results: unknown[] };
  return {
    version: String(version ?? '?'),
    results: results.map((r) => {
      const { id, medianMs } = (r ?? {}) as { id?: unknown; medianMs?: unknown };
      if (typeof id !== 'string' || typeof medianMs !== 'number' || !(medianMs > 0)) throw new Error(`bad result ${JSON.stringify(r)}`);
      return { id, medianMs };
    }),
  };
}

/** Runs every reference script in turn (each takes up to a few minutes on one thread). */
export function runReferences(python: string, log: (line: string) => void, dir = REFERENCE_DIR): ReferenceTimes {
  const out: ReferenceTimes = { python, version: '?', ms: new Map(), failed: [] };
  const scripts = readdirSync(dir).filter((f) => f.endsWith('.py') && f !== 'common.py').sort();
  for (const script of scripts) {
    log(`PyTorch reference ${script}…`);
    try {
      const text = execFileSync(python, [join(dir, script)], { encoding: 'utf8', timeout: 10 * 60_000, stdio: ['ignore', 'pipe', 'pipe'] });
      const r = parseReferenceOutput(text);
      out.version = r.version;
      for (const { id, medianMs } of r.results) out.ms.set(id, medianMs);
    } catch (e) {
      out.failed.push(`${script}: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`);
    }
  }
  return out;
}

/** One of our step timings that a reference may match: the workload id, what it is, and ms per step on wasm. */
export interface OurStep {
  id: string;
  /** The lab whose training this step is. */
  lab: string;
  label: string;
  ms: number;
}

/** ours / PyTorch per workload, and whether it meets the 2× goal; workloads without a reference say so. */
export function formatRatios(ours: readonly OurStep[], refs: ReferenceTimes | undefined): string {
  const rows = ours.map((o) => {
    const ref = refs?.ms.get(o.id);
    const ratio = ref === undefined ? undefined : o.ms / ref;
    return [o.lab, o.label, o.ms.toFixed(1), ref === undefined ? '–' : ref.toFixed(1), ratio === undefined ? '–' : ratio.toFixed(1), ratio === undefined ? 'no reference' : ratio <= RATIO_GOAL ? 'yes' : 'no'];
  });
  const head = refs
    ? `Against PyTorch ${refs.version} (${refs.python}, one thread), same model, shapes and optimiser:`
    : 'No PyTorch reference here (a python3 that imports torch; on Debian: apt install python3-torch libopenblas0-pthread, or set BENCH_PYTHON): ratios skipped.';
  const failed = refs?.failed.map((f) => `reference failed: ${f}`) ?? [];
  return [head, formatTable(['lab', 'training step (wasm)', 'ours ms', 'PyTorch ms', 'ratio', `≤ ${RATIO_GOAL}×`], rows), ...failed].join('\n');
}
