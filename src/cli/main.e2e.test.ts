// Spawns the real CLI (`node --import tsx src/cli/main.ts …`) and checks exit codes, messages and files.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'objective-lab-cli-'));

function lab(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the lab CLI, end to end', () => {
  it('runs pop-vs-mf on the tiny dataset, exits 0 and writes the JSON record and the CSV', () => {
    const out = join(dir, 'results.json');
    const csv = join(dir, 'metrics.csv');
    const r = lab('run', 'pop-vs-mf', '--set', 'dataset=tiny', '--set', 'epochs=2', '--out', out, '--csv', csv);
    expect(r.stderr).not.toMatch(/error/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/outcome: completed/);

    const rec = JSON.parse(readFileSync(out, 'utf8'));
    expect(rec).toMatchObject({ tool: 'objective-lab cli', labId: 'pop-vs-mf', backend: 'wasm', outcome: { status: 'completed' } });
    expect(rec.config).toMatchObject({ dataset: 'tiny', epochs: 2, seed: 42 });
    expect(Number.isNaN(Date.parse(rec.createdAt))).toBe(false);
    expect(Object.keys(rec.summary)).toContain('ndcg/mf');
    expect(rec.events.filter((e: { kind: string }) => e.kind === 'epoch')).toHaveLength(3);

    const rows = readFileSync(csv, 'utf8').trim().split('\n');
    expect(rows[0]).toMatch(/^epoch,step,ndcg\/mf,/);
    expect(rows).toHaveLength(4); // header + epochs 0, 1, 2
  });

  it('exits 2 and names the key of an unknown --set', () => {
    const r = lab('run', 'pop-vs-mf', '--set', 'nonsense=1');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/'nonsense' is not a setting/);
  });

  it('exits 2 and names the file and the key of an invalid config file', () => {
    const file = join(dir, 'bad-config.json');
    writeFileSync(file, JSON.stringify({ epochs: 2, colour: 'blue' }));
    const r = lab('run', 'pop-vs-mf', '--config', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toMatch(/'colour' is not a setting/);
  });

  it('exits 2 for an unknown lab, naming it', () => {
    const r = lab('run', 'no-such-lab');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown lab 'no-such-lab'/);
  });

  it('exits 3 when the run diverges, and still writes the results', () => {
    const out = join(dir, 'diverged.json');
    const r = lab(
      'run', 'pop-vs-mf', '--out', out,
      '--set', 'dataset=tiny', '--set', 'optimizer=sgd', '--set', 'learningRate=100',
      '--set', 'embeddingDim=256', '--set', 'batchSize=16', '--set', 'epochs=3',
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/diverged at step/);
    expect(JSON.parse(readFileSync(out, 'utf8')).outcome.status).toBe('diverged');
  });

  it('stops on Ctrl-C (SIGINT) between steps, exits 130 and still writes the results', async () => {
    const out = join(dir, 'stopped.json');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'run', 'pop-vs-mf', '--set', 'epochs=200', '--out', out]);
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      // Interrupt once the first epoch is reported, long before 200 epochs are done.
      if (/epoch 1\/200/.test(stderr) && !child.killed) child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    expect(JSON.parse(readFileSync(out, 'utf8')).outcome.status).toBe('stopped');
  });

  it('prints usage with --help', () => {
    const r = lab('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/npm run lab -- run <lab-id>/);
  });
});
