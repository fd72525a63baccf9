import { describe, expect, it } from 'vitest';
import { IssueLog } from './importErrors';
import { checkWidth, guessDelimiter, isoSeconds, splitRows } from './splitRows';

describe('splitRows', () => {
  it('drops blank lines but keeps each row’s own line number, with CR LF line ends', () => {
    const rows = splitRows({ name: 'f', text: '1\t2\r\n\r\n3\t4\r\n  \r\n5\t6\r\n' }, '\t', false, new IssueLog());
    expect(rows.fields).toEqual([['1', '2'], ['3', '4'], ['5', '6']]);
    expect(rows.lines).toEqual([1, 3, 5]);
  });

  it('treats quotes as plain characters when quoting is off (MovieLens 100K titles)', () => {
    const rows = splitRows({ name: 'f', text: '1|"Quoted|x\n' }, '|', false, new IssueLog());
    expect(rows.fields).toEqual([['1', '"Quoted', 'x']]);
  });

  it('advances line numbers past a quoted field that spans lines', () => {
    const rows = splitRows({ name: 'f', text: 'a,"x\ny\nz",b\nc,d,e\n' }, ',', true, new IssueLog());
    expect(rows.fields[0][1]).toBe('x\ny\nz');
    expect(rows.lines).toEqual([1, 4]);
  });
});

describe('separators', () => {
  it('guesses tabs, commas and semicolons, and gives up on a single column', () => {
    expect(guessDelimiter('a\tb\n1\t2\n', ['\t', ',', ';'])).toBe('\t');
    expect(guessDelimiter('a,b,c\n1,2,3\n', ['\t', ',', ';'])).toBe(',');
    expect(guessDelimiter('a;b\n1;2\n', ['\t', ',', ';'])).toBe(';');
    expect(guessDelimiter('a\nb\n', ['\t', ',', ';'])).toBeNull();
  });

  it('tells a wrong column count from a line that uses another separator', () => {
    const log = new IssueLog();
    const rows = splitRows({ name: 'f.csv', text: 'a,b,c\nd;e;f\ng,h\n' }, ',', true, log);
    expect([0, 1, 2].map((r) => checkWidth(rows, r, ['x', 'y', 'z'], log))).toEqual([true, false, false]);
    expect(log.errors().map((e) => [e.code, e.line])).toEqual([
      ['OL508', 2],
      ['OL507', 3],
    ]);
  });
});


describe('isoSeconds (ISO-8601 timestamps → seconds since 1970, UTC)', () => {
  it('reads dates, date-times, fractions and zones', () => {
    expect(isoSeconds('1970-01-02')).toBe(86_400);
    expect(isoSeconds('2024-03-01T12:00:00Z')).toBe(Date.UTC(2024, 2, 1, 12) / 1000);
    expect(isoSeconds('2024-03-01 12:00:00')).toBe(Date.UTC(2024, 2, 1, 12) / 1000); // no zone: UTC
    expect(isoSeconds('2024-03-01T12:00:00+01:00')).toBe(Date.UTC(2024, 2, 1, 11) / 1000);
    expect(isoSeconds('2024-03-01T12:00:00.250Z')).toBe(Date.UTC(2024, 2, 1, 12) / 1000 + 0.25);
  });

  it('takes years 0000–0099 as written, not as 1900–1999', () => {
    expect(new Date(isoSeconds('0050-06-01') * 1000).getUTCFullYear()).toBe(50);
  });

  it('refuses impossible dates and times', () => {
    for (const s of ['2024-02-30', '2023-02-29', '2024-13-01', '2024-00-10', '2024-03-01T24:00:00', '2024-03-01T12:60:00', 'yesterday']) {
      expect(isoSeconds(s), s).toBeNaN();
    }
    expect(isoSeconds('2024-02-29')).toBe(Date.UTC(2024, 1, 29) / 1000);
  });
});
