// Spawns the real CLI on three hostile --data files: each must exit 2 (bad input) naming the file and line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HOSTILE_CASES } from '../core/data/fixtures/hostileFiles';

const root = mkdtempSync(join(tmpdir(), 'lab-hostile-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function labOn(caseName: string) {
  const c = HOSTILE_CASES.find((x) => x.name === caseName);
  if (!c) throw new Error(`no hostile case '${caseName}'`);
  const dir = mkdtempSync(join(root, 'case-'));
  for (const f of c.files) writeFileSync(join(dir, f.name), f.bytes);
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'run', 'pop-vs-mf', '--data', dir], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stderr: r.stderr };
}

describe('the CLI refuses hostile --data files with exit 2', () => {
  it('a huge genre index in u.genre: exit 2 at once, naming u.genre line 20 (it used to loop for minutes)', () => {
    const r = labOn('a huge genre index (Extra|4294967294)');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/OL518 u\.genre, line 20: genre index 4294967294 is out of range/);
  }, 60_000);

  it('a NUL byte in a user id: exit 2 naming the line and the character', () => {
    const r = labOn('a NUL byte inside a user id');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/OL522 clicks\.csv, line 6: the user id "u1\\u0000" contains the control character U\+0000/);
  }, 60_000);

  it('a one-row dataset: exit 2 with OL107 before any training (it used to print undefined NDCG)', () => {
    const r = labOn('a one-row dataset');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/OL107 clicks\.csv: the data is too small to train and evaluate on: 1 user,/);
    expect(r.stderr).not.toMatch(/ndcg/i);
  }, 60_000);
});
