import { describe, expect, it } from 'vitest';
import { Rng } from '../random/rng';
import { BOS_ID, clipPrompt, epochOrder, toBatch } from './batches';
import type { P5Example } from './examples';

const ex = (prompt: number[], target: number[]): P5Example => ({
  family: 'sequential',
  templateId: 'sequential-1',
  user: 0,
  prompt: Int32Array.from(prompt),
  target: Int32Array.from(target),
  answer: { item: 0 },
});

describe('P5 batches', () => {
  it('pads prompts to the longest and shifts targets right behind <bos>', () => {
    expect(BOS_ID).toBe(1);
    const b = toBatch([ex([1, 7, 8], [20, 2]), ex([1, 9, 10, 11, 12], [30, 31, 2])]);
    expect(b.size).toBe(2);
    expect(b.srcLen).toBe(5);
    expect(Array.from(b.src)).toEqual([1, 7, 8, 0, 0, 1, 9, 10, 11, 12]);
    expect(b.tgtLen).toBe(3);
    expect(Array.from(b.tgtIn)).toEqual([1, 20, 0, 1, 30, 31]);
    expect(Array.from(b.tgtOut)).toEqual([20, 2, 0, 30, 31, 2]);
  });

  it('clips a long prompt to <bos> plus its most recent tokens', () => {
    expect(Array.from(clipPrompt(Int32Array.of(1, 5, 6, 7, 8), 3))).toEqual([1, 7, 8]);
    expect(Array.from(clipPrompt(Int32Array.of(1, 5), 3))).toEqual([1, 5]);
    const b = toBatch([ex([1, 5, 6, 7, 8], [9, 2]), ex([1, 4], [9, 2])], 3);
    expect(b.srcLen).toBe(3);
    expect(Array.from(b.src)).toEqual([1, 7, 8, 1, 4, 0]);
    expect(() => clipPrompt(Int32Array.of(1, 2, 3), 1)).toThrow(RangeError);
  });

  it('visits every example once per epoch in a seeded order', () => {
    const a = epochOrder(10, new Rng(3));
    expect(Array.from(a).sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(Array.from(epochOrder(10, new Rng(3)))).toEqual(Array.from(a));
  });
});
