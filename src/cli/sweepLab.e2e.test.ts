// Spawns the real CLI for `lab sweep` and checks the table, the files, bad input and Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'objective-lab-sweep-'));
const CLI = ['--import', 'tsx', 'src/cli/main.ts'];

function lab(...args: string[]) {
  const r = spawnSync(process.execPath, [...CLI, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the lab CLI sweep, end to end', () => {
  it('sweeps pop-vs-mf on tiny over epochs=1,2: two runs, a table, the JSON and the CSV', () => {
    const out = join(dir, 'sweep.json');
    const csv = join(dir, 'sweep.csv');
    const r = lab('sweep', 'pop-vs-mf', '--set', 'dataset=tiny', '--vary', 'epochs=1,2', '--out', out, '--csv', csv);
    expect(r.stderr).not.toMatch(/error/);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/run 1\/2: epochs=1/);
    expect(r.stderr).toMatch(/run 2\/2: completed/);
    expect(r.stdout).toMatch(/^run\s+epochs\s+outcome\s+ndcg\/mf/);
    expect(r.stdout).toMatch(/runs: 2\/2/);

    const rec = JSON.parse(readFileSync(out, 'utf8'));
    expect(rec).toMatchObject({ tool: 'objective-lab cli', labId: 'pop-vs-mf', base: { dataset: 'tiny' }, vary: { epochs: [1, 2] }, cancelled: false });
    expect(rec.runs.map((x: { config: { epochs: number } }) => x.config.epochs)).toEqual([1, 2]);
    expect(rec.runs.every((x: { outcome: { status: string } }) => x.outcome.status === 'completed')).toBe(true);
    expect(Object.keys(rec.runs[0].summary)).toContain('ndcg/mf');

    const rows = readFileSync(csv, 'utf8').trim().split('\n');
    expect(rows[0]).toMatch(/^run,epochs,outcome,ndcg\/mf,/);
    expect(rows.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(['1,1,completed', '2,2,completed']);
  });

  it('sweeps on the person’s data: --data is imported once and every run trains on it as the imported dataset', () => {
    const out = join(dir, 'sweep-data.json');
    const r = lab('sweep', 'pop-vs-mf', '--data', 'sample-data/tiny/interactions.csv', '--vary', 'epochs=1,2', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stderr.match(/^imported /gm)).toHaveLength(1);
    expect(r.stderr).toMatch(/run 2\/2: completed/);
    const rec = JSON.parse(readFileSync(out, 'utf8'));
    expect(rec.base.dataset).toBe('imported');
    expect(rec.runs.map((x: { config: { dataset: string; epochs: number } }) => [x.config.dataset, x.config.epochs])).toEqual([
      ['imported', 1],
      ['imported', 2],
    ]);
  });

  it('exits 2 and names the key and value of a bad --vary value, before running anything', () => {
    const r = lab('sweep', 'pop-vs-mf', '--vary', 'epochs=1,lots');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/vary epochs, value 'lots'/);
    expect(r.stderr).not.toMatch(/run 1\//);
  });

  it('stops on Ctrl-C, keeps the finished run and the stopped one, exits 130 and writes the JSON', async () => {
    const out = join(dir, 'cancelled.json');
    const child = spawn(process.execPath, [...CLI, 'sweep', 'pop-vs-mf', '--set', 'dataset=tiny', '--vary', 'epochs=1,200,1', '--out', out]);
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (/epoch 1\/200/.test(stderr) && !child.killed) child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    const rec = JSON.parse(readFileSync(out, 'utf8'));
    expect(rec.cancelled).toBe(true);
    expect(rec.runs.map((x: { outcome: { status: string } }) => x.outcome.status)).toEqual(['completed', 'stopped']);
  });
});
