// Text → rows with their line numbers (papaparse does the splitting), plus the per-cell checks every format shares.
import Papa from 'papaparse';
import { showText } from '../../showText';
import { ImportErrorCode, IssueLog } from './importErrors';

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

/** Rows between two progress reports while streaming a file. */
const PROGRESS_EVERY = 32_768;

/**
 * Streams `file`'s non-empty rows to `visit` without keeping them (the interactions file can hold millions):
 * `visit` gets a one-row `Rows` (row 0 = the current row and its line), reused between calls, so the shared
 * cell checks (`checkWidth(rows, 0, …)`) work on it; `visit` returning false stops the stream. Same splitting, line numbers and quote errors as
 * `splitRows`; reports the parse fraction to the log's progress listener. Returns the number of rows visited.
 */
export function forEachRow(file: TextFile, delimiter: string, quotes: boolean, log: IssueLog, visit: (row: Rows) => void | boolean): number {
  const cursor: Rows = { file: file.name, delimiter, fields: [[]], lines: [0] };
  const hasQuotes = quotes && file.text.includes('"');
  const total = Math.max(1, file.text.length);
  let line = 1;
  let visited = 0;
  let seen = 0;
  Papa.parse<string[]>(file.text, {
    delimiter,
    skipEmptyLines: false,
    ...(quotes ? {} : { fastMode: true }),
    step: (res, parser) => {
      const row = res.data;
      const at = line++;
      if (hasQuotes) {
        const lineBreak = res.meta.linebreak === '\r' ? '\r' : '\n';
        for (const f of row) for (let k = f.indexOf(lineBreak); k >= 0; k = f.indexOf(lineBreak, k + 1)) line++;
      }
      for (const e of res.errors) {
        if (e.type === 'Quotes') log.error(ImportErrorCode.MalformedQuotes, file.name, at, `a quoted field is not closed properly (${e.message}).`);
      }
      if (++seen % PROGRESS_EVERY === 0) log.onProgress?.({ phase: 'parse', file: file.name, fraction: res.meta.cursor / total });
      if (row.length === 1 && row[0].trim() === '') return;
      cursor.fields[0] = row;
      cursor.lines[0] = at;
      visited++;
      if (visit(cursor) === false) parser.abort();
    },
  });
  log.onProgress?.({ phase: 'parse', file: file.name, fraction: 1 });
  return visited;
}

/**
 * The first non-empty rows of `file` (at most `count`), split as `splitRows` would, for decisions taken before
 * streaming (is row 0 a header?). Quote errors are not logged here: the stream that follows logs them.
 */
export function previewRows(file: TextFile, delimiter: string, quotes: boolean, count: number): Rows {
  const rows: Rows = { file: file.name, delimiter, fields: [], lines: [] };
  forEachRow(file, delimiter, quotes, new IssueLog(), (r) => {
    rows.fields.push(r.fields[0]);
    rows.lines.push(r.lines[0]);
    return rows.fields.length < count;
  });
  return rows;
}

/** One shared copy of each repeated id string: millions of rows name a few thousand users and items. */
export class Interner {
  private readonly pool = new Map<string, string>();

  get(s: string): string {
    const had = this.pool.get(s);
    if (had !== undefined) return had;
    this.pool.set(s, s);
    return s;
  }
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

/** Column names for a message: the first 6, then how many more. */
function columnList(columns: readonly string[]): string {
  const named = columns.slice(0, 6).map((c) => showText(c)).join(', ');
  return columns.length > 6 ? `${named}, … ${columns.length - 6} more` : named;
}

/**
 * Checks that row r has `columns.length` fields. A wrong count whose line splits into the right count when
 * another separator is allowed too is reported as mixed separators (OL508), any other as a wrong column count (OL507).
 */
export function checkWidth(rows: Rows, r: number, columns: readonly string[], log: IssueLog): boolean {
  const row = rows.fields[r];
  if (row.length === columns.length) return true;
  // A separator at the end of the line (u.data saved with a trailing tab, spaces after the last column) adds
  // only empty cells: drop them rather than refuse the file.
  if (row.length > columns.length && row.slice(columns.length).every((c) => c.trim() === '')) {
    row.length = columns.length;
    return true;
  }
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
      `expected ${columns.length} columns (${columnList(columns)}) separated by ${separatorName(rows.delimiter)}, found ${row.length}.`,
    );
  }
  return false;
}

/** Control characters (C0, DEL) and a stray byte-order mark: invisible, they would make "u1" and "u1\0" two users. */
const CONTROL = /[\u0000-\u001f\u007f\ufeff]/;

/** Logs OL522 and returns false when an id holds a control character (refused, not stripped: the file is wrong). */
function noControl(rows: Rows, r: number, s: string, what: string, log: IssueLog): boolean {
  const at = s.search(CONTROL);
  if (at < 0) return true;
  const code = `U+${s.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0')}`;
  log.error(
    ImportErrorCode.ControlCharacter,
    rows.file,
    rows.lines[r],
    `the ${what} "${showText(s)}" contains the control character ${code} (character ${at + 1}); remove it from the file.`,
  );
  return false;
}

/** Is this row a MovieLens-style header ("userId,…", "movieId,…")? Its first field is not a whole number. */
export function isNamedHeader(fields: readonly string[]): boolean {
  return !/^\s*\d+\s*$/.test(fields[0] ?? '');
}

/** A whole-number id (MovieLens ids), canonicalised ("007" → "7"), or null after logging OL509. */
export function wholeId(rows: Rows, r: number, raw: string, what: string, log: IssueLog): string | null {
  const s = raw.trim();
  if (/^\d{1,15}$/.test(s)) return String(Number(s));
  log.error(ImportErrorCode.NotANumber, rows.file, rows.lines[r], `the ${what} "${showText(s)}" is not a whole number (this format's ids are numbers).`);
  return null;
}

/** Any non-empty id without control characters (generic files), or null after logging OL520 / OL522. */
export function textId(rows: Rows, r: number, raw: string, what: string, log: IssueLog): string | null {
  const s = raw.trim();
  if (s === '') {
    log.error(ImportErrorCode.EmptyValue, rows.file, rows.lines[r], `the ${what} is empty.`);
    return null;
  }
  return noControl(rows, r, s, what, log) ? s : null;
}

const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;

/**
 * A finite number (ratings), or NaN after logging OL509. In a file not separated by commas a decimal comma is
 * read as a decimal point ("4,5" = 4.5, as semicolon-separated files from European spreadsheets write it); in
 * a comma-separated file it is refused with how to fix it.
 */
export function numberCell(rows: Rows, r: number, raw: string, what: string, log: IssueLog): number {
  const s = raw.trim();
  const decimalComma = DECIMAL_COMMA.test(s);
  const v = s === '' ? NaN : Number(decimalComma && rows.delimiter !== ',' ? s.replace(',', '.') : s);
  if (Number.isFinite(v)) return v;
  const fix = decimalComma ? '; in a comma-separated file write it with a decimal point (4.5), or separate the columns with semicolons' : '';
  log.error(ImportErrorCode.NotANumber, rows.file, rows.lines[r], `the ${what} "${showText(s)}" is not a number${fix}.`);
  return NaN;
}

const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/**
 * Seconds since 1970-01-01 UTC of an ISO-8601 date (`2024-03-01`) or date-time (`2024-03-01T12:00:00Z`,
 * `…+01:00`, a space for the T, fractions of a second). A date-time without a zone is read as UTC, so the
 * same file gives the same numbers on every machine. NaN when `s` is not one, or names no real date or time.
 */
export function isoSeconds(s: string): number {
  const m = ISO_8601.exec(s);
  if (!m) return NaN;
  const [y, mo, d, h = 0, mi = 0, sec = 0] = m.slice(1, 7).map((x) => (x === undefined ? 0 : Number(x)));
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || sec > 59) return NaN;
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, sec, 0);
  const ms = date.getTime();
  if (date.getUTCDate() !== d) return NaN; // 2024-02-30 rolls over into March
  let offset = 0;
  const zone = m[8];
  if (zone && zone.toUpperCase() !== 'Z') {
    const [zh, zm = '0'] = zone.slice(1).split(':').length > 1 ? zone.slice(1).split(':') : [zone.slice(1, 3), zone.slice(3) || '0'];
    if (Number(zh) > 23 || Number(zm) > 59) return NaN;
    offset = (zone[0] === '-' ? -1 : 1) * (Number(zh) * 3600 + Number(zm) * 60);
  }
  const fraction = m[7] ? Number(`0.${m[7]}`) : 0;
  return ms / 1000 + fraction - offset;
}

/** Is `s` a timestamp this importer reads (a finite number or an ISO-8601 date)? Header detection asks. */
export function isTimestamp(s: string): boolean {
  const t = s.trim();
  return (t !== '' && Number.isFinite(Number(t))) || Number.isFinite(isoSeconds(t));
}

/** A timestamp: a finite number (any increasing clock) or an ISO-8601 date / date-time (→ seconds), else NaN after logging OL509. */
export function timestampCell(rows: Rows, r: number, raw: string, what: string, log: IssueLog): number {
  const s = raw.trim();
  const v = s === '' ? NaN : /^\d{4}-\d{2}-\d{2}/.test(s) ? isoSeconds(s) : Number(s);
  if (Number.isFinite(v)) return v;
  const how = /^\d{4}-\d{2}-\d{2}/.test(s)
    ? 'is not a real ISO-8601 date and time'
    : 'is neither a number nor an ISO-8601 date; write dates as 2024-03-01 or 2024-03-01T12:00:00Z, or as seconds since 1970';
  log.error(ImportErrorCode.NotANumber, rows.file, rows.lines[r], `the ${what} "${showText(s)}" ${how}.`);
  return NaN;
}
