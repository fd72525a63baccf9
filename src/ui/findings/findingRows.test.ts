import { describe, expect, it } from 'vitest';
import { fromStepMean, fromSummary, type Finding, type MeasuredFinding } from '../../core/experiment/findings';
import { describeWhere, findingRows, formatSpread, heldLabel, variantPlan } from './findingRows';

const finding: Finding = {
  id: 'lab.f',
  labId: 'lab',
  claim: 'a beats b',
  config: { dataset: 'workshop', method: 'x' },
  arms: { a: { k: 1 }, b: { k: 2 } },
  seeds: [1, 2, 3],
  values: { a: { arm: 'a', reading: fromSummary('m') }, b: { arm: 'b', reading: fromStepMean('w') } },
  expect: { a: 'a', op: '>', b: 'b' },
  quick: { config: { dataset: 'tiny', epochs: 1 }, seeds: [42] },
};

const value = (perSeed: number[], mean: number, sd: number) => ({ read: 'r', arm: 'a', perSeed, mean, sd, min: Math.min(...perSeed), max: Math.max(...perSeed) });

const recorded: MeasuredFinding = {
  id: 'lab.f',
  labId: 'lab',
  claim: 'a beats b',
  dataset: 'workshop',
  seeds: [1, 2, 3],
  config: {},
  values: { a: value([0.3, 0.32, 0.34], 0.32, 0.02), b: value([0.1, 0.1, 0.1], 0.1, 0) },
  expect: 'a > b',
  held: true,
  heldPerSeed: [true, false, true],
  backend: 'wasm',
  date: '2026-11-30T03:14:51.398Z',
  commit: 'abc',
};

describe('the measured-findings rows', () => {
  it('formats mean ± sd over several seeds, and the bare mean for one seed', () => {
    expect(formatSpread(value([0.3, 0.32, 0.34], 0.32, 0.02))).toBe('0.320 ± 0.020');
    expect(formatSpread(value([0.5], 0.5, 0))).toBe('0.500');
    expect(formatSpread(value([0.3, 0.32], 0.31, 0.0141), 2)).toBe('0.31 ± 0.01');
  });

  it('says where and when, and on how many seeds the relation held', () => {
    expect(describeWhere(recorded)).toBe('workshop, 3 seeds (1, 2, 3), wasm, 2026-11-30');
    expect(heldLabel(recorded)).toBe('held (on 2 of 3 seeds)');
    expect(heldLabel({ ...recorded, held: false, seeds: [42], heldPerSeed: [false] })).toBe('did not hold');
    expect(describeWhere({ ...recorded, seeds: [42], dataset: 'tiny' })).toBe('tiny, 1 seed (42), wasm, 2026-11-30');
  });

  it('puts the recorded and the re-run value of each declared value side by side, in declaration order', () => {
    const rerun = { ...recorded, dataset: 'tiny', seeds: [42], values: { a: value([0.4], 0.4, 0), b: value([0.2], 0.2, 0) } };
    expect(findingRows(finding, recorded, rerun)).toEqual([
      { name: 'a', arm: 'a', read: 'summary m', recorded: '0.320 ± 0.020', rerun: '0.400' },
      { name: 'b', arm: 'b', read: 'mean over steps of w', recorded: '0.100 ± 0.000', rerun: '0.200' },
    ]);
    // Not measured yet, not re-run yet: no numbers, not zeros.
    expect(findingRows(finding, undefined, null).map((r) => [r.recorded, r.rerun])).toEqual([
      [null, null],
      [null, null],
    ]);
  });

  it('plans the full and the quick re-run from the declaration: dataset, seeds, arms × seeds', () => {
    expect(variantPlan(finding, false)).toEqual({ dataset: 'workshop', seeds: [1, 2, 3], runs: 6, label: 'full on workshop, 3 seeds, 6 runs', short: '6 runs on workshop' });
    expect(variantPlan(finding, true)).toEqual({ dataset: 'tiny', seeds: [42], runs: 2, label: 'quick check on tiny, 1 seed, 2 runs', short: '2 runs on tiny' });
    const { quick: _q, arms: _a, ...plain } = finding;
    expect(variantPlan(plain, true)).toBeNull();
    expect(variantPlan(plain, false)?.label).toBe('full on workshop, 3 seeds, 3 runs');
  });
});
