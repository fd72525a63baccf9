// Tests for averaging a per-user metric.
import { describe, expect, it } from 'vitest';
import { meanOver } from './aggregate';

describe('meanOver', () => {
  it('averages f(u) over u = 0..users−1', () => {
    // (0 + 1 + 2 + 3) / 4 = 1.5
    expect(meanOver(4, (u) => u)).toBe(1.5);
  });

  it('is 0 for no users', () => {
    expect(meanOver(0, () => 1)).toBe(0);
  });
});
