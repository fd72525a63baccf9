// Reads `user, item, rating, timestamp` rows with whole-number ids (both MovieLens formats share this).
import type { RawInteractions } from './assemble';
import type { IssueLog } from './importErrors';
import { checkWidth, numberCell, timestampCell, wholeId, type Rows } from './splitRows';

/**
 * Rows from `start` on, each checked for its width and its four cells; a bad row is logged (file, line,
 * problem) and skipped, so every problem is reported in one go. `columns` names the four columns for messages.
 */
export function readRatingRows(file: string, rows: Rows, start: number, columns: string[], log: IssueLog): RawInteractions {
  const ratings: number[] = [];
  const timestamps: number[] = [];
  const out: RawInteractions = { file, users: [], items: [], ratings, timestamps, lines: [] };
  for (let r = start; r < rows.fields.length; r++) {
    if (!checkWidth(rows, r, columns, log)) continue;
    const [u, i, v, t] = rows.fields[r];
    const user = wholeId(rows, r, u, columns[0], log);
    const item = wholeId(rows, r, i, columns[1], log);
    const rating = numberCell(rows, r, v, columns[2], log);
    const ts = timestampCell(rows, r, t, columns[3], log);
    if (user === null || item === null || Number.isNaN(rating) || Number.isNaN(ts)) continue;
    out.users.push(user);
    out.items.push(item);
    ratings.push(rating);
    timestamps.push(ts);
    out.lines.push(rows.lines[r]);
  }
  return out;
}
