// MovieLens "latest" style (ml-latest-small, ml-25m, …): ratings.csv (userId,movieId,rating,timestamp) and
// movies.csv (movieId,title,genres) — real CSV with quoted titles, genres separated by `|`.
import type { RawCatalogue, RawInteractions } from './assemble';
import { ImportErrorCode, type IssueLog } from './importErrors';
import { readRatingRows } from './ratingRows';
import { checkWidth, isNamedHeader, splitRows, wholeId, type Rows, type TextFile } from './splitRows';
import { yearFromTitle } from './releaseYear';

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
  const start = isNamedHeader(rows.fields[0]) ? 1 : 0;
  if (start === rows.fields.length) {
    log.error(ImportErrorCode.HeaderOnly, rows.file, rows.lines[0], 'the file has a header but no data rows.');
    return null;
  }
  return start;
}

/**
 * Most distinct genres an items file may name. The genre table is items × genres bytes, so without a cap a
 * file of n items with a genre each would need n² bytes (50,000 → 2.5 GB); MovieLens has 20, tag-like
 * catalogues a few hundred.
 */
export const MAX_GENRES = 1_000;

/**
 * Catalogue from per-item genre lists split on `|`: genre names sorted (so the same items in another row order
 * give the same dataset), "(no genres listed)" and empty entries meaning no genre. More than MAX_GENRES
 * distinct names is refused (OL518) at the line that passes the limit.
 */
export function catalogueFromGenreLists(
  file: string,
  ids: string[],
  lines: number[],
  titles: string[] | null,
  genreCells: string[],
  log: IssueLog,
): RawCatalogue {
  const lists = genreCells.map((cell) =>
    cell
      .split('|')
      .map((s) => s.trim())
      .filter((s) => s !== '' && s !== NO_GENRES),
  );
  const distinct = new Set<string>();
  for (let i = 0; i < lists.length; i++) {
    for (const name of lists[i]) distinct.add(name);
    if (distinct.size > MAX_GENRES) {
      log.error(
        ImportErrorCode.BadGenreList,
        file,
        lines[i],
        `this line brings the distinct genres to more than ${MAX_GENRES.toLocaleString('en-US')}, the most an import takes; is this column genres (names separated by |, shared by many items)?`,
      );
      return { file, ids, lines, titles, genreNames: [], genres: new Uint8Array(0) };
    }
  }
  const genreNames = [...distinct].sort();
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

/** movies.csv → catalogue with titles, genres and release years from the titles' trailing "(YYYY)" (header optional). */
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
  return { ...catalogueFromGenreLists(file.name, ids, lines, titles, cells, log), years: titles.map(yearFromTitle) };
}
