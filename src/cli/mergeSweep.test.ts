// merge, from hand-made parts: the unsharded record back in any order of parts, and every bad input refused by name.
import { describe, expect, it } from 'vitest';
import { UsageError } from './args';
import { mergeParts, type PartFile } from './mergeSweep';
import { assembleRecord, type SweepRecord } from './sweepLab';
import { gridFingerprint, shardPositions } from './sweepShard';

const run = (epochs: number, ndcg: number) => ({
  config: { dataset: 'tiny', epochs, seed: 42 },
  outcome: { status: 'completed' as const },
  summary: { 'ndcg/mf': ndcg, 'coverage/mf': NaN },
  epochs: [{ 'ndcg/mf': 0 }, { 'ndcg/mf': ndcg }],
});
const full: SweepRecord = assembleRecord({
  createdAt: new Date(0),
  labId: 'pop-vs-mf',
  backend: 'wasm',
  base: { dataset: 'tiny', epochs: 1, seed: 42 },
  vary: { epochs: [1, 2, 3, 4, 5] },
  runs: [1, 2, 3, 4, 5].map((e) => run(e, e / 10)),
  cancelled: false,
});

/** The parts `sweep --shard i/n --out` would write for `full`, as files. */
function cut(rec: SweepRecord, count: number): PartFile[] {
  const grid = gridFingerprint(rec.runs.map((r) => r.config));
  return Array.from({ length: count }, (_, index) => {
    const runs = shardPositions(rec.runs.length, { index, count }).map((j) => rec.runs[j]);
    const part = { ...rec, createdAt: new Date(1000 * index).toISOString(), runs, shard: { index, count, runs: rec.runs.length, grid } };
    return { path: `part-${index}.json`, text: JSON.stringify(part, null, 2) };
  });
}
const edit = (f: PartFile, change: (part: Record<string, any>) => void): PartFile => {
  const part = JSON.parse(f.text);
  change(part);
  return { path: f.path, text: JSON.stringify(part) };
};
const refuses = (files: PartFile[], pattern: RegExp) => {
  expect(() => mergeParts(files, new Date(0))).toThrow(UsageError);
  expect(() => mergeParts(files, new Date(0))).toThrow(pattern);
};
const text = (rec: SweepRecord) => JSON.stringify(rec, null, 2);

describe('mergeParts', () => {
  it('joins the parts, given in any order, into the unsharded record, byte for byte bar createdAt', () => {
    const [a, b, c] = cut(full, 3);
    const merged = mergeParts([c, a, b], new Date(0));
    expect(text(merged)).toBe(text(full));
    expect(text(mergeParts(cut(full, 1), new Date(0)))).toBe(text(full));
    // More shards than runs: the empty ones are parts too.
    expect(text(mergeParts(cut(full, 7), new Date(0)))).toBe(text(full));
  });

  it('refuses a missing shard, a shard given twice, a stopped or short part', () => {
    const [a, b, c] = cut(full, 3);
    refuses([a, c], /shard 1\/3 is missing/);
    refuses([a], /shards 1\/3, 2\/3 are missing/);
    refuses([a, b, c, { ...b, path: 'copy.json' }], /shard 1\/3 is given twice: part-1.json and copy.json/);
    refuses([a, b, edit(c, (p) => (p.cancelled = true))], /part-2.json: shard 2\/3 was stopped: it holds 1 of its 1 runs/);
    refuses([edit(a, (p) => p.runs.pop()), b, c], /part-0.json: shard 0\/3 is incomplete: it holds 1 of its 2 runs/);
  });

  it('refuses parts of different sweeps, naming what differs', () => {
    const [a, b] = cut(full, 2);
    refuses([a, edit(b, (p) => (p.base.epochs = 9))], /part-1.json and part-0.json are parts of different sweeps: their base configs differ \(epochs: 9 vs 1\)/);
    refuses([a, edit(b, (p) => (p.backend = 'cpu'))], /different sweeps: backends cpu and wasm/);
    refuses([a, edit(b, (p) => (p.labId = 'mult-vae'))], /different sweeps: labs mult-vae and pop-vs-mf/);
    refuses([a, cut(full, 3)[1]], /cut into 3 shards, the other into 2/);
    refuses([a, edit(b, (p) => (p.shard.grid = 'f'.repeat(64)))], /their runs differ/);
    refuses([edit(a, (p) => (p.shard.data = 'a'.repeat(64))), edit(b, (p) => (p.shard.data = 'b'.repeat(64)))], /trained on different --data/);
    refuses([a, edit(b, (p) => (p.runs[0].config.seed = 7))], /a run's config was changed/);
  });

  it('refuses malformed input: not JSON, not a part, a whole sweep', () => {
    const [a, b] = cut(full, 2);
    refuses([a, { path: 'b.json', text: '{"tool": ' }], /b.json: not valid JSON/);
    refuses([a, { path: 'b.json', text: '[]' }], /b.json is not a part of a sharded sweep/);
    refuses([a, edit(b, (p) => (p.runs[0].summary['ndcg/mf'] = 'high'))], /part-1.json is not a part of a sharded sweep: runs.0.summary.ndcg\/mf/);
    refuses([a, edit(b, (p) => (p.shard.index = 5))], /shard 5\/2 does not exist/);
    refuses([{ path: 'all.json', text: text(full) }], /all.json is a whole sweep, not a part/);
    refuses([], /at least one part/);
  });
});
