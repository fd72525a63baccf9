// Reads `--data DIR|FILE` into the in-memory files that core's importDataset takes (the CLI's file picker).
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Dataset } from '../core/data/dataset';
import { DEFAULT_MAX_BYTES, formatIssue, type ImportReport } from '../core/data/import';
import { isAttributesFileName, isDataFileName } from '../core/data/import/detectFormat';
import { importWithFilter, type ImportWithFilterOptions } from '../core/data/import/importWithFilter';
import { UsageError } from './args';

/** Files a MovieLens folder is read for; when a folder has any of them, only these are read. */
export const MOVIELENS_FILES = ['u.data', 'u.item', 'u.genre', 'u.user', 'ratings.csv', 'movies.csv'];

async function read(path: string, maxBytes: number | undefined): Promise<{ name: string; bytes: Uint8Array }> {
  const size = (await stat(path)).size;
  // Refuse before reading: a 1 GB file should not be loaded only to be rejected.
  if (maxBytes !== undefined && size > maxBytes) {
    throw new UsageError(`--data: ${path} is ${size} bytes, over the limit of ${maxBytes} bytes.`);
  }
  const buf = await readFile(path);
  return { name: basename(path), bytes: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) };
}

/**
 * The files to import from `path`: a single file as is, or from a folder (not its subfolders) the
 * recognised MovieLens files (u.data, u.item, u.genre, u.user, ratings.csv, movies.csv) and an item-attributes
 * file (item_attributes.tsv / .csv, kg.tsv / .csv) when it has any MovieLens file,
 * else every *.csv, *.tsv, *.txt and *.data file except README*. Names are sorted, so the order is stable.
 * Throws a UsageError naming the path when it is missing or holds no data file.
 */
export async function readDataPath(path: string, opts: { maxBytes?: number } = {}): Promise<{ name: string; bytes: Uint8Array }[]> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new UsageError(`--data: no file or folder at ${path}.`);
  }
  if (!info.isDirectory()) return [await read(path, opts.maxBytes)];
  const entries = (await readdir(path, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name).sort();
  const movieLens = entries.filter((n) => MOVIELENS_FILES.includes(n.toLowerCase()) || isAttributesFileName(n));
  // The item-attributes file (item_attributes.tsv, kg.csv, …) goes with either kind.
  const chosen = movieLens.some((n) => !isAttributesFileName(n)) ? movieLens : entries.filter(isDataFileName);
  if (chosen.length === 0) {
    throw new UsageError(`--data: ${path} holds no data files (expected u.data + u.item, ratings.csv + movies.csv, or *.csv / *.tsv).`);
  }
  return Promise.all(chosen.map((n) => read(join(path, n), opts.maxBytes)));
}

/**
 * `--data` from path to dataset: reads the files (see `readDataPath`), imports them with the rating threshold
 * and filter, and refuses data too small to train and evaluate on (OL107). Every problem is bad input: a
 * UsageError (exit 2) listing each import error with its file and line.
 */
export async function loadDataPath(path: string, opts: ImportWithFilterOptions = {}): Promise<{ dataset: Dataset; report: ImportReport }> {
  const r = importWithFilter(await readDataPath(path, { maxBytes: DEFAULT_MAX_BYTES }), opts);
  if (!r.ok) throw new UsageError(`could not import ${path}:\n${r.errors.map(formatIssue).join('\n')}`);
  return { dataset: r.dataset, report: r.report };
}
