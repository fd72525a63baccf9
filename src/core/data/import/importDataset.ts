// Real data → Dataset, all or nothing: MovieLens 100K, MovieLens latest, or generic CSV/TSV, from bytes in memory.
import type { Dataset } from '../dataset';
import { assemble, type RawCatalogue, type RawInteractions, type RawUserTable } from './assemble';
import { decodeLegacy, decodeText, type TextEncoding } from './decodeText';
import { baseName, detectFormat, type ImportFile, type ImportFormat } from './detectFormat';
import { readGeneric } from './generic';
import { ImportErrorCode, IssueLog, type ImportIssue, type ImportProgress } from './importErrors';
import { mergeItemAttributes, readItemAttributes, type AttributesSummary, type RawTriples } from './itemAttributes';
import { ML100K_GENRES, readUData, readUGenre, readUItem, readUUser } from './movieLens100k';
import { readMoviesCsv, readRatingsCsv } from './movieLensLatest';
import type { TextFile } from './splitRows';
import { showText } from '../../showText';

export type { ImportFile, ImportFormat } from './detectFormat';
export type { ImportIssue, ImportProgress } from './importErrors';
export type { AttributesSummary } from './itemAttributes';

/** Interactions with a rating below this are dropped (MovieLens' "liked it" = 4 or 5 stars). */
export const DEFAULT_RATING_THRESHOLD = 4;
/** Largest accepted file, in bytes (100 MB): ml-latest-small and ml-1m fit, ml-25m's 650 MB ratings.csv does not. */
export const DEFAULT_MAX_BYTES = 100_000_000;

export interface ImportOptions {
  /** Keep interactions with rating ≥ this (default 4). Ignored for files without ratings. */
  ratingThreshold?: number;
  /** Reject any file larger than this many bytes (default 100 MB). */
  maxBytes?: number;
  /** Told how far the import is (decode, parse with its fraction, assemble); the import worker posts these on. */
  onProgress?: (p: ImportProgress) => void;
}

/** What an import did, for the UI and the CLI to show next to the dataset. */
export interface ImportReport {
  format: ImportFormat;
  /** Files read, in role order (interactions first). */
  files: string[];
  /** Files given but not part of the format (e.g. u1.base in a MovieLens 100K folder). */
  ignoredFiles: string[];
  encodings: Record<string, TextEncoding>;
  /** Interaction rows read (header excluded). */
  rowsRead: number;
  /** Generic files only: repeated (user, item) rows folded into one, keeping the latest timestamp. */
  duplicatesMerged: number;
  /** Interactions in the dataset: rows left after merging and the rating threshold. */
  kept: number;
  /** The threshold applied; absent when the data had no ratings (every row kept). */
  ratingThreshold?: number;
  users: number;
  /** Users in the file dropped because none of their ratings reached the threshold. */
  usersWithoutKeptRows: number;
  items: number;
  genres: number;
  /** What the item-attributes file (item_attributes.tsv, kg.csv, …) added, when one was given. */
  attributes?: AttributesSummary;
  /** Sentences, each naming its file (e.g. "ratings.csv: 3 repeated user–item rows were merged, …"). */
  warnings: string[];
}

export type ImportResult = { ok: true; dataset: Dataset; report: ImportReport } | { ok: false; errors: ImportIssue[] };

/** 200000000 → "200 MB", 4 → "4 bytes" (decimal units, as file managers show them). */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} bytes`;
  const [v, unit] = n < 1e6 ? [n / 1e3, 'kB'] : n < 1e9 ? [n / 1e6, 'MB'] : [n / 1e9, 'GB'];
  return `${v >= 10 ? v.toFixed(0) : v.toFixed(1)} ${unit}`;
}

/**
 * Imports a dataset from files in memory (the format is told by the file names: see `detectFormat`). Every
 * problem is reported — up to 20, then a count — with its file and line, and then nothing is returned but
 * the errors, so a caller's current dataset stays in use. Pure: no DOM, no file system.
 *
 * Decisions: MovieLens files must not repeat a (user, movie) pair (an error naming both lines); generic
 * files may, and the row with the latest timestamp (else the later line) wins, counted in the report.
 * Ratings are binarised: interactions with rating < threshold are dropped, and users left with none.
 */
export function importDataset(files: ImportFile[], opts: ImportOptions = {}): ImportResult {
  const threshold = opts.ratingThreshold ?? DEFAULT_RATING_THRESHOLD;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const log = new IssueLog(opts.onProgress);
  if (!Number.isFinite(threshold)) {
    log.error(ImportErrorCode.BadOption, '', undefined, `the rating threshold ${threshold} is not a number.`);
  }
  if (!(maxBytes > 0)) {
    log.error(ImportErrorCode.BadOption, '', undefined, `the size limit ${maxBytes} is not a positive number of bytes.`);
  }
  const plan = log.failed ? null : detectFormat(files, log);
  if (!plan) return { ok: false, errors: log.errors() };

  for (const f of plan.used) {
    const size = f.size ?? f.bytes.length;
    if (size > maxBytes) {
      const exact = size >= 1000 ? ` (${size} bytes)` : '';
      const problem = `the file is ${formatBytes(size)}${exact}, over the limit of ${formatBytes(maxBytes)}.`;
      log.error(ImportErrorCode.FileTooLarge, f.name, undefined, problem);
    }
  }
  if (log.failed) return { ok: false, errors: log.errors() };

  // File names come from outside: a Map, so a file called '__proto__' is just a name.
  const encodings = new Map<string, TextEncoding>();
  const text: Record<string, TextFile> = {};
  const roles = Object.entries(plan.roles);
  for (const [k, [role, f]] of roles.entries()) {
    log.onProgress?.({ phase: 'decode', file: f.name, fraction: k / roles.length });
    let decoded: string | null;
    if (plan.format === 'ml-100k' && role === 'item') {
      const legacy = decodeLegacy(f.bytes);
      decoded = legacy.text;
      encodings.set(baseName(f.name), legacy.encoding);
    } else {
      const d = decodeText(f.name, f.bytes, log);
      decoded = d?.text ?? null;
      encodings.set(baseName(f.name), d?.encoding ?? 'utf-8');
    }
    if (decoded === null) continue;
    if (decoded.trim() === '') log.error(ImportErrorCode.EmptyFile, f.name, undefined, 'the file is empty.');
    text[role] = { name: f.name, text: decoded };
  }
  if (log.failed) return { ok: false, errors: log.errors() };

  let rows: RawInteractions | null = null;
  let catalogue: RawCatalogue | null = null;
  let userTable: RawUserTable | null = null;
  let used: string[];
  // The item-attributes file is read whatever the format; its items are matched once the dataset is built.
  const triples: RawTriples | null = text.attributes ? readItemAttributes(text.attributes, plan.format !== 'generic', log) : null;
  const attributesFile = text.attributes ? [text.attributes.name] : [];
  if (plan.format === 'ml-100k') {
    const genres = text.genre ? readUGenre(text.genre, log) : ML100K_GENRES;
    if (genres) catalogue = readUItem(text.item, genres, log);
    if (text.user) userTable = readUUser(text.user, log);
    rows = readUData(text.data, log);
    used = ['data', 'item', 'genre', 'user', 'attributes'].filter((r) => text[r]).map((r) => text[r].name);
  } else if (plan.format === 'ml-latest') {
    catalogue = readMoviesCsv(text.movies, log);
    rows = readRatingsCsv(text.ratings, log);
    used = [text.ratings.name, text.movies.name, ...attributesFile];
  } else {
    const g = readGeneric(Object.entries(text).filter(([role]) => role !== 'attributes').map(([, t]) => t), log);
    rows = g?.interactions ?? null;
    catalogue = g?.catalogue ?? null;
    used = [...(g?.used ?? []), ...attributesFile];
  }
  // The texts are read: let them go before the dataset is built (a 60 MB file is 60 MB+ of string).
  for (const role of Object.keys(text)) delete text[role];
  if (!rows || log.failed) return { ok: false, errors: log.errors() };
  if (plan.ignored.length > 0) {
    const shown = plan.ignored.slice(0, 10).map(baseName).join(', ');
    const more = plan.ignored.length > 10 ? ` and ${plan.ignored.length - 10} more` : '';
    log.warn(ImportErrorCode.IgnoredFiles, plan.ignored[0], `not part of ${plan.format}, so not read: ${shown}${more}.`);
  }

  const name = plan.format === 'generic' ? baseName(rows.file).replace(/\.[^.]*$/, '') : plan.format;
  log.onProgress?.({ phase: 'assemble', fraction: 0 });
  const built = assemble(
    rows,
    catalogue,
    userTable,
    {
      name,
      format: plan.format,
      files: used.map(baseName),
      ratingThreshold: threshold,
      duplicates: plan.format === 'generic' ? 'merge-latest' : 'error',
    },
    log,
  );
  if (!built) return { ok: false, errors: log.errors() };
  log.onProgress?.({ phase: 'assemble', fraction: 1 });
  const { dataset, stats } = built;
  let attributesSummary: AttributesSummary | undefined;
  if (triples) {
    const added = mergeItemAttributes(dataset.attributes, dataset.itemIds, triples);
    if (added.attributes) dataset.attributes = added.attributes;
    attributesSummary = added.summary;
    const s = added.summary;
    if (s.unknownItems > 0 && added.firstUnknown) {
      const [rows, their] = s.unknownItems === 1 ? ['row was', 'its'] : ['rows were', 'their'];
      log.warn(
        ImportErrorCode.AttributeRowsSkipped,
        triples.file,
        `${s.unknownItems} ${rows} skipped because ${their} item is not in the imported data (first: item ${showText(added.firstUnknown.item)} on line ${added.firstUnknown.line}).`,
      );
    }
    if (s.duplicates > 0) {
      const rows = s.duplicates === 1 ? 'row repeats a triple and was' : 'rows repeat a triple and were';
      log.warn(ImportErrorCode.AttributeRowsSkipped, triples.file, `${s.duplicates} ${rows} kept once.`);
    }
  }
  const merged = stats.duplicatesMerged;
  if (merged > 0) {
    const rowsWere = merged === 1 ? 'row was' : 'rows were';
    log.warn(ImportErrorCode.DuplicatesMerged, rows.file, `${merged} repeated user–item ${rowsWere} merged, keeping the latest timestamp.`);
  }
  const dropped = stats.usersWithoutKeptRows;
  if (dropped > 0) {
    const [has, was] = dropped === 1 ? ['user has', 'was'] : ['users have', 'were'];
    log.warn(ImportErrorCode.UsersWithoutKeptRows, rows.file, `${dropped} ${has} no rating ≥ ${threshold} and ${was} left out.`);
  }
  return {
    ok: true,
    dataset,
    report: {
      format: plan.format,
      files: dataset.source.kind === 'import' ? dataset.source.files : used,
      ignoredFiles: plan.ignored,
      encodings: Object.fromEntries(encodings),
      rowsRead: stats.rowsRead,
      duplicatesMerged: stats.duplicatesMerged,
      kept: stats.rowsKept,
      ...(rows.ratings ? { ratingThreshold: threshold } : {}),
      users: dataset.userIds.length,
      usersWithoutKeptRows: stats.usersWithoutKeptRows,
      items: dataset.itemIds.length,
      genres: dataset.genreNames.length,
      ...(attributesSummary ? { attributes: attributesSummary } : {}),
      warnings: log.warnings.map((w) => w.message),
    },
  };
}
