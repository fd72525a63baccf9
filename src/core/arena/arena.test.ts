import { describe, expect, it } from 'vitest';
import { arenaPoints, compareStrategies, type ArenaEntry, type ArenaSeed } from './arena';

const entry = (id: string, strategy: ArenaEntry['strategy'], base: ArenaEntry['base'] = 'policy'): ArenaEntry => ({ id, label: id, lab: 'weighting', base, strategy, family: strategy === 'balance' ? 'hand' : 'rerank' });
const ENTRIES = [entry('a', 'balance'), entry('b', 'balance'), entry('r', 'reformulate'), entry('m', 'balance', 'warm')];
// Two seeds. Balancing line a–b; the reformulating point r sits above it on precision in seed 1 and below in seed 2.
// The warm-base point m is far better on every axis but is another model's, so r is never compared with it.
const v = (ild: number, precision: number, hit: number) => ({ ild, precision, hit, 'consumption@2': hit / 2 });
const SEEDS: ArenaSeed[] = [
  { seed: 1, values: { a: v(0.2, 0.4, 0.8), b: v(0.6, 0.2, 0.7), r: v(0.4, 0.35, 0.9), m: v(0.9, 0.9, 1) } },
  { seed: 2, values: { a: v(0.2, 0.4, 0.8), b: v(0.6, 0.2, 0.7), r: v(0.4, 0.25, 0.9), m: v(0.9, 0.9, 1) } },
];

describe('the arena', () => {
  it('summarises each point over the seeds', () => {
    const r = arenaPoints({ entries: ENTRIES, perSeed: SEEDS }).find((p) => p.id === 'r')!;
    expect(r.values.precision.mean).toBeCloseTo(0.3, 12);
    // Sample sd of 0.35 and 0.25: |0.05| · √2.
    expect(r.values.precision.sd).toBeCloseTo(0.05 * Math.SQRT2, 12);
    expect(r.values.ild.perSeed).toEqual([0.4, 0.4]);
  });

  it('measures a reformulating point against the balancing front of its own base, seed by seed', () => {
    const cmp = compareStrategies({ entries: ENTRIES, perSeed: SEEDS });
    const precision = cmp.find((c) => c.entryId === 'r' && c.metric === 'precision')!;
    // The line a–b at ILD 0.4 is 0.3: gaps +0.05 and −0.05, one seed each way: no majority.
    expect(precision.gap.perSeed.map((g) => Number(g.toFixed(12)))).toEqual([0.05, -0.05]);
    expect(precision.verdicts).toEqual(['above', 'below']);
    expect(precision.verdict).toBe('mixed');
    const hit = cmp.find((c) => c.entryId === 'r' && c.metric === 'hit')!;
    // HR on the line at 0.4: 0.75; r has 0.9 on both seeds.
    expect(hit.gap.mean).toBeCloseTo(0.15, 12);
    expect(hit.verdict).toBe('above');
    expect(cmp.every((c) => c.base === 'policy')).toBe(true);
  });
});
