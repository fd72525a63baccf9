// Text → rows with their line numbers (papaparse does the splitting), plus the per-cell checks every format shares.
import Papa from 'papaparse';
import { ImportErrorCode, type IssueLog } from './importErrors';

/** Non-empty rows of a file; `lines[r]` is the 1-based line on which row r starts. */
export interface Rows {
  file: string;
  delimiter: string;
  fields: string[][];
  lines: number[];
}

/** A decoded file. */
export interface TextFile {
  name: string;
  text: string;
}

const SEPARATOR_NAMES: Record<string, string> = { '\t': 'tabs', ',': 'commas', ';': 'semicolons', '|': 'bars (|)', ' ': 'spaces' };

export function separatorName(d: string): string {
  return SEPARATOR_NAMES[d] ?? `"${d}"`;
}

/**
 * Splits `file` into rows with papaparse. `quotes: false` turns quote handling off (MovieLens 100K's TAB and `|`
 * files are not CSV: a `"` in a title is just a character). Empty rows are dropped here rather than by
 * papaparse's `skipEmptyLines`, so that every kept row still knows its line number; a quoted field that spans
 * lines moves the following rows' numbers on by its line breaks. Malformed quotes are logged (OL514).
 */
export function splitRows(file: TextFile, delimiter: string, quotes: boolean, log: IssueLog): Rows {
  const res = Papa.parse<string[]>(file.text, {
    delimiter,
    skipEmptyLines: false,
    ...(quotes ? {} : { fastMode: true }),
  });
  const lineBreak = res.meta.linebreak === '\r' ? '\r' : '\n';
  const hasQuotes = quotes && file.text.includes('"');
  const fields: string[][] = [];
  const lines: number[] = [];
  const lineOfRow = new Array<number>(res.data.length);
  let line = 1;
  for (let r = 0; r < res.data.length; r++) {
    const row = res.data[r];
    lineOfRow[r] = line;
    line++;
    if (hasQuotes) for (const f of row) for (let k = f.indexOf(lineBreak); k >= 0; k = f.indexOf(lineBreak, k + 1)) line++;
    if (row.length === 1 && row[0].trim() === '') continue;
    fields.push(row);
    lines.push(lineOfRow[r]);
  }
  for (const e of res.errors) {
    if (e.type !== 'Quotes') continue;
    const at = e.row === undefined ? undefined : lineOfRow[e.row];
    log.error(ImportErrorCode.MalformedQuotes, file.name, at, `a quoted field is not closed properly (${e.message}).`);
  }
  return { file: file.name, delimiter, fields, lines };
}

/**
 * The separator of a CSV/TSV file of unknown dialect, guessed by papaparse from its first rows among
 * `candidates`, or null when no candidate splits the rows into two or more columns consistently.
 */
export function guessDelimiter(text: string, candidates: string[]): string | null {
  const res = Papa.parse<string[]>(text.slice(0, 65_536), { delimitersToGuess: candidates, preview: 30, skipEmptyLines: true });
  if (res.errors.some((e) => e.type === 'Delimiter')) return null;
  return candidates.includes(res.meta.delimiter) ? res.meta.delimiter : null;
}

/**
 * Checks that row r has `columns.length` fields. A wrong count whose line splits into the right count when
 * another separator is allowed too is reported as mixed separators (OL508), any other as a wrong column count (OL507).
 */
export function checkWidth(rows: Rows, r: number, columns: readonly string[], log: IssueLog): boolean {
  const row = rows.fields[r];
  if (row.length === columns.length) return true;
  const raw = row.join(rows.delimiter);
  // Spaces only count when the line did not split at all: titles and dates contain spaces.
  const other = Object.keys(SEPARATOR_NAMES).find(
    (d) =>
      d !== rows.delimiter &&
      (d !== ' ' || row.length === 1) &&
      raw.includes(d) &&
      raw.trim().split(rows.delimiter).flatMap((part) => part.split(d)).length === columns.length,
  );
  if (other !== undefined) {
    log.error(
      ImportErrorCode.MixedSeparators,
      rows.file,
      rows.lines[r],
      `this line is separated by ${separatorName(other)} but the rest of the file by ${separatorName(rows.delimiter)}; use one separator throughout.`,
    );
  } else {
    log.error(
      ImportErrorCode.ColumnCount,
      rows.file,
      rows.lines[r],
      `expected ${columns.length} columns (${columns.join(', ')}) separated by ${separatorName(rows.delimiter)}, found ${row.length}.`,
    );
  }
  return false;
}

/** A whole-number id (MovieLens ids), canonicalised ("007" → "7"), or null after logging OL509. */
export function wholeId(rows: Rows, r: number, raw: string, what: string, log: IssueLog): string | null {
  const s = raw.trim();
  if (/^\d{1,15}$/.test(s)) return String(Number(s));
  log.error(ImportErrorCode.NotANumber, rows.file, rows.lines[r], `the ${what} "${s}" is not a whole number (this format's ids are numbers).`);
  return null;
}

/** Any non-empty id (generic files), or null after logging OL520. */
export function textId(rows: Rows, r: number, raw: string, what: string, log: IssueLog): string | null {
  const s = raw.trim();
  if (s !== '') return s;
  log.error(ImportErrorCode.EmptyValue, rows.file, rows.lines[r], `the ${what} is empty.`);
  return null;
}

/** A finite number (ratings, timestamps), or NaN after logging OL509. */
export function numberCell(rows: Rows, r: number, raw: string, what: string, log: IssueLog): number {
  const s = raw.trim();
  const v = s === '' ? NaN : Number(s);
  if (Number.isFinite(v)) return v;
  log.error(ImportErrorCode.NotANumber, rows.file, rows.lines[r], `the ${what} "${s}" is not a number.`);
  return NaN;
}
