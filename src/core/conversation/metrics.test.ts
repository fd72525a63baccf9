// SR@t, AT and hDCG on outcomes computed by hand.
import { describe, expect, it } from 'vitest';
import { averageTurns, hdcg, hdcgOf, successRates, type EpisodeOutcome } from './metrics';

const outcomes: EpisodeOutcome[] = [
  { successTurn: 1, rank: 1 },
  { successTurn: 3, rank: 2 },
  { successTurn: null, rank: null },
  { successTurn: 14, rank: 10 },
];

describe('conversation metrics', () => {
  it('SR@t counts successes within t actions', () => {
    const sr = Array.from(successRates(outcomes));
    expect(sr.slice(0, 4)).toEqual([0.25, 0.25, 0.5, 0.5]);
    expect(sr[12]).toBe(0.5);
    expect(sr[13]).toBe(0.75);
    expect(sr[14]).toBe(0.75);
  });

  it('AT averages the turns, a failure counting 15: (1 + 3 + 15 + 14) / 4', () => {
    expect(averageTurns(outcomes)).toBe(33 / 4);
  });

  it('hDCG is 1 for a first-action success at rank 1 and 0 for a failure', () => {
    expect(hdcgOf(outcomes[0])).toBeCloseTo(1, 12);
    expect(hdcgOf(outcomes[2])).toBe(0);
  });

  it('hDCG at action 3 (t = 2), rank 2: 1/log₂5 + (1/log₂4 − 1/log₂5)/log₂3', () => {
    const a = 1 / Math.log2(5);
    expect(hdcgOf(outcomes[1])).toBeCloseTo(a + (0.5 - a) / Math.log2(3), 12);
    const t13 = 1 / Math.log2(16) + (1 / Math.log2(15) - 1 / Math.log2(16)) / Math.log2(11);
    expect(hdcg(outcomes)).toBeCloseTo((1 + hdcgOf(outcomes[1]) + 0 + t13) / 4, 12);
  });
});
