// Generic CSV/TSV: one interactions file (user, item[, rating][, timestamp]; header optional; any string ids)
// and optionally one item-features file (item[, title], genres with genres separated by `|`).
import Papa from 'papaparse';
import type { RawCatalogue, RawInteractions } from './assemble';
import { baseName } from './detectFormat';
import { showText } from '../../showText';
import { ImportErrorCode, type IssueLog } from './importErrors';
import { catalogueFromGenreLists } from './movieLensLatest';
import {
  checkWidth,
  forEachRow,
  guessDelimiter,
  Interner,
  isTimestamp,
  numberCell,
  previewRows,
  separatorName,
  splitRows,
  textId,
  timestampCell,
  type Rows,
  type TextFile,
} from './splitRows';

type Role = 'user' | 'item' | 'rating' | 'timestamp' | 'title' | 'genres';

/** Header names recognised per column role, compared lower-case with everything but letters and digits removed. */
export const COLUMN_NAMES: Record<Role, string[]> = {
  user: ['user', 'userid', 'uid', 'users', 'customer', 'customerid', 'visitor', 'visitorid', 'reviewer', 'reviewerid',
    'member', 'memberid', 'session', 'sessionid'],
  item: ['item', 'itemid', 'iid', 'items', 'movie', 'movieid', 'product', 'productid', 'asin', 'track', 'trackid', 'song',
    'songid', 'artist', 'artistid', 'book', 'bookid', 'isbn', 'video', 'videoid', 'article', 'articleid'],
  rating: ['rating', 'ratings', 'score', 'stars', 'value', 'preference', 'pref'],
  timestamp: ['timestamp', 'time', 'ts', 'datetime', 'unixtime', 'epoch', 'date'],
  title: ['title', 'name', 'movietitle', 'itemname'],
  genres: ['genres', 'genre', 'categories', 'category', 'tags', 'tag', 'labels', 'label'],
};

/** A file whose name starts like this (items.csv, movies.tsv, item_features.csv, …) is the item-features file. */
export const FEATURES_FILE_NAME = /^(items?|movies?|features?|item[-_ ]?features?|genres?|products?|catalog(ue)?)([-_. ].*)?$/i;

const INTERACTION_SEPARATORS = ['\t', ',', ';', '|'];
// Not `|`: it separates the genres inside a cell.
const FEATURE_SEPARATORS = [',', '\t', ';'];
const POSITIONAL: Role[][] = [[], [], ['user', 'item'], ['user', 'item', 'rating'], ['user', 'item', 'rating', 'timestamp']];

function roleOf(cell: string, roles: readonly Role[]): Role | null {
  const key = cell.toLowerCase().replace(/[^a-z0-9]/g, '');
  return roles.find((r) => COLUMN_NAMES[r].includes(key)) ?? null;
}

function firstRow(file: TextFile, delimiter: string): string[] {
  return Papa.parse<string[]>(file.text, { delimiter, preview: 1, skipEmptyLines: true }).data[0] ?? [];
}

function isFeaturesFile(file: TextFile): boolean {
  if (FEATURES_FILE_NAME.test(baseName(file.name).replace(/\.[^.]*$/, ''))) return true;
  const head = firstRow(file, guessDelimiter(file.text, FEATURE_SEPARATORS) ?? ',');
  const roles = head.map((c) => roleOf(c, ['user', 'genres']));
  return roles.includes('genres') && !roles.includes('user');
}

/** Column index per role, from a header naming them or by position; `start` = first data row. */
interface Layout {
  columns: Partial<Record<Role, number>>;
  names: string[];
  start: number;
}

function layoutOf(rows: Rows, wanted: readonly Role[], required: readonly Role[], positional: Role[][], log: IssueLog): Layout | null {
  const head = rows.fields[0];
  const headRoles = head.map((c) => roleOf(c, wanted));
  const columns: Partial<Record<Role, number>> = {};
  if (required.every((r) => headRoles.includes(r))) {
    headRoles.forEach((r, k) => r !== null && columns[r] === undefined && (columns[r] = k));
    const unused = head.filter((_, k) => !Object.values(columns).includes(k));
    if (unused.length > 0) {
      const list = unused.slice(0, 8).map((c) => `"${showText(c)}"`).join(', ') + (unused.length > 8 ? ` and ${unused.length - 8} more` : '');
      log.warn(ImportErrorCode.UnusedColumns, rows.file, `ignored column${unused.length > 1 ? 's' : ''} ${list}.`);
    }
    if (rows.fields.length === 1) {
      log.error(ImportErrorCode.HeaderOnly, rows.file, rows.lines[0], 'the file has a header but no data rows.');
      return null;
    }
    return { columns, names: head.map((c) => c.trim()), start: 1 };
  }
  const roles = positional[head.length];
  if (!roles || roles.length === 0) {
    const shapes = positional.filter((p) => p.length > 0).map((p) => p.join(', '));
    log.error(
      ImportErrorCode.ColumnCount,
      rows.file,
      rows.lines[0],
      `found ${head.length} column${head.length === 1 ? '' : 's'} separated by ${separatorName(rows.delimiter)}; expected ${shapes.join(' or ')}, or a header naming the columns.`,
    );
    return null;
  }
  roles.forEach((r, k) => (columns[r] = k));
  const header = headerByContent(rows, columns);
  const cells = head.map((c) => `"${showText(c.trim())}"`).join(', ');
  if (header) {
    const problem = `line ${rows.lines[0]} (${cells}) is read as a header row and skipped, because ${header}; columns are taken by position as ${roles.join(', ')}.`;
    log.warn(ImportErrorCode.HeaderByPosition, rows.file, problem);
    if (rows.fields.length === 1) {
      log.error(ImportErrorCode.HeaderOnly, rows.file, rows.lines[0], 'the file has a header but no data rows.');
      return null;
    }
    return { columns, names: roles, start: 1 };
  }
  if (rows.fields.length > 1 && head.every((c) => WORD.test(c.trim())) && !recurs(rows, columns)) {
    const problem = `line ${rows.lines[0]} (${cells}) is read as data; if it names the columns, call them ${roles.join(',')} so it is recognised as a header.`;
    log.warn(ImportErrorCode.PossibleHeader, rows.file, problem);
  }
  return { columns, names: roles, start: 0 };
}

/** How many rows after the first are looked at to decide whether the first is a header. */
const HEADER_SAMPLE = 200;
/** A header-like cell: letters of any script, spaces, `_`, `-`, `.`, no digit (customer_code, "Item name", Käufer). */
const WORD = /^\p{L}[\p{L}\p{M} _.-]*$/u;
const hasDigit = (s: string) => /\d/.test(s);

/** Does any of row 0's id values appear again in its column among the sampled rows? */
function recurs(rows: Rows, columns: Partial<Record<Role, number>>): boolean {
  const end = Math.min(rows.fields.length, HEADER_SAMPLE + 1);
  return (['user', 'item'] as Role[]).some((role) => {
    const k = columns[role];
    if (k === undefined) return false;
    const v = rows.fields[0][k]?.trim();
    for (let r = 1; r < end; r++) if (rows.fields[r][k]?.trim() === v) return true;
    return false;
  });
}

/**
 * Whether the first row of a file without recognised column names is a header, judged by content against
 * the next rows (up to 200), and why; null when it is data. It is a header when
 * - a rating or timestamp column holds a word there (no digit) while every sampled row below holds a number
 *   (or, for timestamps, an ISO-8601 date), or
 * - an id column holds a value without digits there (a word like "sku") while every sampled value below has
 *   one (C-17, 204), and neither of its id values appears again below (a real first row's user usually does).
 * A one-row file is never a header this way: there is nothing to compare it with.
 */
export function headerByContent(rows: Rows, columns: Partial<Record<Role, number>>): string | null {
  const end = Math.min(rows.fields.length, HEADER_SAMPLE + 1);
  if (end < 2) return null;
  const head = rows.fields[0];
  const below = (k: number, ok: (s: string) => boolean) => {
    for (let r = 1; r < end; r++) {
      const v = rows.fields[r][k];
      if (v === undefined || !ok(v.trim())) return false;
    }
    return true;
  };
  const isNumber = (v: string) => v !== '' && (Number.isFinite(Number(v)) || /^[+-]?\d+,\d+$/.test(v));
  for (const role of ['rating', 'timestamp'] as Role[]) {
    const k = columns[role];
    if (k === undefined) continue;
    const test = role === 'timestamp' ? isTimestamp : isNumber;
    const v = head[k].trim();
    // A word ("stars", "when"), not a broken number ("1e400", "4,5,"): that is an error on line 1, not a header.
    if (v !== '' && !hasDigit(v) && !test(v) && below(k, test)) return `its ${role} "${showText(head[k].trim())}" is not a number while the rows below hold numbers`;
  }
  if (recurs(rows, columns)) return null;
  for (const role of ['user', 'item'] as Role[]) {
    const k = columns[role];
    if (k === undefined) continue;
    const v = head[k].trim();
    if (v !== '' && !hasDigit(v) && below(k, hasDigit)) return `its ${role} id "${showText(v)}" has no digit while every ${role} id below has one, and its ids do not recur`;
  }
  return null;
}

function readInteractions(file: TextFile, log: IssueLog): RawInteractions | null {
  const delimiter = guessDelimiter(file.text, INTERACTION_SEPARATORS);
  if (delimiter === null) {
    const expected = 'expected columns user, item[, rating][, timestamp] separated by commas or tabs';
    log.error(ImportErrorCode.NoSeparator, file.name, 1, `found no separator; ${expected}.`);
    return null;
  }
  // The layout (header or not, which column is which) is decided on the first rows; the rest are streamed.
  const head = previewRows(file, delimiter, true, HEADER_SAMPLE + 1);
  if (head.fields.length === 0) return null;
  const layout = layoutOf(head, ['user', 'item', 'rating', 'timestamp'], ['user', 'item'], POSITIONAL, log);
  if (!layout) return null;
  const c = layout.columns;
  const ratings: number[] | null = c.rating === undefined ? null : [];
  const timestamps: number[] | null = c.timestamp === undefined ? null : [];
  const out: RawInteractions = { file: file.name, users: [], items: [], ratings, timestamps, lines: [] };
  const ids = new Interner();
  let index = 0;
  forEachRow(file, delimiter, true, log, (rows) => {
    if (index++ < layout.start) return;
    if (!checkWidth(rows, 0, layout.names, log)) return;
    const row = rows.fields[0];
    const user = textId(rows, 0, row[c.user as number], 'user id', log);
    const item = textId(rows, 0, row[c.item as number], 'item id', log);
    const rating = ratings ? numberCell(rows, 0, row[c.rating as number], 'rating', log) : 0;
    const ts = timestamps ? timestampCell(rows, 0, row[c.timestamp as number], 'timestamp', log) : 0;
    if (user === null || item === null || Number.isNaN(rating) || Number.isNaN(ts)) return;
    out.users.push(ids.get(user));
    out.items.push(ids.get(item));
    ratings?.push(rating);
    timestamps?.push(ts);
    out.lines.push(rows.lines[0]);
  });
  return out;
}

function readFeatures(file: TextFile, log: IssueLog): RawCatalogue | null {
  const rows = splitRows(file, guessDelimiter(file.text, FEATURE_SEPARATORS) ?? ',', true, log);
  if (rows.fields.length === 0) return null;
  const positional: Role[][] = [[], [], ['item', 'genres'], ['item', 'title', 'genres']];
  const layout = layoutOf(rows, ['item', 'title', 'genres'], ['item', 'genres'], positional, log);
  if (!layout) return null;
  const c = layout.columns;
  const ids: string[] = [];
  const lines: number[] = [];
  const titles: string[] | null = c.title === undefined ? null : [];
  const cells: string[] = [];
  for (let r = layout.start; r < rows.fields.length; r++) {
    if (!checkWidth(rows, r, layout.names, log)) continue;
    const row = rows.fields[r];
    const id = textId(rows, r, row[c.item as number], 'item id', log);
    if (id === null) continue;
    ids.push(id);
    lines.push(rows.lines[r]);
    titles?.push(row[c.title as number].trim());
    cells.push(row[c.genres as number]);
  }
  return catalogueFromGenreLists(file.name, ids, lines, titles, cells, log);
}

/**
 * Reads a generic import. Which file is which: a file named like items*, movies*, features*, genres*,
 * products* or catalog* — or whose header has a genres column and no user column — is the item-features
 * file; the other is the interactions file. Exactly one interactions file and at most one features file.
 */
export function readGeneric(
  files: TextFile[],
  log: IssueLog,
): { interactions: RawInteractions; catalogue: RawCatalogue | null; used: string[] } | null {
  const features = files.filter(isFeaturesFile);
  const interactions = files.filter((f) => !features.includes(f));
  const names = (fs: TextFile[]) => fs.map((f) => f.name).join(', ');
  if (interactions.length === 0) {
    log.error(
      ImportErrorCode.MissingFile,
      features[0]?.name ?? '',
      undefined,
      `${names(features)} look${features.length === 1 ? 's' : ''} like item features (item, genres); add the interactions file (user, item[, rating][, timestamp]).`,
    );
    return null;
  }
  if (interactions.length > 1 || features.length > 1) {
    log.error(
      ImportErrorCode.AmbiguousFiles,
      files[0].name,
      undefined,
      'a generic import takes one interactions file and at most one item-features file (named items.csv or with ' +
        `an item,genres header); got interactions ${names(interactions)}` +
        `${features.length ? ` and features ${names(features)}` : ''}.`,
    );
    return null;
  }
  const catalogue = features.length === 1 ? readFeatures(features[0], log) : null;
  const rows = readInteractions(interactions[0], log);
  if (!rows || log.failed) return null;
  return { interactions: rows, catalogue, used: [interactions[0].name, ...features.map((f) => f.name)] };
}
