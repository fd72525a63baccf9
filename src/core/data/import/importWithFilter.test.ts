import { describe, expect, it } from 'vitest';
import { importWithFilter } from './importWithFilter';

const enc = (s: string) => new TextEncoder().encode(s);
// a: x y z · b: x y · c: x  → items x:3, y:2, z:1
const files = [{ name: 'clicks.csv', bytes: enc('user,item\na,x\na,y\na,z\nb,x\nb,y\nc,x\n') }];

describe('importWithFilter', () => {
  it('imports unchanged when no minimum is set', () => {
    const r = importWithFilter(files, {});
    expect(r.ok && r.report.kept).toBe(6);
  });

  it('keeps the (2, 2)-core and says what the filter removed', () => {
    // users ≥ 2 drops c; items ≥ 2 drops z; then a: x y, b: x y — stable.
    const r = importWithFilter(files, { minPerUser: 2, minPerItem: 2 });
    if (!r.ok) throw new Error('expected ok');
    expect(r.dataset.userIds).toEqual(['a', 'b']);
    expect(r.dataset.itemIds).toEqual(['x', 'y']);
    expect(r.report).toMatchObject({ users: 2, items: 2, kept: 4 });
    expect(r.report.warnings.at(-1)).toMatch(/kept 2 of 3 users, 2 of 3 items, 4 of 6 interactions/);
  });

  it('refuses a filter that leaves nothing, naming the fix', () => {
    const r = importWithFilter(files, { minPerUser: 100 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ code: 'OL516', message: expect.stringMatching(/leaves nothing; lower the minimums/) });
  });
});
