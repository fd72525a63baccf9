// MovieLens 100K: u.data (TAB: user item rating timestamp), u.item (`|`: 5 text fields + genre flags, Latin-1),
// optional u.genre (`name|index`) and u.user (`id|age|gender|occupation|zip`).
import type { RawCatalogue, RawInteractions, RawUserTable } from './assemble';
import { ImportErrorCode, type IssueLog } from './importErrors';
import { readRatingRows } from './ratingRows';
import { showText } from '../../showText';
import { checkWidth, splitRows, wholeId, type TextFile } from './splitRows';
import { yearFromReleaseDate } from './releaseYear';

/** The 19 genres of u.genre, in flag order; used when u.genre is not given. */
export const ML100K_GENRES = [
  'unknown', 'Action', 'Adventure', 'Animation', "Children's", 'Comedy', 'Crime', 'Documentary', 'Drama', 'Fantasy',
  'Film-Noir', 'Horror', 'Musical', 'Mystery', 'Romance', 'Sci-Fi', 'Thriller', 'War', 'Western',
];

/** Age groups of the user features (MovieLens 1M's bands). */
export const AGE_BANDS: { name: string; upTo: number }[] = [
  { name: 'age:<18', upTo: 17 },
  { name: 'age:18-24', upTo: 24 },
  { name: 'age:25-34', upTo: 34 },
  { name: 'age:35-44', upTo: 44 },
  { name: 'age:45-49', upTo: 49 },
  { name: 'age:50-55', upTo: 55 },
  { name: 'age:56+', upTo: Infinity },
];

const DATA_COLUMNS = ['user id', 'item id', 'rating', 'timestamp'];
const ITEM_TEXT_COLUMNS = ['movie id', 'movie title', 'release date', 'video release date', 'IMDb URL'];
const USER_COLUMNS = ['user id', 'age', 'gender', 'occupation', 'zip code'];

/** u.data → rows. No header: the first line is data. */
export function readUData(file: TextFile, log: IssueLog): RawInteractions {
  return readRatingRows(file, '\t', false, 'none', DATA_COLUMNS, log);
}

/** u.genre → genre names by index (`name|index`, indices 0…n−1 each once). */
export function readUGenre(file: TextFile, log: IssueLog): string[] | null {
  const rows = splitRows(file, '|', false, log);
  // Indices are bounded by the number of genre lines (each index once, none missing), so no number written in
  // the file can make the work, or the list of missing indices, larger than the file itself.
  const count = rows.fields.length;
  const names: string[] = [];
  for (let r = 0; r < count; r++) {
    if (!checkWidth(rows, r, ['genre', 'index'], log)) continue;
    const idx = wholeId(rows, r, rows.fields[r][1], 'genre index', log);
    if (idx === null) continue;
    if (Number(idx) >= count) {
      const lines = `${count} genre line${count === 1 ? '' : 's'}`;
      log.error(ImportErrorCode.BadGenreList, file.name, rows.lines[r], `genre index ${idx} is out of range: the file has ${lines}, so indices run from 0 to ${count - 1}.`);
      continue;
    }
    if (names[Number(idx)] !== undefined) {
      log.error(ImportErrorCode.BadGenreList, file.name, rows.lines[r], `genre index ${idx} is used twice.`);
    }
    names[Number(idx)] = rows.fields[r][0].trim();
  }
  for (let k = 0; k < names.length; k++) {
    if (names[k] === undefined) log.error(ImportErrorCode.BadGenreList, file.name, undefined, `genre index ${k} is missing.`);
  }
  return log.failed ? null : names;
}

/** u.item → catalogue with titles, release years (from the release date; null when empty) and the genre flags named by `genreNames`. */
export function readUItem(file: TextFile, genreNames: string[], log: IssueLog): RawCatalogue {
  const rows = splitRows(file, '|', false, log);
  const columns = [...ITEM_TEXT_COLUMNS, ...genreNames.map((g) => `${g} flag`)];
  const g = genreNames.length;
  const ids: string[] = [];
  const lines: number[] = [];
  const titles: string[] = [];
  const years: (number | null)[] = [];
  const flags: number[] = [];
  for (let r = 0; r < rows.fields.length; r++) {
    if (!checkWidth(rows, r, columns, log)) continue;
    const row = rows.fields[r];
    const id = wholeId(rows, r, row[0], 'movie id', log);
    let ok = id !== null;
    const itemFlags = row.slice(5).map((f, k) => {
      const s = f.trim();
      if (s === '0' || s === '1') return Number(s);
      log.error(ImportErrorCode.NotANumber, file.name, rows.lines[r], `the ${showText(genreNames[k])} flag "${showText(s)}" is not 0 or 1.`);
      ok = false;
      return 0;
    });
    if (!ok) continue;
    ids.push(id as string);
    lines.push(rows.lines[r]);
    titles.push(row[1].trim());
    years.push(yearFromReleaseDate(row[2]));
    flags.push(...itemFlags);
  }
  if (rows.fields.length > 0 && g === 0) log.error(ImportErrorCode.BadGenreList, file.name, undefined, 'no genre names.');
  return { file: file.name, ids, lines, titles, genreNames, genres: Uint8Array.from(flags), years };
}

/** u.user → multi-hot user features: gender, occupation (sorted), age band. */
export function readUUser(file: TextFile, log: IssueLog): RawUserTable {
  const rows = splitRows(file, '|', false, log);
  const parsed: { id: string; band: string; gender: string; occupation: string }[] = [];
  for (let r = 0; r < rows.fields.length; r++) {
    if (!checkWidth(rows, r, USER_COLUMNS, log)) continue;
    const [u, a, gender, occupation] = rows.fields[r];
    const id = wholeId(rows, r, u, 'user id', log);
    const age = wholeId(rows, r, a, 'age', log);
    if (id === null || age === null) continue;
    const band = AGE_BANDS.find((b) => Number(age) <= b.upTo)!.name;
    parsed.push({ id, band, gender: `gender:${gender.trim()}`, occupation: `occupation:${occupation.trim()}` });
  }
  const sorted = (xs: string[]) => [...new Set(xs)].sort();
  const featureNames = [
    ...sorted(parsed.map((p) => p.gender)),
    ...sorted(parsed.map((p) => p.occupation)),
    ...AGE_BANDS.map((b) => b.name),
  ];
  const col = new Map(featureNames.map((name, k) => [name, k]));
  const f = featureNames.length;
  const values = new Uint8Array(parsed.length * f);
  parsed.forEach((p, k) => {
    for (const name of [p.gender, p.occupation, p.band]) values[k * f + (col.get(name) as number)] = 1;
  });
  return { file: file.name, ids: parsed.map((p) => p.id), featureNames, values };
}
