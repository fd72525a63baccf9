import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProgressEvent, RunResult } from '../core/experiment/types';
import { describeOutcome, epochsToCsv, formatMetric, formatSummary, NA_NOTE, nestValues, runRecord, TOOL, writeTextFile } from './output';

const events: ProgressEvent[] = [
  { kind: 'started', totalSteps: 4, stepsPerEpoch: 2, info: {} },
  { kind: 'epoch', step: 0, epoch: 0, values: { 'ndcg/mf': 0.1, 'ndcg/pop': 0.2 } },
  { kind: 'step', step: 1, epoch: 1, totalSteps: 4, values: { 'loss/mf': 0.69 } },
  { kind: 'epoch', step: 2, epoch: 1, values: { 'ndcg/mf': 0.25, 'ndcg/pop': 0.2, 'cov,"x"': 1 } },
];

describe('epochsToCsv', () => {
  it('writes one row per epoch event with epoch, step and every value key, blank where a value is missing', () => {
    expect(epochsToCsv(events)).toBe(
      ['epoch,step,ndcg/mf,ndcg/pop,"cov,""x"""', '0,0,0.1,0.2,', '1,2,0.25,0.2,1', ''].join('\n'),
    );
  });

  it('writes just the header when no epoch finished', () => {
    expect(epochsToCsv([events[0]])).toBe('epoch,step\n');
  });

  it('keeps full precision and writes non-finite values as text', () => {
    const csv = epochsToCsv([{ kind: 'epoch', step: 1, epoch: 1, values: { a: 1 / 3, b: NaN } }]);
    expect(csv.split('\n')[1]).toBe(`1,1,${1 / 3},NaN`);
  });
});

describe('runRecord and the summary', () => {
  const result: RunResult<{ epochs: number }> = {
    labId: 'pop-vs-mf',
    config: { epochs: 1 },
    backend: 'wasm',
    outcome: { status: 'completed' },
    events,
    summary: { 'ndcg/mf': 0.25, 'ndcg/pop': 0.2 },
  };

  it('adds the tool and an ISO creation time to the run result', () => {
    const rec = runRecord(result, new Date(Date.UTC(2024, 0, 2, 3, 4, 5)));
    expect(rec).toEqual({ ...result, steps: [{ step: 1, epoch: 1, losses: { mf: 0.69 } }], tool: TOOL, createdAt: '2024-01-02T03:04:05.000Z' });
  });

  it('prints the final value of each epoch series, the backend and the outcome', () => {
    const text = formatSummary(result);
    expect(text).toMatch(/ndcg\/mf\s+0\.25/);
    expect(text).toMatch(/backend: wasm\s+outcome: completed/);
  });

  it('describes each outcome in words', () => {
    expect(describeOutcome({ status: 'stopped', atStep: 3 })).toBe('stopped at step 3');
    expect(describeOutcome({ status: 'diverged', atStep: 9, message: 'loss is NaN' })).toBe('diverged at step 9: loss is NaN');
  });
});

describe('nestValues', () => {
  it('gathers reward/, weight/ and base/ values by objective name and keeps the rest flat', () => {
    expect(nestValues({ 'reward/relevance': 0.1, 'weight/relevance': 0.6, 'weight/diversity': 0.4, meanSqAdvantage: 0.5, 'ndcg/mf': 0.3 })).toEqual({
      rewards: { relevance: 0.1 },
      weights: { relevance: 0.6, diversity: 0.4 },
      meanSqAdvantage: 0.5,
      'ndcg/mf': 0.3,
    });
  });
});

describe('metrics the run could not measure', () => {
  const result = (summary: Record<string, unknown>): RunResult<unknown> =>
    ({ labId: 'pop-vs-mf', config: {}, backend: 'cpu', outcome: { status: 'completed' }, events: [], summary }) as RunResult<unknown>;

  it('are printed as n/a with the reason under the table, never as "undefined"', () => {
    const text = formatSummary(result({ 'ndcg/mf': undefined, 'coverage/mf': 0 }));
    expect(text).not.toMatch(/undefined|NaN/);
    expect(text).toMatch(/ndcg\/mf\s+n\/a/);
    expect(text).toContain(NA_NOTE);
  });

  it('say NaN apart from not measured, and add no note when every value is a number', () => {
    expect(formatMetric(NaN)).toBe('n/a (NaN)');
    expect(formatMetric(undefined)).toBe('n/a');
    expect(formatSummary(result({ 'ndcg/mf': 0.5 }))).not.toContain(NA_NOTE);
  });

  it('are an empty CSV cell, not the text "undefined"', () => {
    const csv = epochsToCsv([{ kind: 'epoch', step: 1, epoch: 1, values: { a: undefined as unknown as number, b: 2 } }]);
    expect(csv.split('\n')[1]).toBe('1,1,,2');
  });
});

describe('writeTextFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'objective-lab-output-'));

  it('writes through a link to its target, keeping the link', () => {
    const target = join(dir, 'target.json');
    const link = join(dir, 'link.json');
    writeFileSync(target, 'old');
    symlinkSync(target, link);
    writeTextFile(link, 'new');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('new');
  });

  it('replaces a plain file whole and leaves no temporary file, also when the write fails', () => {
    const file = join(dir, 'run.json');
    writeTextFile(file, 'one');
    writeTextFile(file, 'two');
    expect(readFileSync(file, 'utf8')).toBe('two');
    const folder = join(dir, 'a-folder');
    mkdirSync(folder);
    expect(() => writeTextFile(folder, 'x')).toThrow();
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
