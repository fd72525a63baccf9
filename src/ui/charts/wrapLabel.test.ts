import { describe, expect, it } from 'vitest';
import { wrapLabel } from './wrapLabel';

describe('wrapLabel', () => {
  it('keeps a short label on one line', () => expect(wrapLabel('HR@10', 12)).toEqual(['HR@10']));
  it('breaks at spaces so no line passes the limit', () => expect(wrapLabel('users with 21 to 50 items', 10)).toEqual(['users with', '21 to 50', 'items']));
  it('gives a word longer than the limit its own line, uncut', () => expect(wrapLabel('a consumption-aware list', 8)).toEqual(['a', 'consumption-aware', 'list']));
  it('never breaks at a no-break space', () => expect(wrapLabel('16 items (1\u00a0user)', 10)).toEqual(['16 items', '(1\u00a0user)']));
  it('returns one empty line for an empty label', () => expect(wrapLabel('  ', 8)).toEqual(['']));
});
