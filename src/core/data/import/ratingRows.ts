// Reads `user, item, rating, timestamp` rows with whole-number ids (both MovieLens formats share this).
import type { RawInteractions } from './assemble';
import { ImportErrorCode, type IssueLog } from './importErrors';
import { checkWidth, forEachRow, Interner, isNamedHeader, numberCell, timestampCell, wholeId, type Rows, type TextFile } from './splitRows';

/**
 * Streams the rows of `file` (split on `delimiter`), each checked for its width and its four cells; a bad row
 * is logged (file, line, problem) and skipped, so every problem is reported in one go. `columns` names the
 * four columns for messages. With `header: 'optional'` a first row whose first field is not a whole number
 * (as in "userId,…") is a header and skipped; a file with no data rows is logged (OL505 / OL506).
 */
export function readRatingRows(
  file: TextFile,
  delimiter: string,
  quotes: boolean,
  header: 'none' | 'optional',
  columns: string[],
  log: IssueLog,
): RawInteractions {
  const ratings: number[] = [];
  const timestamps: number[] = [];
  const out: RawInteractions = { file: file.name, users: [], items: [], ratings, timestamps, lines: [] };
  const ids = new Interner();
  let first = true;
  let headerLine: number | null = null;
  const rows = forEachRow(file, delimiter, quotes, log, (row: Rows) => {
    if (first) {
      first = false;
      if (header === 'optional' && isNamedHeader(row.fields[0])) {
        headerLine = row.lines[0];
        checkWidth(row, 0, columns, log);
        return;
      }
    }
    if (!checkWidth(row, 0, columns, log)) return;
    const [u, i, v, t] = row.fields[0];
    const user = wholeId(row, 0, u, columns[0], log);
    const item = wholeId(row, 0, i, columns[1], log);
    const rating = numberCell(row, 0, v, columns[2], log);
    const ts = timestampCell(row, 0, t, columns[3], log);
    if (user === null || item === null || Number.isNaN(rating) || Number.isNaN(ts)) return;
    out.users.push(ids.get(user));
    out.items.push(ids.get(item));
    ratings.push(rating);
    timestamps.push(ts);
    out.lines.push(row.lines[0]);
  });
  if (rows === 0) log.error(ImportErrorCode.EmptyFile, file.name, undefined, 'the file has no rows.');
  else if (rows === 1 && headerLine !== null) log.error(ImportErrorCode.HeaderOnly, file.name, headerLine, 'the file has a header but no data rows.');
  return out;
}
