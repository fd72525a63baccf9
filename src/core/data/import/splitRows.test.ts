import { describe, expect, it } from 'vitest';
import { IssueLog } from './importErrors';
import { checkWidth, guessDelimiter, splitRows } from './splitRows';

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
