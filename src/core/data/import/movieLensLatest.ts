// MovieLens "latest" style (ml-latest-small, ml-25m, …): ratings.csv (userId,movieId,rating,timestamp) and
// movies.csv (movieId,title,genres) — real CSV with quoted titles, genres separated by `|`.
import type { RawCatalogue, RawInteractions } from './assemble';
import { ImportErrorCode, type IssueLog } from './importErrors';
import { readRatingRows } from './ratingRows';
import { checkWidth, splitRows, wholeId, type Rows, type TextFile } from './splitRows';

const RATING_COLUMNS = ['userId', 'movieId', 'rating', 'timestamp'];
const MOVIE_COLUMNS = ['movieId', 'title', 'genres'];

/** MovieLens' marker for a movie without genres. */
export const NO_GENRES = '(no genres listed)';

/**
 * Index of the first data row: 1 when row 0 is a header (its first field is not a whole number, as in
 * "userId,…"), else 0. Logs OL505/OL506 for a file with no data rows.
 */
export function firstDataRow(rows: Rows, log: IssueLog): number | null {
  if (rows.fields.length === 0) {
    log.error(ImportErrorCode.EmptyFile, rows.file, undefined, 'the file has no rows.');
    return null;
  }
  const start = /^\s*\d+\s*$/.test(rows.fields[0][0]) ? 0 : 1;
  if (start === rows.fields.length) {
    log.error(ImportErrorCode.HeaderOnly, rows.file, rows.lines[0], 'the file has a header but no data rows.');
    return null;
  }
  return start;
}

/**
 * Catalogue from per-item genre lists split on `|`: genre names sorted (so the same items in another row order
 * give the same dataset), "(no genres listed)" and empty entries meaning no genre.
 */
export function catalogueFromGenreLists(
  file: string,
  ids: string[],
  lines: number[],
  titles: string[] | null,
  genreCells: string[],
): RawCatalogue {
  const lists = genreCells.map((cell) =>
    cell
      .split('|')
      .map((s) => s.trim())
      .filter((s) => s !== '' && s !== NO_GENRES),
  );
  const genreNames = [...new Set(lists.flat())].sort();
  const col = new Map(genreNames.map((name, k) => [name, k]));
  const g = genreNames.length;
  const genres = new Uint8Array(ids.length * g);
  lists.forEach((list, i) => list.forEach((name) => (genres[i * g + (col.get(name) as number)] = 1)));
  return { file, ids, lines, titles, genreNames, genres };
}

/** ratings.csv → rows (header optional), streamed. */
export function readRatingsCsv(file: TextFile, log: IssueLog): RawInteractions {
  return readRatingRows(file, ',', true, 'optional', RATING_COLUMNS, log);
}

/** movies.csv → catalogue with titles and genres (header optional). */
export function readMoviesCsv(file: TextFile, log: IssueLog): RawCatalogue {
  const rows = splitRows(file, ',', true, log);
  const ids: string[] = [];
  const lines: number[] = [];
  const titles: string[] = [];
  const cells: string[] = [];
  const start = firstDataRow(rows, log);
  if (start === 1) checkWidth(rows, 0, MOVIE_COLUMNS, log);
  for (let r = start ?? rows.fields.length; r < rows.fields.length; r++) {
    if (!checkWidth(rows, r, MOVIE_COLUMNS, log)) continue;
    const [m, title, genres] = rows.fields[r];
    const id = wholeId(rows, r, m, 'movieId', log);
    if (id === null) continue;
    ids.push(id);
    lines.push(rows.lines[r]);
    titles.push(title.trim());
    cells.push(genres);
  }
  return catalogueFromGenreLists(file.name, ids, lines, titles, cells);
}
