// The findings record's pure parts: readings, spread, relations, rendering and the typed-number scan.
import { describe, expect, it } from 'vitest';
import { defineFindings, describeRelation, fromArtifact, fromStepMean, fromSummary, NOT_MEASURED, relationHolds, renderText, spread, typedNumbers, unallowedNumbers, type FindingsRecord } from './findings';
import type { RunResult } from './types';

const result: RunResult<unknown> = {
  labId: 'x',
  config: {},
  backend: 'wasm',
  outcome: { status: 'completed' },
  summary: { 'a/b': 0.5 },
  events: [
    { kind: 'step', step: 1, epoch: 1, totalSteps: 2, values: { w: 1 } },
    { kind: 'artifact', name: 'view', data: [1, 2] },
    { kind: 'step', step: 2, epoch: 1, totalSteps: 2, values: { w: 3 } },
    { kind: 'artifact', name: 'view', data: [4, 6] },
  ],
};

const record: FindingsRecord = {
  tool: 't',
  findings: {
    'lab.x': {
      id: 'lab.x', labId: 'lab', claim: 'c', dataset: 'workshop', seeds: [1, 2, 3], config: {}, expect: 'a > b', held: true, heldPerSeed: [true, true, true],
      backend: 'wasm', date: '2026-01-02T03:04:05Z', commit: 'abc',
      values: { a: { read: 'r', arm: 'run', perSeed: [0.79, 0.8, 0.81], mean: 0.8, sd: 0.01, min: 0.79, max: 0.81 } },
    },
  },
};

describe('findings', () => {
  it('reads a summary key, the mean of a step series and the last artifact', () => {
    expect(fromSummary('a/b').read(result)).toBe(0.5);
    expect(fromStepMean('w').read(result)).toBe(2);
    expect(fromArtifact('view', 'sum', (d) => (d as number[]).reduce((a, x) => a + x, 0)).read(result)).toBe(10);
    expect(fromSummary('missing').read(result)).toBeUndefined();
  });

  it('gives mean, sample sd and range over seeds', () => {
    expect(spread([1, 2, 3])).toEqual({ mean: 2, sd: 1, min: 1, max: 3 });
    expect(spread([4]).sd).toBe(0);
  });

  it('checks a relation between two values or against a bound', () => {
    expect(relationHolds({ a: 'x', op: '>', b: 'y' }, { x: 2, y: 1 })).toBe(true);
    expect(relationHolds({ a: 'x', op: '>', b: 'y' }, { x: 1, y: 1 })).toBe(false);
    expect(relationHolds({ a: 'x', op: '<=', b: 0 }, { x: 0 })).toBe(true);
  });

  it('renders placeholders from the record, labelled with where and when, and never invents a number', () => {
    expect(renderText('U₂ {finding:lab.x/a} ({finding:lab.x/a:1}; {measured:lab.x})', record)).toBe('U₂ 0.800 (0.8; measured on workshop, 3 seeds, wasm, 2026-01-02)');
    expect(renderText('{finding:lab.x/a:2} ± {sd:lab.x/a:2}', record)).toBe('0.80 ± 0.01');
    expect(renderText('U₂ {finding:lab.y/a}', record)).toBe(`U₂ ${NOT_MEASURED}`);
    expect(() => renderText('{finding:lab.x/zz}', record)).toThrow(/does not measure/);
  });

  it('reads value names with hyphens (policy ids such as max-entropy), digits after a colon', () => {
    const hyphen: FindingsRecord = { ...record, findings: { 'lab.h': { ...record.findings['lab.x'], id: 'lab.h', values: { 'max-entropy-at': record.findings['lab.x'].values.a } } } };
    expect(renderText('AT {finding:lab.h/max-entropy-at:1} ± {sd:lab.h/max-entropy-at:2}', hyphen)).toBe('AT 0.8 ± 0.01');
  });

  it('flags decimals and percentages typed into a text, not placeholders, whole numbers or arXiv ids', () => {
    expect(typedNumbers('U₂ 0.796 vs 0.779, purity 88 %, .5 and 12%')).toEqual(['0.796', '0.779', '88%', '.5', '12%']);
    expect(typedNumbers('U₂ {finding:lab.x/a:2} after 15 epochs, k = 1, arXiv:2601.05242')).toEqual([]);
  });

  it('flags compared whole numbers too, and lets an allowed phrase cover only its own occurrence of a number', () => {
    expect(unallowedNumbers('HR falls from 12 to 9 hits, 3 vs 4 users; 27 % of users; 15 epochs, k = 1', [])).toEqual(['from 12 to 9', '3 vs 4', '27%']);
    expect(unallowedNumbers('noise 0.3, and a measured weight of 0.3', ['noise 0.3'])).toEqual(['0.3']);
    expect(unallowedNumbers('{finding:lab.x/a} vs {finding:lab.x/b}, noise 0.3', ['noise 0.3'])).toEqual([]);
  });

  it('refuses a finding whose relation names a value it does not read', () => {
    const f = { id: 'lab.f', labId: 'lab', claim: '', config: {}, seeds: [1], values: { a: { reading: fromSummary('a') } }, expect: { a: 'a', op: '>' as const, b: 'b' } };
    expect(() => defineFindings('lab', [f])).toThrow(/unknown value b/);
    expect(() => defineFindings('other', [f])).toThrow(/belong/);
  });
});

describe('relations', () => {
  it('a tie (≈) holds within its declared tolerance on either side, and needs one', () => {
    const tie = { a: 'aware', op: '≈' as const, b: 'top', within: 0.02 };
    expect(relationHolds(tie, { aware: 0.883, top: 0.88 })).toBe(true);
    expect(relationHolds(tie, { aware: 0.861, top: 0.88 })).toBe(true);
    expect(relationHolds(tie, { aware: 0.85, top: 0.88 })).toBe(false);
    expect(relationHolds(tie, { aware: 0.91, top: 0.88 })).toBe(false);
    expect(describeRelation(tie)).toBe('|aware − top| ≤ 0.02');
    expect(() => relationHolds({ a: 'aware', op: '≈', b: 'top' }, { aware: 1, top: 1 })).toThrow(/tolerance/);
  });
});
