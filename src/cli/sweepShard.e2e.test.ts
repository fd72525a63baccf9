// Spawns the real CLI: a sweep cut into shards and merged, or run on --workers, writes the unsharded sweep's files.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'objective-lab-shard-'));
const CLI = ['--import', 'tsx', 'src/cli/main.ts'];
const SWEEP = ['sweep', 'pop-vs-mf', '--set', 'dataset=tiny', '--vary', 'epochs=1,2', '--vary', 'optimizer=adam,sgd'];

function lab(...args: string[]) {
  const r = spawnSync(process.execPath, [...CLI, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const path = (name: string) => join(dir, name);
/** The JSON record without the one field allowed to differ. */
const record = (file: string) => {
  const { createdAt, ...rest } = JSON.parse(readFileSync(file, 'utf8'));
  expect(createdAt).toEqual(expect.any(String));
  return rest;
};

describe('the lab CLI: sharded sweeps, merge and --workers, end to end', () => {
  beforeAll(() => {
    const r = lab(...SWEEP, '--out', path('full.json'), '--csv', path('full.csv'));
    expect(r.code, r.stderr).toBe(0);
  });

  it('three shards (each its own process) merged give the unsharded sweep: same runs, order and numbers', () => {
    for (const i of [0, 1, 2]) {
      const r = lab(...SWEEP, '--shard', `${i}/3`, '--out', path(`part-${i}.json`));
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(new RegExp(`shard ${i}/3, ${i === 0 ? 2 : 1} of 4 runs`));
    }
    // Runs 1 and 4 are shard 0's: the table numbers them as in the whole sweep.
    expect(JSON.parse(readFileSync(path('part-0.json'), 'utf8')).shard).toMatchObject({ index: 0, count: 3, runs: 4 });

    const r = lab('merge', path('part-2.json'), path('part-0.json'), path('part-1.json'), '--out', path('merged.json'), '--csv', path('merged.csv'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/runs: 4\/4/);
    expect(record(path('merged.json'))).toEqual(record(path('full.json')));
    expect(readFileSync(path('merged.csv'), 'utf8')).toBe(readFileSync(path('full.csv'), 'utf8'));
  });

  it('merge refuses a missing shard and parts of another sweep: exit 2, the problem named, nothing written', () => {
    const missing = lab('merge', path('part-0.json'), path('part-2.json'), '--out', path('never.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/shard 1\/3 is missing/);

    // The part another seed would have given (its base differs): written by hand, to spare a sweep.
    const other = JSON.parse(readFileSync(path('part-1.json'), 'utf8'));
    other.base.seed = 7;
    writeFileSync(path('other-1.json'), JSON.stringify(other));
    const mixed = lab('merge', path('part-0.json'), path('other-1.json'), path('part-2.json'), '--out', path('never.json'));
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/parts of different sweeps: their base configs differ \(seed: 7 vs 42\)/);
    expect(existsSync(path('never.json'))).toBe(false);
  });

  it('--workers 2 runs the shards as two processes, prefixes their lines, and writes the unsharded files', () => {
    const r = lab(...SWEEP, '--workers', '2', '--out', path('workers.json'), '--csv', path('workers.csv'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/4 runs on 2 worker processes/);
    expect(r.stderr).toMatch(/^\[shard 0\/2\] run 1\/4: epochs=1 optimizer=adam$/m);
    expect(r.stderr).toMatch(/^\[shard 1\/2\] run 2\/4: epochs=1 optimizer=sgd$/m);
    expect(record(path('workers.json'))).toEqual(record(path('full.json')));
    expect(readFileSync(path('workers.csv'), 'utf8')).toBe(readFileSync(path('full.csv'), 'utf8'));
  });
});
