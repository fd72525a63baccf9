// Numbers recorded before the engine's second edition (issue 10): every lab must give them again for the same seed.
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../experiment/config';
import { useWasm } from '../testing/tfSetup';
import recorded from './pinned.json';
import { digest, PINNED_RUNS, type RunDigest } from './pinnedRuns';
import { getLab } from './registry';

beforeAll(useWasm);

/** Equal to 12 significant digits (float32 training on wasm is deterministic; this only forgives printing). */
function same(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b));
}

function differences(got: RunDigest, want: RunDigest): string[] {
  const out: string[] = [];
  if (got.outcome !== want.outcome) out.push(`outcome ${got.outcome} ≠ ${want.outcome}`);
  if (got.epochs !== want.epochs) out.push(`epochs ${got.epochs} ≠ ${want.epochs}`);
  const cmp = (what: string, g: Record<string, number>, w: Record<string, number>) => {
    for (const k of new Set([...Object.keys(g), ...Object.keys(w)])) if (!(k in g) || !(k in w) || !same(g[k], w[k])) out.push(`${what} ${k}: ${g[k]} ≠ ${w[k]}`);
  };
  cmp('summary', got.summary, want.summary);
  cmp('artifact', got.artifacts, want.artifacts);
  const sums = (s: RunDigest['steps']) => Object.fromEntries(Object.entries(s).flatMap(([k, [sum, n]]) => [[`${k} sum`, sum], [`${k} count`, n]]));
  cmp('steps', sums(got.steps), sums(want.steps));
  return out;
}

describe('every lab reproduces its numbers from before the engine changed', () => {
  it.each(PINNED_RUNS.map((p) => [p.name, p] as const))('%s', async (name, p) => {
    const lab = getLab(p.labId);
    const r = await lab.run(resolveConfig(lab, p.config) as never);
    expect(differences(digest(r as never), (recorded as unknown as Record<string, RunDigest>)[name])).toEqual([]);
  });
});
