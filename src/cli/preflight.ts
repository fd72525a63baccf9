// Checks made before the first step, so a run that cannot be used fails at once (exit 2) instead of after hours.
import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from './args';

/**
 * Each output path given (`--out`, `--csv`) can be written: it is not a folder, the nearest folder that already
 * exists above it is a writable folder (the missing ones are created when the file is written), and no two
 * flags name the same file. Nothing is created or truncated here, so a run that then fails keeps the old files.
 */
export function checkOutputPaths(paths: readonly [flag: string, path: string | undefined][]): void {
  const seen = new Map<string, string>();
  for (const [flag, path] of paths) {
    if (path === undefined) continue;
    if (path.trim() === '') throw new UsageError(`${flag}: the path is empty`);
    const full = resolve(path);
    const other = seen.get(full);
    if (other) throw new UsageError(`${flag} ${path}: the same file as ${other}; give each its own file`);
    seen.set(full, flag);
    checkWritable(flag, path, full);
  }
}

function checkWritable(flag: string, path: string, full: string): void {
  const st = statOrUndefined(full);
  if (st?.isDirectory()) throw new UsageError(`${flag} ${path}: is a folder; give a file name, e.g. ${path.replace(/\/?$/, '/results')}${flag === '--csv' ? '.csv' : '.json'}`);
  if (st) return access(flag, path, full, 'the file is not writable');
  let dir = dirname(full);
  for (;;) {
    const d = statOrUndefined(dir);
    if (d) {
      if (!d.isDirectory()) throw new UsageError(`${flag} ${path}: ${dir} is a file, not a folder`);
      return access(flag, path, dir, `the folder ${dir} is not writable`);
    }
    const up = dirname(dir);
    if (up === dir) return;
    dir = up;
  }
}

function statOrUndefined(p: string) {
  try {
    return statSync(p);
  } catch (e) {
    // ENOTDIR: something above is a file; the walk up finds it and names it.
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw e;
  }
}

function access(flag: string, path: string, p: string, why: string): void {
  try {
    accessSync(p, constants.W_OK);
  } catch {
    throw new UsageError(`${flag} ${path}: ${why}`);
  }
}
