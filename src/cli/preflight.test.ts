import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Dataset, fromPairs } from '../core/data/dataset';
import { checkDataset, checkOutputPaths } from './preflight';

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

/** A dataset with just the interactions the check reads. */
function dataset(numUsers: number, numItems: number, pairs: [number, number][]): Dataset {
  const { interactions } = fromPairs(numUsers, numItems, Int32Array.from(pairs, (p) => p[0]), Int32Array.from(pairs, (p) => p[1]));
  return { interactions } as Dataset;
}

describe('checkDataset', () => {
  it('refuses one user with one item as too small (OL107), and passes two of each', () => {
    const one = dataset(1, 1, [[0, 0]]);
    expect(() => checkDataset(one, 'one.csv')).toThrow(/OL107: one.csv: 1 user, 1 item, 1 interaction — too few/);
    const two = dataset(2, 2, [[0, 0], [0, 1], [1, 0]]);
    expect(() => checkDataset(two, 'two.csv')).not.toThrow();
  });
});
