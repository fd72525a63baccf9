// Seeded mutation fuzz of the importers: valid fixtures, randomly damaged, must import or be refused with
// well-formed file+line errors — never throw, and never do work or build output out of proportion to the file.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../random/rng';
import { utf16 } from '../fixtures/hostileFiles';
import { importWithFilter } from './importWithFilter';
import { MAX_LISTED_ERRORS, type ImportFile } from './index';

const fixtures = new URL('../fixtures/', import.meta.url);
const read = (dir: string) =>
  readdirSync(new URL(`${dir}/`, fixtures)).map((name) => ({ name, bytes: new Uint8Array(readFileSync(new URL(`${dir}/${name}`, fixtures))) }));
// The item-attributes fixture (ids of ml-100k's items) rides along with MovieLens 100K as a fourth set.
const sets: ImportFile[][] = [...['ml-100k', 'ml-latest', 'generic'].map(read), [...read('ml-100k'), ...read('attributes')]];

const latin1 = (b: Uint8Array) => Array.from(b, (c) => String.fromCharCode(c)).join('');
const bytesOf = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
const lines = (b: Uint8Array) => latin1(b).split('\n');
const joined = (ls: string[]) => bytesOf(ls.join('\n'));
const HUGE = ['4294967294', '4294967295', '100000000', '9007199254740993', '1e308', '1e400', '-1', '99999999999999999999', 'NaN', 'Infinity', '0x10'];
const SEPARATORS = ['\t', ',', ';', '|', ' ', ''];

/** One named, seeded mutation of a file's bytes. */
const MUTATIONS: [string, (b: Uint8Array, rng: Rng) => Uint8Array][] = [
  ['flip a byte', (b, rng) => { const c = b.slice(); if (c.length) c[rng.int(c.length)] ^= 1 << rng.int(8); return c; }],
  ['random byte', (b, rng) => { const c = b.slice(); if (c.length) c[rng.int(c.length)] = rng.int(256); return c; }],
  ['truncate', (b, rng) => b.slice(0, rng.int(b.length + 1))],
  ['duplicate a line', (b, rng) => { const ls = lines(b); const k = rng.int(ls.length); ls.splice(k, 0, ls[k]); return joined(ls); }],
  ['remove a line', (b, rng) => { const ls = lines(b); ls.splice(rng.int(ls.length), 1); return joined(ls); }],
  ['huge number', (b, rng) => { const s = latin1(b); const runs = [...s.matchAll(/\d+/g)]; if (!runs.length) return b; const m = runs[rng.int(runs.length)]; return bytesOf(s.slice(0, m.index) + HUGE[rng.int(HUGE.length)] + s.slice(m.index! + m[0].length)); }],
  ['swap separators', (b, rng) => { const from = SEPARATORS[rng.int(4)]; const to = SEPARATORS[rng.int(SEPARATORS.length)]; return bytesOf(latin1(b).split(from).join(to)); }],
  ['insert NUL', (b, rng) => { const k = rng.int(b.length + 1); return Uint8Array.from([...b.slice(0, k), 0, ...b.slice(k)]); }],
  ['UTF-8 BOM', (b) => Uint8Array.from([0xef, 0xbb, 0xbf, ...b])],
  ['BOM mid-file', (b, rng) => { const k = rng.int(b.length + 1); return Uint8Array.from([...b.slice(0, k), 0xef, 0xbb, 0xbf, ...b.slice(k)]); }],
  ['as UTF-16LE', (b) => utf16(new TextDecoder().decode(b))],
  ['as UTF-16BE without BOM', (b) => utf16(new TextDecoder().decode(b), 'be', false)],
  ['odd UTF-16', (b) => utf16(new TextDecoder().decode(b)).slice(0, -1)],
  ['CRLF', (b) => bytesOf(latin1(b).replace(/\n/g, '\r\n'))],
  ['CR only', (b) => bytesOf(latin1(b).replace(/\n/g, '\r'))],
  ['stray quote', (b, rng) => { const k = rng.int(b.length + 1); return Uint8Array.from([...b.slice(0, k), 0x22, ...b.slice(k)]); }],
  ['long cell', (b, rng) => { const ls = lines(b); const k = rng.int(ls.length); ls[k] = ls[k] + 'x'.repeat(20_000); return joined(ls); }],
  ['many columns', (b, rng) => { const ls = lines(b); const k = rng.int(ls.length); ls[k] = ls[k] + ',1'.repeat(5_000); return joined(ls); }],
  ['blank out', () => new Uint8Array(0)],
  ['control chars', (b, rng) => { const c = b.slice(); for (let j = 0; j < 3 && c.length; j++) c[rng.int(c.length)] = rng.int(32); return c; }],
];

const CASES = 400;
const BATCH = 50;

function mutate(seed: number): { set: ImportFile[]; what: string } {
  const rng = new Rng(seed);
  const set = sets[rng.int(sets.length)].map((f) => ({ ...f }));
  const steps: string[] = [];
  for (let m = 1 + rng.int(3); m > 0; m--) {
    const k = rng.int(set.length);
    const [name, fn] = MUTATIONS[rng.int(MUTATIONS.length)];
    set[k] = { name: set[k].name, bytes: fn(set[k].bytes, rng) };
    steps.push(`${name} in ${set[k].name}`);
  }
  return { set, what: `seed ${seed}: ${steps.join(', ')}` };
}

describe('seeded mutation fuzz of the importers', () => {
  for (let start = 0; start < CASES; start += BATCH) {
    // The vitest timeout is the hang guard; the structural bounds below are the real check.
    it(`cases ${start}–${start + BATCH - 1}: each imports, or is refused with errors naming a file; output bounded by input`, () => {
      const outcomes = { ok: 0, refused: 0 };
      for (let seed = start; seed < start + BATCH; seed++) {
        const { set, what } = mutate(seed);
        let r;
        try {
          r = importWithFilter(set, {});
        } catch (e) {
          throw new Error(`${what}: threw ${(e as Error).stack ?? String(e)}`);
        }
        const totalBytes = set.reduce((s, f) => s + f.bytes.length, 0);
        const totalLines = set.reduce((s, f) => s + lines(f.bytes).length, 0);
        if (r.ok) {
          outcomes.ok++;
          const d = r.dataset;
          // Nothing in the dataset may be sized by a number written in the file, only by its lines.
          expect(d.userIds.length, what).toBeLessThanOrEqual(totalLines);
          expect(d.itemIds.length, what).toBeLessThanOrEqual(totalLines);
          expect(d.genreNames.length, what).toBeLessThanOrEqual(totalBytes);
          expect(d.itemGenres.length, what).toBe(d.itemIds.length * d.genreNames.length);
          if (d.attributes) {
            expect(d.attributes.item.length, what).toBeLessThanOrEqual(totalLines);
            expect(d.attributes.entityNames.length, what).toBeLessThanOrEqual(totalLines);
            expect(d.attributes.relationNames.length, what).toBeLessThanOrEqual(totalLines);
          }
        } else {
          outcomes.refused++;
          expect(r.errors.length, what).toBeGreaterThan(0);
          expect(r.errors.length, what).toBeLessThanOrEqual(MAX_LISTED_ERRORS + 1);
          for (const e of r.errors) {
            expect(e.code, what).toMatch(/^OL\d{3}$/);
            expect(e.message.startsWith(e.line === undefined ? e.file : `${e.file}, line ${e.line}: `), `${what}: ${e.message}`).toBe(true);
            expect(e.message.length, `${what}: ${e.message.slice(0, 300)}`).toBeLessThan(1_000);
          }
        }
      }
      // Both outcomes occur in every batch, so the fuzz exercises both paths.
      expect(outcomes.ok + outcomes.refused).toBe(BATCH);
      expect(outcomes.ok).toBeGreaterThan(0);
      expect(outcomes.refused).toBeGreaterThan(0);
    }, 30_000);
  }
});
