import { describe, expect, it } from 'vitest';
import { DECADES } from '../syntheticNames';
import { decadeAttributes } from './assemble';
import { importDataset } from './index';
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

describe('decade attributes', () => {
  it('one triple per item of known year, entities ascending; unknown years get none', () => {
    const a = decadeAttributes([2004, null, 1995, 1999, null, 1987])!;
    expect(a.relationNames).toEqual(['decade']);
    expect(a.entityNames).toEqual(['1980s', '1990s', '2000s']);
    expect(Array.from(a.item)).toEqual([0, 2, 3, 5]);
    expect(Array.from(a.relation)).toEqual([0, 0, 0, 0]);
    expect(Array.from(a.entity)).toEqual([2, 1, 1, 0]);
  });

  it('is null when no year is known', () => {
    expect(decadeAttributes([null, null])).toBeNull();
    expect(decadeAttributes([])).toBeNull();
  });

  it('follows the internal item order of an ml-latest import, skipping titles without a year', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    const r = importDataset([
      { name: 'ratings.csv', bytes: enc('userId,movieId,rating,timestamp\n1,30,5,1\n1,4,5,2\n2,100,4,3\n2,7,4,4\n') },
      {
        name: 'movies.csv',
        bytes: enc('movieId,title,genres\n100,Later (2015) ,Drama\n7,No Year,Drama\n30,Series (1994-1998),Drama\n4,Early (1962),Comedy\n'),
      },
    ]);
    if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
    const d = r.dataset;
    expect(d.itemIds).toEqual(['4', '7', '30', '100']);
    const a = d.attributes!;
    expect(a.entityNames).toEqual(['1960s', '2010s']);
    expect(Array.from(a.item, (i, k) => [d.itemIds[i], a.entityNames[a.entity[k]]])).toEqual([
      ['4', '1960s'],
      ['100', '2010s'],
    ]);
  });
});
