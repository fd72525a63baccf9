import { describe, expect, it } from 'vitest';
import { findRepeats } from './assemble';

const i32 = (xs: number[]) => Int32Array.from(xs);

describe('findRepeats', () => {
  it('points each repeat at its pair’s first row and keeps the latest timestamp, the later line on a tie', () => {
    // rows: (u0,i1,t5) (u1,i0,t1) (u0,i1,t9) (u0,i0,t3) (u0,i1,t9)
    const { keep, firstOf } = findRepeats(i32([0, 1, 0, 0, 0]), i32([1, 0, 1, 0, 1]), 2, [5, 1, 9, 3, 9]);
    expect(Array.from(firstOf)).toEqual([-1, -1, 0, -1, 0]);
    expect(Array.from(keep)).toEqual([0, 1, 0, 1, 1]);
  });

  it('keeps the earlier line when it has the later timestamp, and the last line without timestamps', () => {
    expect(Array.from(findRepeats(i32([0, 0]), i32([0, 0]), 1, [7, 2]).keep)).toEqual([1, 0]);
    expect(Array.from(findRepeats(i32([0, 0, 0]), i32([3, 3, 3]), 1, null).keep)).toEqual([0, 0, 1]);
  });
});
