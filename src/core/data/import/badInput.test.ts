import { describe, expect, it } from 'vitest';
import { formatIssue, ImportErrorCode, importDataset, type ImportFile, type ImportIssue } from './index';

const enc = (s: string) => new TextEncoder().encode(s);
const file = (name: string, text: string): ImportFile => ({ name, bytes: enc(text) });

const flags = (k: number) => Array.from({ length: 19 }, (_, g) => (g === k ? 1 : 0)).join('|');
const U_ITEM = [1, 2, 3].map((i) => `${i}|Film ${i} (1990)|01-Jan-1990||http://example.org/${i}|${flags(i)}`).join('\n') + '\n';
const MOVIES = 'movieId,title,genres\n1,"A, the film (1990)",Drama\n2,B (1991),Comedy\n';

/** Imports and expects failure; returns the errors. */
function failing(files: ImportFile[], opts?: Parameters<typeof importDataset>[1]): ImportIssue[] {
  const r = importDataset(files, opts);
  expect(r.ok).toBe(false);
  if (r.ok) throw new Error('imported');
  expect('dataset' in r).toBe(false);
  return r.errors;
}

/** The only error: its code, file, line, and a message that names the same file and line. */
function only(errors: ImportIssue[]): ImportIssue {
  expect(errors.map(formatIssue)).toHaveLength(1);
  const e = errors[0];
  expect(e.message.startsWith(e.line === undefined ? e.file : `${e.file}, line ${e.line}: `)).toBe(true);
  return e;
}

describe('bad input: columns and values', () => {
  it('names the line of a u.data row with a missing column', () => {
    const e = only(failing([file('u.data', '1\t1\t5\t100\n1\t2\t5\n'), file('u.item', U_ITEM)]));
    expect(e).toMatchObject({ code: ImportErrorCode.ColumnCount, file: 'u.data', line: 2 });
    expect(e.message).toMatch(/expected 4 columns \(user id, item id, rating, timestamp\) separated by tabs, found 3/);
  });

  it('rejects a non-numeric id in MovieLens files', () => {
    const e = only(failing([file('u.data', '1\t1\t5\t100\nabc\t2\t5\t100\n'), file('u.item', U_ITEM)]));
    expect(e).toMatchObject({ code: ImportErrorCode.NotANumber, file: 'u.data', line: 2 });
    expect(e.message).toMatch(/user id "abc" is not a whole number/);
    const e2 = only(failing([file('ratings.csv', 'userId,movieId,rating,timestamp\n1,tt0001,4,5\n'), file('movies.csv', MOVIES)]));
    expect(e2).toMatchObject({ code: ImportErrorCode.NotANumber, file: 'ratings.csv', line: 2 });
  });

  it('rejects a non-numeric rating or timestamp, naming each line', () => {
    const csv = 'user,item,rating,timestamp\na,x,five,1\nb,y,4,yesterday\n';
    const errors = failing([file('log.csv', csv)]);
    expect(errors.map((e) => [e.code, e.line])).toEqual([
      [ImportErrorCode.NotANumber, 2],
      [ImportErrorCode.NotANumber, 3],
    ]);
    expect(errors[0].message).toMatch(/log\.csv, line 2: the rating "five" is not a number/);
    expect(errors[1].message).toMatch(/timestamp "yesterday"/);
  });

  it('rejects a genre flag that is not 0 or 1 in u.item', () => {
    const bad = U_ITEM.replace('3|Film 3 (1990)|01-Jan-1990||http://example.org/3|0', '3|Film 3 (1990)|01-Jan-1990||http://example.org/3|x');
    const e = only(failing([file('u.data', '1\t1\t5\t100\n'), file('u.item', bad)]));
    expect(e).toMatchObject({ code: ImportErrorCode.NotANumber, file: 'u.item', line: 3 });
    expect(e.message).toMatch(/unknown flag "x"/);
  });

  it('rejects a generic file of a single column', () => {
    expect(only(failing([file('ids.csv', 'a\nb\nc\n')])).code).toBe(ImportErrorCode.NoSeparator);
  });
});

describe('bad input: empty and header-only files', () => {
  it('calls a zero-byte or blank file empty', () => {
    expect(only(failing([file('u.data', ''), file('u.item', U_ITEM)]))).toMatchObject({ code: ImportErrorCode.EmptyFile, file: 'u.data' });
    expect(only(failing([file('clicks.csv', '\n  \n')]))).toMatchObject({ code: ImportErrorCode.EmptyFile, file: 'clicks.csv' });
  });

  it('calls a file with a header and no rows header-only', () => {
    const e = only(failing([file('ratings.csv', 'userId,movieId,rating,timestamp\n'), file('movies.csv', MOVIES)]));
    expect(e).toMatchObject({ code: ImportErrorCode.HeaderOnly, file: 'ratings.csv', line: 1 });
    expect(only(failing([file('log.tsv', 'user\titem\trating\n')]))).toMatchObject({ code: ImportErrorCode.HeaderOnly, file: 'log.tsv' });
    const m = only(failing([file('ratings.csv', 'userId,movieId,rating,timestamp\n1,1,4,5\n'), file('movies.csv', 'movieId,title,genres\n')]));
    expect(m).toMatchObject({ code: ImportErrorCode.HeaderOnly, file: 'movies.csv' });
  });
});

describe('bad input: duplicates', () => {
  it('rejects a repeated (user, movie) in MovieLens files, naming both lines', () => {
    const e = only(failing([file('u.data', '1\t1\t5\t100\n1\t2\t4\t101\n1\t1\t3\t102\n'), file('u.item', U_ITEM)]));
    expect(e).toMatchObject({ code: ImportErrorCode.DuplicateRow, file: 'u.data', line: 3 });
    expect(e.message).toMatch(/user 1 and item 1 appear again \(first on line 1\)/);
  });

  it('rejects an item listed twice in the items file, naming both lines', () => {
    const e = only(failing([file('ratings.csv', '1,1,4,5\n'), file('movies.csv', MOVIES + '1,Again (1999),Drama\n')]));
    expect(e).toMatchObject({ code: ImportErrorCode.DuplicateId, file: 'movies.csv', line: 4 });
    expect(e.message).toMatch(/first on line 2/);
  });
});

describe('bad input: separators and quotes', () => {
  it('spots a space-separated line in the TAB-separated u.data', () => {
    const e = only(failing([file('u.data', '1\t1\t5\t100\n1 2 4 101\n'), file('u.item', U_ITEM)]));
    expect(e).toMatchObject({ code: ImportErrorCode.MixedSeparators, file: 'u.data', line: 2 });
    expect(e.message).toMatch(/separated by spaces but the rest of the file by tabs/);
  });

  it('spots a comma-separated line in a TSV, even when only part of it uses commas', () => {
    const tsv = 'user\titem\trating\nu\ta\t5\nu\tb,4\nv,c,5\n';
    const errors = failing([file('log.tsv', tsv)]);
    expect(errors.map((e) => [e.code, e.line])).toEqual([
      [ImportErrorCode.MixedSeparators, 3],
      [ImportErrorCode.MixedSeparators, 4],
    ]);
  });

  it('reports an unclosed quote in movies.csv', () => {
    const errors = failing([file('ratings.csv', '1,1,4,5\n'), file('movies.csv', 'movieId,title,genres\n1,"Open (1990),Drama\n')]);
    expect(errors.some((e) => e.code === ImportErrorCode.MalformedQuotes && e.file === 'movies.csv')).toBe(true);
  });

  it('counts lines through a quoted title that spans two lines', () => {
    const movies = 'movieId,title,genres\n1,"Two\nlines",Drama\n2,B,Comedy\nx,C,Drama\n';
    const e = only(failing([file('ratings.csv', '1,1,4,5\n'), file('movies.csv', movies)]));
    expect(e).toMatchObject({ code: ImportErrorCode.NotANumber, line: 5 });
  });
});

describe('bad input: missing and unknown files', () => {
  it('names the missing items file when only the ratings file is given', () => {
    const e = only(failing([file('ml-100k/u.data', '1\t1\t5\t100\n')]));
    expect(e).toMatchObject({ code: ImportErrorCode.MissingFile, file: 'ml-100k/u.data' });
    expect(e.message).toMatch(/u\.data needs u\.item beside it/);
    expect(only(failing([file('ratings.csv', '1,1,4,5\n')])).message).toMatch(/ratings\.csv needs movies\.csv/);
    expect(only(failing([file('movies.csv', MOVIES)])).message).toMatch(/movies\.csv needs ratings\.csv/);
  });

  it('names the missing interactions file when only an item-features file is given', () => {
    const e = only(failing([file('items.csv', 'item,genres\na,X\n')]));
    expect(e.code).toBe(ImportErrorCode.MissingFile);
    expect(e.message).toMatch(/add the interactions file/);
  });

  it('refuses two interactions files or no files at all', () => {
    expect(only(failing([file('a.csv', 'u,i\n'), file('b.csv', 'u,i\n')])).code).toBe(ImportErrorCode.AmbiguousFiles);
    expect(only(failing([])).code).toBe(ImportErrorCode.NoFiles);
  });

  it('rejects items in the ratings file that the items file lacks, with the line', () => {
    const e = only(failing([file('u.data', '1\t1\t5\t100\n2\t9\t5\t100\n'), file('u.item', U_ITEM)]));
    expect(e).toMatchObject({ code: ImportErrorCode.UnknownItem, file: 'u.data', line: 2 });
    expect(e.message).toMatch(/item 9 is not in u\.item/);
  });

  it('rejects users missing from u.user', () => {
    const e = only(failing([file('u.data', '1\t1\t5\t100\n2\t2\t5\t100\n'), file('u.item', U_ITEM), file('u.user', '1|30|F|writer|11111\n')]));
    expect(e).toMatchObject({ code: ImportErrorCode.UnknownUser, file: 'u.data', line: 2 });
  });
});

describe('bad input: encoding and size', () => {
  it('names the line of the first byte that is not UTF-8', () => {
    const bytes = new Uint8Array([...enc('userId,movieId,rating,timestamp\n1,1,4,5\n1,2,4,6 '), 0xe9, ...enc('\n')]);
    const e = only(failing([{ name: 'ratings.csv', bytes }, file('movies.csv', MOVIES)]));
    expect(e).toMatchObject({ code: ImportErrorCode.NotUtf8, file: 'ratings.csv', line: 3 });
    expect(e.message).toMatch(/byte 0xE9 .* is not valid UTF-8/);
  });

  it('rejects a 200 MB file with its size and the limit, without reading it', () => {
    const big = { name: 'huge.csv', bytes: new Uint8Array(200_000_000) };
    const e = only(failing([big]));
    expect(e).toMatchObject({ code: ImportErrorCode.FileTooLarge, file: 'huge.csv' });
    expect(e.message).toBe('huge.csv: the file is 200 MB (200000000 bytes), over the limit of 100 MB.');
    expect(only(failing([file('a.csv', 'u,i\n1,2\n')], { maxBytes: 4 })).message).toBe('a.csv: the file is 8 bytes, over the limit of 4 bytes.');
  });
});

describe('bad input: all or nothing', () => {
  it('returns no dataset when one line of many is bad', () => {
    const lines = Array.from({ length: 500 }, (_, e) => `${1 + (e % 50)}\t${1 + (e % 3)}\t5\t${e}`);
    const ok = lines.filter((_, e) => e < 150); // 50 users × 3 items, unique pairs
    ok.splice(77, 0, '7\t2\t5');
    const e = only(failing([file('u.data', ok.join('\n')), file('u.item', U_ITEM)]));
    expect(e.line).toBe(78);
  });

  it('lists the first 20 errors and counts the rest', () => {
    const lines = ['user,item,rating', ...Array.from({ length: 50 }, (_, k) => `u${k},i,bad`)];
    const errors = failing([file('log.csv', lines.join('\n'))]);
    expect(errors).toHaveLength(21);
    expect(errors.slice(0, 20).every((e) => e.code === ImportErrorCode.NotANumber)).toBe(true);
    expect(errors[19].line).toBe(21);
    expect(errors[20]).toMatchObject({ code: ImportErrorCode.TooManyErrors, file: 'log.csv' });
    expect(errors[20].message).toBe('log.csv: 30 more errors not listed (50 in all; the first 20 are shown).');
  });

  it('fails when no rating reaches the threshold, and on a threshold that is not a number', () => {
    expect(only(failing([file('log.csv', 'user,item,rating\na,x,3\n')])).code).toBe(ImportErrorCode.NothingKept);
    expect(only(failing([file('log.csv', 'a,x\n')], { ratingThreshold: NaN })).code).toBe(ImportErrorCode.BadOption);
  });
});

describe('a dropped folder with extra files', () => {
  it('reads the data files of a generic folder and leaves README and hidden files aside', () => {
    const r = importDataset([file('clicks.csv', 'user,item\na,x\nb,y\n'), file('README.md', '# about'), file('.DS_Store', '\u0000')]);
    if (!r.ok) throw new Error(r.errors.map(formatIssue).join('\n'));
    expect(r.report.ignoredFiles).toEqual(['README.md', '.DS_Store']);
  });

  it('refuses a file over the limit by its size alone, without its bytes', () => {
    const err = only(failing([{ name: 'big.csv', bytes: new Uint8Array(0), size: 300_000_000 }]));
    expect(err.code).toBe(ImportErrorCode.FileTooLarge);
    expect(err.message).toMatch(/big\.csv.*300 MB/);
  });
});
