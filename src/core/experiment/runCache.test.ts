// The run cache keeps the newest entries, drops the oldest past its bound, and refreshes an entry set again.
import { describe, expect, it } from 'vitest';
import { RunCache } from './runCache';

describe('RunCache', () => {
  it('returns what was stored under a key, and nothing for another key', () => {
    const c = new RunCache(2);
    c.set('a', [1]);
    expect(c.get<number[]>('a')).toEqual([1]);
    expect(c.get('b')).toBeUndefined();
  });

  it('drops the oldest entry past its bound; setting a key again makes it the newest', () => {
    const c = new RunCache(2);
    c.set('a', 1);
    c.set('b', 2);
    c.set('a', 3);
    c.set('c', 4);
    expect(c.size).toBe(2);
    expect(c.get('b')).toBeUndefined();
    expect([c.get('a'), c.get('c')]).toEqual([3, 4]);
  });
});
