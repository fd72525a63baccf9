// The lab registry: every lab by a unique stable id, and a numbered error naming the labs for an unknown one.
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../errors';
import { popVsMfLab } from './popVsMf';
import { findLab, getLab, LABS } from './registry';

describe('the lab registry', () => {
  it('finds a lab by its id', () => {
    expect(findLab('pop-vs-mf')).toBe(popVsMfLab);
    expect(getLab('pop-vs-mf')).toBe(popVsMfLab);
    expect(LABS.map((l) => l.id)).toEqual(['pop-vs-mf', 'weighting', 'consumption', 'mult-vae', 'amp-cf', 'wide-deep', 'conversation', 'kgat', 'p5']);
  });

  it('has unique ids', () => {
    expect(new Set(LABS.map((l) => l.id)).size).toBe(LABS.length);
  });

  it('throws OL104 for an unknown id, naming the labs there are', () => {
    expect(findLab('nope')).toBeUndefined();
    expect(() => getLab('nope')).toThrow(expect.objectContaining({ code: ErrorCode.UnknownLab }));
    expect(() => getLab('nope')).toThrow(/^OL104: unknown lab 'nope' \(labs: .*pop-vs-mf.*\)$/);
  });
});
