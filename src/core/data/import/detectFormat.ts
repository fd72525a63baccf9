// Which import format a set of files is, from their names alone (case-insensitive, folders ignored).
import { ImportErrorCode, type IssueLog } from './importErrors';

export type ImportFormat = 'ml-100k' | 'ml-latest' | 'generic';

/** A file as handed over by the file picker, drag-and-drop or the CLI. */
export interface ImportFile {
  name: string;
  bytes: Uint8Array;
  /** Size on disk when `bytes` was left unread because the file is over the limit (the browser and CLI skip reading it). */
  size?: number;
}

/** Files a generic import considers: data extensions, not README or hidden files (a dropped folder holds those). */
export function isDataFileName(name: string): boolean {
  const base = baseName(name);
  return /\.(csv|tsv|txt|data|dat)$/i.test(base) && !/^readme/i.test(base) && !base.startsWith('.');
}

/** File names (any case, any folder) read as the optional item-attributes file (item, relation, entity rows), in every format. */
export const ATTRIBUTES_FILE_NAMES = ['item_attributes.tsv', 'item_attributes.csv', 'kg.tsv', 'kg.csv'];

export function isAttributesFileName(name: string): boolean {
  return ATTRIBUTES_FILE_NAMES.includes(baseName(name).toLowerCase());
}

/** The files an import will read, by role, and the names it leaves aside (with a warning). */
export interface FormatPlan {
  format: ImportFormat;
  /** ml-100k: data, item[, genre][, user]; ml-latest: ratings, movies; generic: the files in order given; any: [attributes]. */
  roles: Record<string, ImportFile>;
  used: ImportFile[];
  ignored: string[];
}

/** "ml-100k/u.data" or "C:\\data\\u.data" → "u.data". */
export function baseName(name: string): string {
  return name.split(/[\\/]/).pop() ?? name;
}

const ML100K = { data: 'u.data', item: 'u.item', genre: 'u.genre', user: 'u.user' };
const MLLATEST = { ratings: 'ratings.csv', movies: 'movies.csv' };

/**
 * Picks the format: u.data or u.item → MovieLens 100K (both required; u.genre and u.user optional);
 * ratings.csv or movies.csv → MovieLens latest (both required); anything else → generic, all files.
 * MovieLens formats ignore the folder's other files (u1.base, links.csv, README, …) with a warning. In every
 * format one file named like ATTRIBUTES_FILE_NAMES (item_attributes.tsv, kg.csv, …) is the item-attributes file.
 */
export function detectFormat(files: ImportFile[], log: IssueLog): FormatPlan | null {
  const attributes = files.filter((f) => isAttributesFileName(f.name));
  if (attributes.length > 1) {
    log.error(ImportErrorCode.AmbiguousFiles, attributes[1].name, undefined,
      `two item-attribute files were given (${attributes.map((f) => baseName(f.name)).join(', ')}); give one.`);
    return null;
  }
  if (attributes.length === 1 && files.length === 1) {
    log.error(ImportErrorCode.MissingFile, attributes[0].name, undefined,
      `${baseName(attributes[0].name)} holds item attributes (item, relation, entity); add the ratings or interactions file beside it.`);
    return null;
  }
  const plan = detectRatingsFormat(files, attributes[0], log);
  if (!plan || attributes.length === 0) return plan;
  return { ...plan, roles: { ...plan.roles, attributes: attributes[0] }, used: [...plan.used, attributes[0]] };
}

function detectRatingsFormat(allFiles: ImportFile[], attributes: ImportFile | undefined, log: IssueLog): FormatPlan | null {
  const files = allFiles.filter((f) => f !== attributes);
  if (files.length === 0) {
    log.error(ImportErrorCode.NoFiles, '', undefined, 'no files were given; choose a MovieLens folder or a CSV/TSV file.');
    return null;
  }
  const byName = new Map<string, ImportFile>();
  for (const f of files) {
    const key = baseName(f.name).toLowerCase();
    if (byName.has(key)) {
      log.error(ImportErrorCode.AmbiguousFiles, f.name, undefined, `two files are named ${baseName(f.name)}; give one folder's files at a time.`);
      return null;
    }
    byName.set(key, f);
  }
  const has = (n: string) => byName.has(n);
  const is100k = has(ML100K.data) || has(ML100K.item);
  const isLatest = has(MLLATEST.ratings) || has(MLLATEST.movies);
  if (is100k && isLatest) {
    log.error(ImportErrorCode.AmbiguousFiles, byName.get(has(ML100K.data) ? ML100K.data : ML100K.item)!.name, undefined,
      'files of MovieLens 100K (u.data, u.item) and MovieLens latest (ratings.csv, movies.csv) were given together; import one dataset at a time.');
    return null;
  }
  const plan = (format: ImportFormat, spec: Record<string, string>, required: string[], what: string): FormatPlan | null => {
    for (const role of required) {
      if (has(spec[role])) continue;
      const present = required.map((r) => spec[r]).find(has) as string;
      log.error(
        ImportErrorCode.MissingFile,
        byName.get(present)!.name,
        undefined,
        `${present} needs ${spec[role]} beside it (${what}); add ${spec[role]} from the same MovieLens folder.`,
      );
      return null;
    }
    const roles: Record<string, ImportFile> = {};
    for (const [role, name] of Object.entries(spec)) if (has(name)) roles[role] = byName.get(name)!;
    const used = Object.values(roles);
    const ignored = files.filter((f) => !used.includes(f)).map((f) => f.name);
    return { format, roles, used, ignored };
  };
  if (is100k) return plan('ml-100k', ML100K, ['data', 'item'], 'u.data holds the ratings, u.item the movies and their genres');
  if (isLatest) return plan('ml-latest', MLLATEST, ['ratings', 'movies'], 'ratings.csv holds the ratings, movies.csv the movies and their genres');
  const data = files.filter((f) => isDataFileName(f.name));
  if (data.length === 0) {
    log.error(ImportErrorCode.NoFiles, files[0].name, undefined, 'none of these is a data file (.csv, .tsv, .txt, .data); choose a MovieLens folder or a CSV/TSV file.');
    return null;
  }
  const roles: Record<string, ImportFile> = {};
  data.forEach((f, k) => (roles[`file${k}`] = f));
  return { format: 'generic', roles, used: data, ignored: files.filter((f) => !data.includes(f)).map((f) => f.name) };
}
