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

  it('refuses a --out under a file and a --csv that is a folder before the first step (exit 2, the path named)', () => {
    const aFile = join(dir, 'plain-file');
    writeFileSync(aFile, 'x');
    const r = lab('run', 'pop-vs-mf', '--set', 'dataset=tiny', '--out', join(aFile, 'run.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out .*plain-file is a file, not a folder/);
    expect(r.stderr).not.toMatch(/on wasm|steps/); // nothing ran
    const s = lab('sweep', 'pop-vs-mf', '--vary', 'epochs=1,2', '--csv', dir);
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/--csv .*: is a folder/);
    expect(s.stderr).not.toMatch(/run 1\//);
  });

  it('refuses a one-row dataset as too small to train and evaluate (exit 2, OL107), before any step', () => {
    const one = join(dir, 'one-row.csv');
    writeFileSync(one, 'user,item\nu1,i1\n');
    const r = lab('run', 'pop-vs-mf', '--data', one, '--set', 'epochs=1');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/OL107 one-row.csv: the data is too small to train and evaluate on: 1 user, 1 item, 1 interaction/);
    expect(r.stdout).not.toMatch(/undefined|NaN/);
  });

  it('accepts a --config file saved with a UTF-8 byte-order mark', () => {
    const file = join(dir, 'bom.json');
    writeFileSync(file, '\uFEFF' + JSON.stringify({ dataset: 'tiny', epochs: 1 }));
    const r = lab('run', 'pop-vs-mf', '--config', file);
    expect(r.stderr).not.toMatch(/error/);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/dataset=tiny seed=42 epochs=1 /);
  });

  it('reads a UTF-16 --config file with its mark; refuses Latin-1 bytes and JSON that is not an object, naming the file (exit 2)', () => {
    const utf16 = join(dir, 'utf16.json');
    writeFileSync(utf16, Buffer.from('\uFEFF{"dataset":"tiny","epochs":1}', 'utf16le'));
    const u = lab('run', 'pop-vs-mf', '--config', utf16);
    expect(u.code).toBe(0);
    expect(u.stderr).toMatch(/dataset=tiny seed=42 epochs=1 /);
    const latin1 = join(dir, 'latin1.json');
    writeFileSync(latin1, Buffer.from('{"dataset":"tiny","note":"caf\xe9"}', 'latin1'));
    const r = lab('run', 'pop-vs-mf', '--config', latin1);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/latin1.json, line 1: byte 0xE9 .*save the file as UTF-8/);
    const list = join(dir, 'list.json');
    writeFileSync(list, '[1, 2]');
    const l = lab('run', 'pop-vs-mf', '--config', list);
    expect(l.code).toBe(2);
    expect(l.stderr).toMatch(/list.json: .*must be a JSON object/);
  });

  // These four pass once src/core/experiment/config.ts looks keys up as own properties (issue 11, item 1: the
  // other half of the fix, in the core). Until then they fail with exit 1 ("field.safeParse is not a function").
  describe('prototype-named keys are unknown settings (exit 2, the key named) — needs the core own-property fix', () => {
    it('--set constructor=1', () => {
      const r = lab('run', 'pop-vs-mf', '--set', 'constructor=1');
      expect(r.stderr).toMatch(/'constructor' is not a setting/);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /); // never a stack trace
    });
    it('--set __proto__=1', () => {
      const r = lab('run', 'pop-vs-mf', '--set', '__proto__=1');
      expect(r.stderr).toMatch(/'__proto__' is not a setting/);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /); // never a stack trace
    });
    it('--config with {"constructor":1}', () => {
      const file = join(dir, 'ctor.json');
      writeFileSync(file, '{"constructor":1}');
      const r = lab('run', 'pop-vs-mf', '--config', file);
      expect(r.stderr).toMatch(/'constructor' is not a setting/);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /); // never a stack trace
    });
    it('sweep --vary constructor=1,2', () => {
      const r = lab('sweep', 'pop-vs-mf', '--vary', 'constructor=1,2');
      expect(r.stderr).toMatch(/'constructor' is not a setting/);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(/\n\s+at /); // never a stack trace
    });
  });

  it('prints usage with --help', () => {
    const r = lab('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/npm run lab -- run <lab-id>/);
  });
});
