import { describe, expect, it } from 'vitest';
import { niceDomain, niceTicks } from './niceTicks';

describe('niceTicks', () => {
  it('steps by 1, 2 or 5 times a power of ten and stays inside the range', () => {
    expect(niceTicks(0, 0.8, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(1, 1620, 5)).toEqual([500, 1000, 1500]);
    expect(niceTicks(-3, 7, 5)).toEqual([-2, 0, 2, 4, 6]);
  });
  it('gives whole numbers when asked, even for a short range', () => {
    expect(niceTicks(0, 3, 5, true)).toEqual([0, 1, 2, 3]);
  });
  it('gives the one value of an empty range', () => {
    expect(niceTicks(2, 2, 5)).toEqual([2]);
  });
});

describe('niceDomain', () => {
  it('widens the range to whole steps and ticks it', () => {
    // niceTicks(0.13, 0.71, 5) steps by 0.2 (0.58 / 4 = 0.145 is nearest 0.2 by ratio): the domain is [0, 0.8].
    expect(niceDomain(0.13, 0.71, 5)).toEqual({ lo: 0, hi: 0.8, ticks: [0, 0.2, 0.4, 0.6, 0.8] });
    // Ends off the step (2) move out to the next multiples.
    expect(niceDomain(-3, 7, 5)).toEqual({ lo: -4, hi: 8, ticks: [-4, -2, 0, 2, 4, 6, 8] });
  });
});
