import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../dataset';
import { filterDataset } from '../filters';
import { importDataset, type ImportFile, type ImportResult } from './index';

const FIXTURES = new URL('../fixtures/', import.meta.url);
const utf8 = (s: string) => new TextEncoder().encode(s);

function fixture(dir: string): ImportFile[] {
  const url = new URL(`${dir}/`, FIXTURES);
  return readdirSync(url)
    .sort()
    .map((name) => ({ name: `${dir}/${name}`, bytes: new Uint8Array(readFileSync(new URL(name, url))) }));
}
const ATTRIBUTES_TSV = readFileSync(new URL('attributes/item_attributes.tsv', FIXTURES), 'utf8');
const attributesFile = (text: string | Uint8Array, name = 'attributes/item_attributes.tsv'): ImportFile => ({
  name,
  bytes: typeof text === 'string' ? utf8(text) : text,
});

function loaded(r: ImportResult): Extract<ImportResult, { ok: true }> {
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r;
}

/** [item id, relation, entity] by name, in triple order. */
function triples(d: Dataset): [string, string, string][] {
  const a = d.attributes!;
  return Array.from(a.item, (i, k) => [d.itemIds[i], a.relationNames[a.relation[k]], a.entityNames[a.entity[k]]]);
}

const DECADES = ['1', '2', '3', '4', '5', '6', '7'].map((id) => [id, 'decade', '1990s']);
// Hand-checked from fixtures/attributes/item_attributes.tsv: 9 data rows; item 99 is not in u.item (skipped);
// "5 decade 1990s" repeats MovieLens's own decade triple and the last row repeats line 3 (both kept once);
// "007" is item 7, as in u.data.
const FROM_FILE = [
  ['1', 'director', 'Mara Okafor'],
  ['2', 'director', 'Mara Okafor'],
  ['3', 'director', 'Tomas Lind'],
  ['1', 'studio', 'Northlight'],
  ['4', 'studio', 'Northlight'],
  ['7', 'studio', 'Northlight'],
];

describe('an item-attributes file beside MovieLens 100K', () => {
  const r = loaded(importDataset([...fixture('ml-100k'), attributesFile(ATTRIBUTES_TSV)]));
  const d = r.dataset;

  it("adds its triples after the format's decade triples, relations unioned, one entity per name", () => {
    expect(d.attributes!.relationNames).toEqual(['decade', 'director', 'studio']);
    expect(d.attributes!.entityNames).toEqual(['1990s', 'Mara Okafor', 'Tomas Lind', 'Northlight']);
    expect(triples(d)).toEqual([...DECADES, ...FROM_FILE]);
  });

  it('reports what was read and what was skipped, and why', () => {
    expect(r.report.attributes).toEqual({
      file: 'attributes/item_attributes.tsv',
      rowsRead: 9,
      triples: 6,
      relations: 2,
      entities: 3,
      unknownItems: 1,
      duplicates: 2,
      headerSkipped: true,
    });
    expect(r.report.files).toContain('item_attributes.tsv');
    expect(r.report.warnings.filter((w) => w.includes('item_attributes'))).toEqual([
      'attributes/item_attributes.tsv: 1 row was skipped because its item is not in the imported data (first: item 99 on line 9).',
      'attributes/item_attributes.tsv: 2 rows repeat a triple and were kept once.',
    ]);
  });

  it('reads the same with CRLF line endings, a UTF-8 byte-order mark, or commas in a .csv', () => {
    const crlf = loaded(importDataset([...fixture('ml-100k'), attributesFile('\uFEFF' + ATTRIBUTES_TSV.replace(/\n/g, '\r\n'))]));
    expect(triples(crlf.dataset)).toEqual([...DECADES, ...FROM_FILE]);
    expect(crlf.report.attributes).toEqual(r.report.attributes);
    const csv = ATTRIBUTES_TSV.replace(/\t/g, ',');
    const viaCsv = loaded(importDataset([...fixture('ml-100k'), attributesFile(csv, 'kg.csv')]));
    expect(triples(viaCsv.dataset)).toEqual([...DECADES, ...FROM_FILE]);
  });

  it('reads the first row as data when it does not name the item and relation columns', () => {
    const noHeader = ATTRIBUTES_TSV.split('\n').slice(1).join('\n');
    const x = loaded(importDataset([...fixture('ml-100k'), attributesFile(noHeader)]));
    expect(triples(x.dataset)).toEqual([...DECADES, ...FROM_FILE]);
    expect(x.report.attributes!.headerSkipped).toBe(false);
    expect(x.report.attributes!.rowsRead).toBe(9);
  });

  it('keeps its triples through the k-core filter (items renumbered)', () => {
    const f = filterDataset(d, { minPerItem: 2 });
    for (const [item, rel, ent] of triples(f)) expect([...DECADES, ...FROM_FILE]).toContainEqual([item, rel, ent]);
  });
});

describe('an item-attributes file with the other formats', () => {
  it('MovieLens latest: movie ids matched as in ratings.csv', () => {
    const r = loaded(importDataset([...fixture('ml-latest'), attributesFile('movieId,relation,entity\n10,studio,Cobalt\n20,studio,Cobalt\n', 'kg.csv')]));
    expect(r.dataset.attributes!.relationNames).toEqual(['decade', 'studio']);
    expect(triples(r.dataset).filter((t) => t[1] === 'studio')).toEqual([['10', 'studio', 'Cobalt'], ['20', 'studio', 'Cobalt']]);
  });

  it('generic: string ids, and the file gives the only attributes (no decade)', () => {
    const r = loaded(importDataset([...fixture('generic'), attributesFile('item\trelation\tentity\nsku-1\tbrand\tAcme\nsku-3\tbrand\tAcme\nsku-3\tmaterial\tmesh\n')]));
    expect(r.report.format).toBe('generic');
    expect(r.dataset.attributes!.relationNames).toEqual(['brand', 'material']);
    expect(r.dataset.attributes!.entityNames).toEqual(['Acme', 'mesh']);
    expect(triples(r.dataset)).toEqual([['sku-1', 'brand', 'Acme'], ['sku-3', 'brand', 'Acme'], ['sku-3', 'material', 'mesh']]);
    // item_attributes.tsv would otherwise look like an items file (item*) to the generic reader.
    expect(r.report.files).toEqual(['interactions.tsv', 'items.csv', 'item_attributes.tsv']);
  });

  it('a file whose items are all unknown adds nothing and says so', () => {
    const r = loaded(importDataset([...fixture('generic'), attributesFile('nope\tbrand\tAcme\n')]));
    expect(r.dataset.attributes).toBeUndefined();
    expect(r.report.attributes).toMatchObject({ rowsRead: 1, triples: 0, unknownItems: 1 });
  });
});

describe('a malformed item-attributes file is refused, naming the file and line; nothing is imported', () => {
  const refused = (text: string | Uint8Array, name?: string) => {
    const r = importDataset([...fixture('ml-100k'), attributesFile(text, name)]);
    if (r.ok) throw new Error('imported');
    return r.errors;
  };

  it('a row with two columns', () => {
    const [e] = refused('item\trelation\tentity\n1\tdirector\tMara\n2\tdirector\n');
    expect(e).toMatchObject({ code: 'OL507', file: 'attributes/item_attributes.tsv', line: 3 });
    expect(e.message).toBe('attributes/item_attributes.tsv, line 3: expected 3 columns (item id, relation, entity) separated by tabs, found 2.');
  });

  it('an empty entity', () => {
    const [e] = refused('1\tdirector\t \n');
    expect(e).toMatchObject({ code: 'OL520', line: 1 });
    expect(e.message).toMatch(/the entity is empty/);
  });

  it('a control character in a relation', () => {
    expect(refused('1\tdir\u0000ector\tMara\n')[0]).toMatchObject({ code: 'OL522', line: 1 });
  });

  it('a header and no rows', () => {
    expect(refused('item,relation,entity\n', 'kg.csv')[0]).toMatchObject({ code: 'OL506', file: 'kg.csv', line: 1 });
  });

  it('an empty file', () => {
    expect(refused('')[0]).toMatchObject({ code: 'OL505' });
  });

  it('one column only', () => {
    expect(refused('1\n2\n')[0]).toMatchObject({ code: 'OL519', line: 1 });
  });

  it('bytes that are not UTF-8', () => {
    expect(refused(new Uint8Array([...utf8('1\tstudio\tCaf'), 0xe9, 0x0a]))[0]).toMatchObject({ code: 'OL504', line: 1 });
  });

  it('more than 100 relations, stopped at the 101st', () => {
    const text = Array.from({ length: 150 }, (_, k) => `1\tr${k}\te`).join('\n');
    const errors = refused(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'OL524', line: 101 });
  });

  it('two attribute files, or one alone', () => {
    const two = importDataset([...fixture('ml-100k'), attributesFile(ATTRIBUTES_TSV), attributesFile(ATTRIBUTES_TSV, 'kg.tsv')]);
    expect(two.ok ? null : two.errors[0].code).toBe('OL515');
    const alone = importDataset([attributesFile(ATTRIBUTES_TSV)]);
    expect(alone.ok ? null : alone.errors[0].message).toMatch(/add the ratings or interactions file/);
  });
});
