import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../dataset';
import { userItems } from '../dataset';
import { importDataset, type ImportFile, type ImportResult } from './index';

const FIXTURES = new URL('../fixtures/', import.meta.url);

/** The files of a fixture folder, named "folder/file" as a browser folder drop would name them. */
function fixture(dir: string): ImportFile[] {
  const url = new URL(`${dir}/`, FIXTURES);
  return readdirSync(url)
    .sort()
    .map((name) => ({ name: `${dir}/${name}`, bytes: new Uint8Array(readFileSync(new URL(name, url))) }));
}

function loaded(r: ImportResult): Extract<ImportResult, { ok: true }> {
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r;
}

/** Per user: [item id, rating, timestamp] in CSR order — a readable view of CSR + aligned columns. */
function rows(d: Dataset): [string, [string, number, number][]][] {
  return d.userIds.map((u, k) => [
    u,
    Array.from(userItems(d.interactions, k), (i, j) => {
      const p = d.interactions.indptr[k] + j;
      return [d.itemIds[i], d.ratings?.[p] ?? NaN, d.timestamps?.[p] ?? NaN] as [string, number, number];
    }),
  ]);
}

/** The knowledge graph as [item id, relation, entity] by name, in triple order. */
function triples(d: Dataset): [string, string, string][] {
  const a = d.attributes!;
  return Array.from(a.item, (i, k) => [d.itemIds[i], a.relationNames[a.relation[k]], a.entityNames[a.entity[k]]]);
}

function genresOf(d: Dataset, item: string): string[] {
  const i = d.itemIds.indexOf(item);
  const g = d.genreNames.length;
  return d.genreNames.filter((_, k) => d.itemGenres[i * g + k] === 1);
}

describe('MovieLens 100K import', () => {
  const r = loaded(importDataset(fixture('ml-100k')));
  const d = r.dataset;

  it('is detected from u.data + u.item and records the files and threshold in the source', () => {
    expect(r.report.format).toBe('ml-100k');
    expect(d.name).toBe('ml-100k');
    expect(d.source).toEqual({ kind: 'import', format: 'ml-100k', files: ['u.data', 'u.item', 'u.genre', 'u.user'], ratingThreshold: 4 });
  });

  it('keeps ratings ≥ 4, sorts numeric user ids numerically and drops the user with no rating ≥ 4', () => {
    expect(d.userIds).toEqual(['1', '2', '3', '4', '10']);
    expect(d.itemIds).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(Array.from(d.interactions.indptr)).toEqual([0, 2, 4, 7, 9, 12]);
    expect(Array.from(d.interactions.indices)).toEqual([0, 2, 0, 3, 0, 1, 5, 2, 7, 1, 6, 7]);
    expect(rows(d)).toEqual([
      ['1', [['1', 5, 874965758], ['3', 4, 878542960]]],
      ['2', [['1', 4, 888550871], ['4', 5, 888551000]]],
      ['3', [['1', 4, 889237300], ['2', 5, 889237000], ['6', 4, 889237100]]],
      ['4', [['3', 5, 891000000], ['8', 4, 891000100]]],
      ['10', [['2', 4, 893000100], ['7', 4, 893000000], ['8', 5, 893000200]]],
    ]);
    expect(r.report).toMatchObject({ rowsRead: 20, kept: 12, users: 5, usersWithoutKeptRows: 1, items: 8, genres: 19, ratingThreshold: 4, duplicatesMerged: 0 });
  });

  it('reads u.item as Latin-1, so byte 0xE9 becomes "é" in the title', () => {
    expect(r.report.encodings['u.item']).toBe('latin1');
    expect(d.itemTitles).toEqual([
      'Paper Lanterns (1994)', 'Harbour Lights (1995)', 'Café Society (1995)', 'Iron Orbit (1996)',
      'The Quiet Ledger (1993)', 'Salt Road (1997)', 'Midnight Archive (1996)', 'unknown',
    ]);
  });

  it('turns the 19 genre flags into multi-hot genres named by u.genre', () => {
    expect(d.genreNames[4]).toBe("Children's");
    expect(d.itemGenres.length).toBe(8 * 19);
    expect(genresOf(d, '1')).toEqual(['Animation', "Children's", 'Comedy']);
    expect(genresOf(d, '4')).toEqual(['Action', 'Sci-Fi']);
    expect(genresOf(d, '8')).toEqual(['unknown']);
  });

  it("gives each item of known release date a 'decade' attribute; item 8's empty date gives none", () => {
    expect(d.attributes!.relationNames).toEqual(['decade']);
    expect(d.attributes!.entityNames).toEqual(['1990s']);
    expect(triples(d)).toEqual(['1', '2', '3', '4', '5', '6', '7'].map((id) => [id, 'decade', '1990s']));
  });

  it('turns u.user into gender, occupation and age-band features for the kept users', () => {
    const f = d.userFeatures!;
    expect(f.names).toEqual([
      'gender:F', 'gender:M', 'occupation:artist', 'occupation:educator', 'occupation:engineer', 'occupation:retired',
      'occupation:student', 'age:<18', 'age:18-24', 'age:25-34', 'age:35-44', 'age:45-49', 'age:50-55', 'age:56+',
    ]);
    const of = (u: number) => f.names.filter((_, k) => f.values[u * f.names.length + k] === 1);
    expect(of(0)).toEqual(['gender:F', 'occupation:engineer', 'age:25-34']);
    expect(of(4)).toEqual(['gender:M', 'occupation:engineer', 'age:35-44']);
  });

  it('uses the standard genre names when u.genre is missing, and a lower threshold keeps more', () => {
    const files = fixture('ml-100k').filter((f) => f.name.endsWith('u.data') || f.name.endsWith('u.item'));
    const r3 = loaded(importDataset(files, { ratingThreshold: 3 }));
    expect(r3.dataset.genreNames).toEqual(d.genreNames);
    expect(r3.dataset.userFeatures).toBeUndefined();
    expect(r3.report.kept).toBe(15);
    expect(r3.dataset.source).toMatchObject({ files: ['u.data', 'u.item'], ratingThreshold: 3 });
  });

  it('ignores the other files of a MovieLens folder with a warning, and file-name case', () => {
    const files = fixture('ml-100k').map((f) => ({ ...f, name: f.name.toUpperCase() }));
    files.push({ name: 'ml-100k/u1.base', bytes: new Uint8Array([49]) });
    const r2 = loaded(importDataset(files));
    expect(r2.dataset.interactions).toEqual(d.interactions);
    expect(r2.report.ignoredFiles).toEqual(['ml-100k/u1.base']);
    expect(r2.report.warnings.join(' ')).toMatch(/u1\.base/);
  });
});

describe('MovieLens latest import', () => {
  const r = loaded(importDataset(fixture('ml-latest')));
  const d = r.dataset;

  it('reads ratings.csv + movies.csv, keeping half-star ratings ≥ 4 only', () => {
    expect(d.source).toEqual({ kind: 'import', format: 'ml-latest', files: ['ratings.csv', 'movies.csv'], ratingThreshold: 4 });
    expect(d.userIds).toEqual(['1', '2', '3', '5']);
    expect(d.itemIds).toEqual(['10', '20', '30', '40', '50', '60', '70']);
    expect(Array.from(d.interactions.indptr)).toEqual([0, 3, 5, 7, 9]);
    expect(rows(d)).toEqual([
      ['1', [['10', 4, 964982703], ['30', 5, 964982224], ['60', 4.5, 964983000]]],
      ['2', [['10', 4.5, 1445714835], ['50', 4, 1445715000]]],
      ['3', [['20', 5, 1306463000], ['60', 4, 1306463200]]],
      ['5', [['20', 4, 1500000200], ['70', 4, 1500000000]]],
    ]);
    expect(r.report).toMatchObject({ rowsRead: 16, kept: 9, users: 4, usersWithoutKeptRows: 1, items: 7 });
  });

  it('keeps quoted titles whole (commas, doubled quotes) and decodes UTF-8', () => {
    expect(d.itemTitles).toEqual([
      'Dinner, Interrupted (2001)', 'Glass Harbor (1999)', 'Night Train, Day Train (2005)', 'Small Engines (2010)',
      'Static (2012)', 'The "Quoted" Film (2003)', 'Señora Luna (2004)',
    ]);
  });

  it('reads the same dataset from files saved on Windows (byte-order mark, CR LF line ends)', () => {
    const windows = fixture('ml-latest').map((f) => {
      const text = '\uFEFF' + new TextDecoder().decode(f.bytes).replace(/\n/g, '\r\n');
      return { name: f.name, bytes: new TextEncoder().encode(text) };
    });
    expect(loaded(importDataset(windows)).dataset).toEqual(d);
  });

  it("reads each title's trailing (year) into a 'decade' attribute, decades ascending and only those that occur", () => {
    expect(d.attributes!.relationNames).toEqual(['decade']);
    expect(d.attributes!.entityNames).toEqual(['1990s', '2000s', '2010s']);
    expect(triples(d)).toEqual([
      ['10', 'decade', '2000s'], ['20', 'decade', '1990s'], ['30', 'decade', '2000s'], ['40', 'decade', '2010s'],
      ['50', 'decade', '2010s'], ['60', 'decade', '2000s'], ['70', 'decade', '2000s'],
    ]);
  });

  it('splits genres on "|", sorted by name, with "(no genres listed)" meaning none', () => {
    expect(d.genreNames).toEqual(['Animation', 'Children', 'Comedy', 'Drama', 'Romance', 'Thriller']);
    expect(genresOf(d, '40')).toEqual(['Animation', 'Children', 'Comedy']);
    expect(genresOf(d, '50')).toEqual([]);
    expect(genresOf(d, '70')).toEqual(['Drama']);
  });
});

describe('generic import', () => {
  const r = loaded(importDataset(fixture('generic')));
  const d = r.dataset;

  it('has no item attributes: the generic items file carries no release year', () => {
    expect(d.attributes).toBeUndefined();
  });

  it('finds the TAB separator and header, tells the features file by its name, and keeps string ids', () => {
    expect(d.name).toBe('interactions');
    expect(d.source).toEqual({ kind: 'import', format: 'generic', files: ['interactions.tsv', 'items.csv'], ratingThreshold: 4 });
    expect(d.userIds).toEqual(['alice', 'bob', 'carol', 'erin']);
    expect(d.itemIds).toEqual(['sku-1', 'sku-2', 'sku-3', 'sku-4', 'sku-5']);
    expect(d.itemTitles).toEqual(['Red Kettle', 'Lamp, brass', 'Trail Shoes', 'Gift Card', 'Tent']);
  });

  it('merges the repeated (alice, sku-3) keeping the latest timestamp, then applies the threshold', () => {
    expect(rows(d)).toEqual([
      ['alice', [['sku-3', 5, 100]]],
      ['bob', [['sku-1', 4, 105], ['sku-4', 5, 130]]],
      ['carol', [['sku-2', 4.5, 110], ['sku-3', 4, 111]]],
      ['erin', [['sku-1', 5, 140]]],
    ]);
    expect(r.report).toMatchObject({ rowsRead: 10, duplicatesMerged: 1, kept: 6, usersWithoutKeptRows: 1, items: 5, genres: 4 });
    expect(r.report.warnings.join(' ')).toMatch(/1 repeated user–item row was merged/);
  });

  it('reads item genres from the features file', () => {
    expect(d.genreNames).toEqual(['Home', 'Kitchen', 'Outdoor', 'Sport']);
    expect(genresOf(d, 'sku-1')).toEqual(['Home', 'Kitchen']);
    expect(genresOf(d, 'sku-4')).toEqual([]);
  });

  it('lets a later, lower rating of a repeated pair win, so the pair is then dropped', () => {
    const csv = 'user,item,rating,timestamp\nu1,a,5,1\nu1,b,5,2\nu1,a,1,3\n';
    const out = loaded(importDataset([{ name: 'log.csv', bytes: new TextEncoder().encode(csv) }]));
    expect(rows(out.dataset)).toEqual([['u1', [['b', 5, 2]]]]);
    expect(out.report.duplicatesMerged).toBe(1);
  });

  it('reads a header-less CSV of user,item pairs: every row kept, no ratings or timestamps', () => {
    const csv = '3,30\n1,10\n3,10\n2,20\n';
    const out = loaded(importDataset([{ name: 'clicks.csv', bytes: new TextEncoder().encode(csv) }]));
    const dd = out.dataset;
    expect(dd.userIds).toEqual(['1', '2', '3']);
    expect(dd.itemIds).toEqual(['10', '20', '30']);
    expect(Array.from(dd.interactions.indices)).toEqual([0, 1, 0, 2]);
    expect(dd.ratings).toBeUndefined();
    expect(dd.timestamps).toBeUndefined();
    expect(dd.source).toEqual({ kind: 'import', format: 'generic', files: ['clicks.csv'] });
    expect(dd.genreNames).toEqual([]);
    expect(out.report.ratingThreshold).toBeUndefined();
    expect(out.report.kept).toBe(4);
  });

  it('maps header columns by name in any order (movieId, userId, …) and ignores unknown ones with a warning', () => {
    const csv = 'movieId;userId;timestamp;comment\n7;1;50;nice\n8;1;40;ok\n';
    const out = loaded(importDataset([{ name: 'views.csv', bytes: new TextEncoder().encode(csv) }]));
    expect(rows(out.dataset)).toEqual([['1', [['7', NaN, 50], ['8', NaN, 40]]]]);
    expect(out.report.warnings.join(' ')).toMatch(/ignored column "comment"/);
  });

  it('tells the features file by its item,genres header when its name says nothing', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    const out = loaded(
      importDataset([
        { name: 'b.csv', bytes: enc('item_id,genres\nx,A|B\ny,B\n') },
        { name: 'a.csv', bytes: enc('user_id,item_id\nu,x\nv,y\n') },
      ]),
    );
    expect(out.dataset.source).toMatchObject({ files: ['a.csv', 'b.csv'] });
    expect(out.dataset.genreNames).toEqual(['A', 'B']);
  });
});

describe('import determinism', () => {
  it('gives an identical dataset for the same files, in any order', () => {
    for (const dir of ['ml-100k', 'ml-latest', 'generic']) {
      const a = loaded(importDataset(fixture(dir)));
      const b = loaded(importDataset(fixture(dir).reverse()));
      expect(b.dataset).toEqual(a.dataset);
      expect(b.report).toEqual(a.report);
    }
  });
});

describe('import speed', () => {
  it('imports a 100k-row u.data (943 users × 1682 items) and logs how long it took (no time asserted)', () => {
    const lines: string[] = [];
    for (let e = 0; e < 100_000; e++) lines.push(`${(e % 943) + 1}\t${((e * 7) % 1682) + 1}\t${1 + (e % 5)}\t${880000000 + e}`);
    const items: string[] = [];
    for (let i = 1; i <= 1682; i++) items.push(`${i}|Film ${i} (1995)|01-Jan-1995||http://example.org/${i}|${Array.from({ length: 19 }, (_, k) => (k === i % 19 ? 1 : 0)).join('|')}`);
    const enc = new TextEncoder();
    const files = [
      { name: 'u.data', bytes: enc.encode(lines.join('\n') + '\n') },
      { name: 'u.item', bytes: enc.encode(items.join('\n') + '\n') },
    ];
    importDataset(files); // warm-up (JIT), as a second import in the app would be
    const t0 = performance.now();
    const r = loaded(importDataset(files));
    const ms = performance.now() - t0;
    console.log(`import: 100k-row u.data + 1682-row u.item → ${r.report.kept} interactions in ${ms.toFixed(0)} ms`);
    expect(r.report.rowsRead).toBe(100_000);
    expect(r.report.kept).toBe(40_000);
    expect(r.dataset.interactions.numItems).toBe(1682);
  });
});
