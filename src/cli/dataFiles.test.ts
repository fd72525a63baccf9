import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importDataset } from '../core/data/import';
import { UsageError } from './args';
import { HOSTILE_CASES } from '../core/data/fixtures/hostileFiles';
import { loadDataPath, readDataPath } from './dataFiles';

const root = mkdtempSync(join(tmpdir(), 'lab-data-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function folder(name: string, files: Record<string, string | Uint8Array>): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [f, content] of Object.entries(files)) writeFileSync(join(dir, f), content);
  return dir;
}

const names = (files: { name: string }[]) => files.map((f) => f.name);

describe('readDataPath', () => {
  it('reads only the MovieLens files of a MovieLens folder, and they import', async () => {
    const fixtures = new URL('../core/data/fixtures/ml-100k/', import.meta.url);
    const copy: Record<string, Uint8Array> = { 'u1.base': new Uint8Array([49]), README: new Uint8Array([49]) };
    for (const f of readdirSync(fixtures)) copy[f] = readFileSync(new URL(f, fixtures));
    const files = await readDataPath(folder('ml-100k', copy));
    expect(names(files)).toEqual(['u.data', 'u.genre', 'u.item', 'u.user']);
    const r = importDataset(files);
    expect(r.ok && r.dataset.itemTitles?.[2]).toBe('Café Society (1995)');
  });

  it('reads an item-attributes file beside MovieLens files, and its triples import', async () => {
    const fixtures = new URL('../core/data/fixtures/ml-100k/', import.meta.url);
    const copy: Record<string, Uint8Array | string> = { 'u1.base': '1', 'item_attributes.tsv': '1\tdirector\tMara Okafor\n2\tdirector\tMara Okafor\n' };
    for (const f of readdirSync(fixtures)) copy[f] = readFileSync(new URL(f, fixtures));
    const files = await readDataPath(folder('ml-100k-kg', copy));
    expect(names(files)).toEqual(['item_attributes.tsv', 'u.data', 'u.genre', 'u.item', 'u.user']);
    const r = importDataset(files);
    expect(r.ok && r.dataset.attributes?.relationNames).toEqual(['decade', 'director']);
    expect(r.ok && r.report.attributes?.triples).toBe(2);
  });

  it('reads every csv/tsv/txt/data file of a generic folder except README, sorted by name', async () => {
    const dir = folder('generic', { 'b.tsv': 'u\ti\n', 'a.csv': 'u,i\n', 'README.txt': 'about', 'notes.md': '#', 'x.data': '1' });
    expect(names(await readDataPath(dir))).toEqual(['a.csv', 'b.tsv', 'x.data']);
  });

  it('reads a single file as is, bytes untouched', async () => {
    const dir = folder('single', { 'log.csv': new Uint8Array([0x61, 0xe9, 0x0a]) });
    const files = await readDataPath(join(dir, 'log.csv'));
    expect(files).toHaveLength(1);
    expect(files[0].name).toBe('log.csv');
    expect(Array.from(files[0].bytes)).toEqual([0x61, 0xe9, 0x0a]);
  });

  it('throws a UsageError naming a missing path, a folder without data, or a file over the limit', async () => {
    await expect(readDataPath(join(root, 'nope'))).rejects.toThrow(UsageError);
    await expect(readDataPath(join(root, 'nope'))).rejects.toThrow(/no file or folder at .*nope/);
    await expect(readDataPath(folder('empty', { 'notes.md': '#' }))).rejects.toThrow(/holds no data files/);
    const big = folder('big', { 'log.csv': 'user,item\n1,2\n' });
    await expect(readDataPath(big, { maxBytes: 5 })).rejects.toThrow(/log\.csv is 14 bytes, over the limit of 5 bytes/);
  });
});

describe('the hostile file suite, through the CLI loader (loadDataPath)', () => {
  it.each(HOSTILE_CASES.map((c, k) => [k, c.name, c] as const))('case %i: %s', async (k, _name, c) => {
    const dir = folder(`hostile-${k}`, Object.fromEntries(c.files.map((f) => [f.name, f.bytes])));
    const path = c.files.length === 1 ? join(dir, c.files[0].name) : dir;
    const want = c.expect;
    if (want.ok) {
      const { report } = await loadDataPath(path);
      expect({ users: report.users, items: report.items, kept: report.kept }).toEqual({ users: want.users, items: want.items, kept: want.kept });
    } else {
      const err = await loadDataPath(path).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(UsageError);
      const message = (err as Error).message;
      const first = message.split('\n')[1];
      expect(first.startsWith(`${want.code} ${want.file}${want.line === undefined ? '' : `, line ${want.line}:`}`), first).toBe(true);
      expect(first).toMatch(want.message);
    }
  });
});
