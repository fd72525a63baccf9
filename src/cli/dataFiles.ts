// Reads `--data DIR|FILE` into the in-memory files that core's importDataset takes (the CLI's file picker).
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { isDataFileName } from '../core/data/import/detectFormat';
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
 * recognised MovieLens files (u.data, u.item, u.genre, u.user, ratings.csv, movies.csv) when it has any,
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
  const movieLens = entries.filter((n) => MOVIELENS_FILES.includes(n.toLowerCase()));
  const chosen = movieLens.length > 0 ? movieLens : entries.filter(isDataFileName);
  if (chosen.length === 0) {
    throw new UsageError(`--data: ${path} holds no data files (expected u.data + u.item, ratings.csv + movies.csv, or *.csv / *.tsv).`);
  }
  return Promise.all(chosen.map((n) => read(join(path, n), opts.maxBytes)));
}
