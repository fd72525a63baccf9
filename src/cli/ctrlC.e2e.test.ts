// Ctrl-C as a terminal sends it: SIGINT to the whole process group of `npm run lab -- …`, exactly as the README says to run it.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'objective-lab-ctrlc-'));

interface Interrupted {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Heavy steps (~0.1 s of tfjs work each), so the Ctrl-C usually lands while a step is busy. */
const HEAVY = ['--set', 'embeddingDim=256', '--set', 'batchSize=8192'];

/** Exit status as a shell reports it: npm re-raises the signal on itself, which a shell shows as 128 + 2. */
const shellStatus = (r: Interrupted) => r.code ?? (r.signal === 'SIGINT' ? 130 : r.signal);

/**
 * Starts `npm run lab -- <args>` in its own process group (as a shell does for a foreground job), waits until
 * stderr matches `when`, then sends SIGINT to the group, as a terminal's Ctrl-C does. Resolves once every
 * process holding the output pipes (npm, sh, the CLI) has gone.
 */
function interruptNpmLab(args: string[], when: RegExp, npmFlags: string[] = []): Promise<Interrupted & { stdout: string }> {
  const child = spawn('npm', ['run', '--silent', ...npmFlags, 'lab', '--', ...args], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let stdout = '';
  let sent = false;
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    if (!sent && when.test(stderr)) {
      sent = true;
      process.kill(-child.pid!, 'SIGINT');
    }
  });
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr, stdout })));
}

describe('Ctrl-C through npm run lab', () => {
  it('run: stops, exits 130 and keeps the --out JSON and the --csv, both complete, outcome stopped', async () => {
    const out = join(dir, 'run.json');
    const csv = join(dir, 'run.csv');
    const r = await interruptNpmLab(['run', 'pop-vs-mf', '--set', 'epochs=200', ...HEAVY, '--out', out, '--csv', csv], /epoch 1\/200/);
    expect(r.stderr).not.toMatch(/Killing|SIGKILL/i);
    expect(existsSync(out), `no ${out}; stderr:\n${r.stderr}`).toBe(true);
    const rec = JSON.parse(readFileSync(out, 'utf8'));
    expect(rec.outcome.status).toBe('stopped');
    expect(rec.events.filter((e: { kind: string }) => e.kind === 'epoch').length).toBeGreaterThanOrEqual(2);
    const rows = readFileSync(csv, 'utf8').trim().split('\n');
    expect(rows[0]).toMatch(/^epoch,step,ndcg\/mf,/);
    expect(rows.length).toBeGreaterThanOrEqual(3); // header, epoch 0, epoch 1
    expect(rows.slice(1).every((l) => l.split(',').length === rows[0].split(',').length)).toBe(true);
    expect(shellStatus(r)).toBe(130);
  });

  it('run: one Ctrl-C that arrives twice (the terminal’s and npm’s relayed copy, as under bash) still stops after the step, not "quit now"', async () => {
    const out = join(dir, 'twice.json');
    const csv = join(dir, 'twice.csv');
    // bash execs the command, so node gets both the group's SIGINT and the one npm relays to its child.
    const r = await interruptNpmLab(['run', 'pop-vs-mf', '--set', 'epochs=200', ...HEAVY, '--out', out, '--csv', csv], /epoch 1\/200/, ['--script-shell=/bin/bash']);
    expect(r.stderr).toMatch(/stopping after this step/);
    expect(r.stderr).not.toMatch(/quitting now/);
    expect(r.stdout).toMatch(/outcome: stopped/); // the run ended as a stopped run does, with its summary
    expect(JSON.parse(readFileSync(out, 'utf8')).outcome.status).toBe('stopped');
    expect(readFileSync(csv, 'utf8')).toMatch(/^epoch,step,ndcg\/mf,.*\n0,0,/);
    expect(shellStatus(r)).toBe(130);
  });

  it('sweep: stops, exits 130 and keeps the finished run and the stopped one in the JSON and the CSV', async () => {
    const out = join(dir, 'sweep.json');
    const csv = join(dir, 'sweep.csv');
    const r = await interruptNpmLab(
      ['sweep', 'pop-vs-mf', '--set', 'dataset=tiny', '--vary', 'epochs=1,200,1', '--out', out, '--csv', csv],
      /epoch 1\/200/,
    );
    expect(r.stderr).not.toMatch(/Killing|SIGKILL/i);
    expect(existsSync(out), `no ${out}; stderr:\n${r.stderr}`).toBe(true);
    const rec = JSON.parse(readFileSync(out, 'utf8'));
    expect(rec.cancelled).toBe(true);
    expect(rec.runs.map((x: { outcome: { status: string } }) => x.outcome.status)).toEqual(['completed', 'stopped']);
    const rows = readFileSync(csv, 'utf8').trim().split('\n');
    expect(rows.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(['1,1,completed', '2,200,stopped']);
    expect(shellStatus(r)).toBe(130);
  });
});
