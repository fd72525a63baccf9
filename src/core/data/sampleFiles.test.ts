// The sample-data files: committed bytes match the generator, and parsing them gives back the generated world.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DECIMALS } from './csv';
import { parseSampleFiles, SAMPLE_FILE_NAMES, sampleFiles } from './sampleFiles';
import { builtinDataset, SAMPLE_FILE_PRESETS, SYNTHETIC_PRESETS, type SyntheticDataset } from './synthetic';

const root = join(import.meta.dirname, '..', '..', '..', 'sample-data');
const filesOf = (preset: (typeof SAMPLE_FILE_PRESETS)[number]) => sampleFiles(builtinDataset(preset), SYNTHETIC_PRESETS[preset]);

/** Every float agrees to half a unit of its printed last decimal. */
function expectClose(actual: Float64Array, expected: Float64Array, decimals: number) {
  expect(actual.length).toBe(expected.length);
  const tol = 0.5 * 10 ** -decimals + 1e-15;
  let worst = 0;
  for (let k = 0; k < expected.length; k++) worst = Math.max(worst, Math.abs(actual[k] - expected[k]));
  expect(worst).toBeLessThanOrEqual(tol);
}

/** parse(files(d)) is d: integers and names exactly, ground-truth floats to their printed precision. */
function expectSameWorld(parsed: SyntheticDataset, d: SyntheticDataset) {
  const { groundTruth: pg, ...pRest } = parsed;
  const { groundTruth: dg, ...dRest } = d;
  expect(pRest).toEqual(dRest);
  expect(pg.exceptions).toEqual(dg.exceptions);
  expectClose(pg.itemQuality, dg.itemQuality, DECIMALS.quality);
  expectClose(pg.itemPopularity, dg.itemPopularity, DECIMALS.popularity);
  expectClose(pg.userTastes, dg.userTastes, DECIMALS.taste);
}

describe('the committed sample-data files', () => {
  for (const preset of SAMPLE_FILE_PRESETS) {
    it(`match what the generator makes for '${preset}', byte for byte (run npm run sample-data if not)`, () => {
      const files = filesOf(preset);
      expect(Object.keys(files)).toEqual([...SAMPLE_FILE_NAMES]);
      for (const [name, text] of Object.entries(files)) {
        const path = join(root, preset, name);
        expect(existsSync(path), path).toBe(true);
        expect(readFileSync(path, 'utf8') === text, `${preset}/${name} differs`).toBe(true);
      }
    });

    it(`parse back into the generated '${preset}' world (ground truth to its printed precision)`, () => {
      const committed = Object.fromEntries(SAMPLE_FILE_NAMES.map((n) => [n, readFileSync(join(root, preset, n), 'utf8')]));
      expectSameWorld(parseSampleFiles(committed), builtinDataset(preset));
    });
  }

  it('are small enough to ship (under 5 MB together)', () => {
    let bytes = 0;
    for (const preset of SAMPLE_FILE_PRESETS) for (const text of Object.values(filesOf(preset))) bytes += text.length;
    expect(bytes).toBeLessThan(5_000_000);
  });
});

describe('sample files of a world', () => {
  const files = filesOf('tiny');

  it('are the same bytes every time they are written', () => {
    expect(sampleFiles(builtinDataset('tiny'), SYNTHETIC_PRESETS.tiny)).toEqual(files);
  });

  it('write each user’s interactions in time order, items with genres joined by | and tastes as genre:weight', () => {
    const rows = files['interactions.csv'].trim().split('\n');
    expect(rows[0]).toBe('user,item,timestamp');
    const user0 = rows.slice(1).map((r) => r.split(',').map(Number)).filter(([u]) => u === 0);
    expect(user0.map(([, , t]) => t)).toEqual(user0.map(([, , t]) => t).sort((a, b) => a - b));
    expect(files['items.csv'].split('\n')[1]).toMatch(/^0,[A-Z][a-z]+ [A-Z][a-z]+,[A-Za-z-]+(\|[A-Za-z-]+)?,0\.\d{6},0\.\d{10}$/);
    expect(files['users.csv'].split('\n')[1]).toMatch(/^0,age:[a-z]+\|region:[a-z]+,[A-Za-z-]+:[01]\.\d{6}(\|[A-Za-z-]+:0\.\d{6}){0,2}$/);
    expect(files['item_attributes.csv'].split('\n').slice(0, 3).join('\n')).toMatch(/^item,relation,entity\n0,creator,[A-Z][a-z]+ [A-Z][a-z]+\n0,decade,\d{4}s$/);
    const world = JSON.parse(files['world.json']);
    expect(world).toMatchObject({ name: 'tiny', seed: 1, spec: SYNTHETIC_PRESETS.tiny, relationNames: ['creator', 'decade'] });
    expect(world.exceptions).toHaveLength(SYNTHETIC_PRESETS.tiny.numExceptions);
  });

  it('reject what they cannot read, naming the file and line', () => {
    const bad = (name: string, text: string) => () => parseSampleFiles({ ...files, [name]: text });
    const { 'users.csv': _omitted, ...withoutUsers } = files;
    expect(() => parseSampleFiles(withoutUsers)).toThrow(/^OL108: users\.csv: missing$/);
    expect(bad('items.csv', 'id,title\n')).toThrow(/^OL108: items\.csv line 1: header must be 'item,title,genres,quality,popularity'/);
    expect(bad('items.csv', files['items.csv'].replace(',Drama,', ',Opera,'))).toThrow(/^OL108: items\.csv line 2: unknown genre 'Opera'$/);
    expect(bad('interactions.csv', files['interactions.csv'] + '0,24,1597521587\n')).toThrow(/^OL108: interactions\.csv line \d+: duplicate interaction \(user 0, item 24\)$/);
    expect(bad('interactions.csv', 'user,item,timestamp\n0,x,1\n')).toThrow(/^OL108: interactions\.csv line 2: item 'x' is not an integer in \[0, 200\)$/);
    expect(bad('world.json', '{')).toThrow(/^OL108: world\.json: not JSON/);
  });
});
