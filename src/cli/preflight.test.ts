import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOutputPaths } from './preflight';

const dir = mkdtempSync(join(tmpdir(), 'objective-lab-preflight-'));
const aFile = join(dir, 'a-file');
writeFileSync(aFile, 'x');
mkdirSync(join(dir, 'a-folder'));

describe('checkOutputPaths', () => {
  it('accepts paths not given, new files in existing folders and files in folders still to be made', () => {
    expect(() => checkOutputPaths([['--out', undefined], ['--csv', join(dir, 'new.csv')]])).not.toThrow();
    expect(() => checkOutputPaths([['--out', join(dir, 'not', 'yet', 'there.json')]])).not.toThrow();
    expect(() => checkOutputPaths([['--out', aFile]])).not.toThrow();
  });

  it('refuses a folder, naming the flag and the path', () => {
    expect(() => checkOutputPaths([['--out', join(dir, 'a-folder')]])).toThrow(/--out .*a-folder: is a folder/);
  });

  it('refuses a path under a file', () => {
    expect(() => checkOutputPaths([['--csv', join(aFile, 'm.csv')]])).toThrow(/--csv .*a-file is a file, not a folder/);
  });

  it('refuses --out and --csv naming the same file', () => {
    expect(() => checkOutputPaths([['--out', join(dir, 'x')], ['--csv', join(dir, '.', 'x')]])).toThrow(/--csv .*the same file as --out/);
  });
});
