import { describe, expect, it } from 'vitest';
import { DECADES } from '../syntheticNames';
import { decadeName, yearFromReleaseDate, yearFromTitle } from './releaseYear';

describe('release years', () => {
  it("reads u.item's release date by its last four digits, empty or out of range → null", () => {
    expect(yearFromReleaseDate('01-Jan-1995')).toBe(1995);
    expect(yearFromReleaseDate(' 16-Sep-2003 ')).toBe(2003);
    expect(yearFromReleaseDate('')).toBeNull();
    expect(yearFromReleaseDate('01-Jan-95')).toBeNull();
    expect(yearFromReleaseDate('01-Jan-1869')).toBeNull();
    expect(yearFromReleaseDate('01-Jan-2101')).toBeNull();
    expect(yearFromReleaseDate('01-Jan-2100')).toBe(2100);
  });

  it('reads a trailing "(YYYY)" from a title, trailing spaces allowed; a range or no year → null', () => {
    expect(yearFromTitle('Toy Story (1995)')).toBe(1995);
    expect(yearFromTitle('Toy Story (1995) ')).toBe(1995);
    expect(yearFromTitle('Dinner, Interrupted (2001)')).toBe(2001);
    expect(yearFromTitle('2001: A Space Odyssey (1968)')).toBe(1968);
    expect(yearFromTitle('Babylon 5 (1994-1998)')).toBeNull();
    expect(yearFromTitle('Hyena Road')).toBeNull();
    expect(yearFromTitle('(1995) Something')).toBeNull();
    expect(yearFromTitle('Old Reel (1066)')).toBeNull();
  });

  it('names decades as the synthetic worlds do', () => {
    expect(decadeName(1995)).toBe('1990s');
    expect(decadeName(2000)).toBe('2000s');
    expect(decadeName(2029)).toBe('2020s');
    expect([1950, 1960, 1970, 1980, 1990, 2000, 2010, 2020].map(decadeName)).toEqual(DECADES);
  });
});
