import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTorchPython, formatRatios, parseReferenceOutput, runReferences } from './references';

describe('parseReferenceOutput', () => {
  it('reads the last line’s JSON: the version and each workload’s median', () => {
    const text = 'a warning on stdout\n{"reference":"pytorch","version":"1.13.0","threads":1,"results":[{"id":"mf-bpr","label":"x","medianMs":0.9}]}\n';
    expect(parseReferenceOutput(text)).toEqual({ version: '1.13.0', results: [{ id: 'mf-bpr', medianMs: 0.9 }] });
  });

  it.each([
    ['not JSON', 'Traceback (most recent call last):'],
    ['no results', '{"reference":"pytorch"}'],
    ['a result without an id', '{"results":[{"medianMs":1}]}'],
    ['a zero time', '{"results":[{"id":"a","medianMs":0}]}'],
    ['a text time', '{"results":[{"id":"a","medianMs":"1"}]}'],
  ])('refuses %s', (_, text) => {
    expect(() => parseReferenceOutput(text)).toThrow();
  });
});

describe('formatRatios', () => {
  const ours = [
    { id: 'a', lab: 'x', label: 'step A', ms: 3 },
    { id: 'b', lab: 'y', label: 'step B', ms: 10 },
    { id: 'c', lab: 'y', label: 'step C', ms: 5 },
  ];

  it('gives ours / PyTorch and whether it is within 2×; a workload without a reference says so', () => {
    const out = formatRatios(ours, { python: 'py', version: '1.13', ms: new Map([['a', 2], ['b', 2.5]]), failed: ['x.py: boom'] });
    const row = (label: string) => out.split('\n').find((l) => l.includes(label))!.split(/\s{2,}/).slice(1);
    // 3 / 2 = 1.5 (within 2×), 10 / 2.5 = 4 (not), C has none.
    expect(row('step A')).toEqual(['step A', '3.0', '2.0', '1.5', 'yes']);
    expect(row('step B')).toEqual(['step B', '10.0', '2.5', '4.0', 'no']);
    expect(row('step C')).toEqual(['step C', '5.0', '–', '–', 'no reference']);
    expect(out).toContain('reference failed: x.py: boom');
  });

  it('says how to get the reference when there is none', () => {
    expect(formatRatios(ours, undefined)).toMatch(/No PyTorch reference here .*python3-torch/);
  });
});

describe('runReferences', () => {
  it('runs each script but common.py, keeps the good ones’ times and names the bad ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'refs-'));
    writeFileSync(join(dir, 'common.py'), 'raise SystemExit(3)\n');
    writeFileSync(join(dir, 'good.py'), 'print(\'{"version":"9","results":[{"id":"g","medianMs":2.5}]}\')\n');
    writeFileSync(join(dir, 'bad.py'), 'print("oops")\n');
    const python = findTorchPython({ BENCH_PYTHON: 'python3' }) ?? 'python3';
    const r = runReferences(python, () => {}, dir);
    expect([...r.ms]).toEqual([['g', 2.5]]);
    expect(r.version).toBe('9');
    expect(r.failed).toHaveLength(1);
    expect(r.failed[0]).toMatch(/^bad\.py: /);
  });
});

describe('findTorchPython', () => {
  it('skips a named interpreter that does not exist', () => {
    const found = findTorchPython({ BENCH_PYTHON: '/nonexistent/python' });
    expect(found).not.toBe('/nonexistent/python');
  });
});
