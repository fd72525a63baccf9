// Config validation at the edges: strict parsing of objects, lenient parsing of URL text, and the text round trip.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ErrorCode, LabError } from '../errors';
import { popVsMfLab } from '../labs/popVsMf';
import { coerceText, configFromText, configToText, parseConfig, parseField, resolveConfig } from './config';
import { showText } from '../showText';
import { gridFromVary } from './sweep';
import type { Lab } from './types';

const lab = popVsMfLab as unknown as Lab;
const defaults = popVsMfLab.defaults;

/** A minimal lab with a boolean and a free number, to cover value kinds the real lab lacks. */
const toySchema = z.object({
  shuffle: z.boolean().default(true),
  temperature: z.number().default(0.5),
  mode: z.enum(['fast', 'exact']).default('fast'),
});
const toyLab: Lab = {
  id: 'toy',
  title: 'Toy',
  tagline: 'a lab for config tests',
  papers: [],
  about: '',
  whatToTry: [],
  quick: {},
  schema: toySchema,
  defaults: toySchema.parse({}),
  charts: [],
  run: async (config) => ({ labId: 'toy', config, backend: 'none', outcome: { status: 'completed' }, events: [], summary: {} }),
};

describe('parseConfig', () => {
  it('fills every missing key with its default', () => {
    const r = parseConfig(lab, { epochs: 3 });
    expect(r).toEqual({ ok: true, config: { ...defaults, epochs: 3 } });
  });

  it('accepts an empty object as the defaults', () => {
    expect(parseConfig(lab, {})).toEqual({ ok: true, config: defaults });
  });

  it('rejects an unknown key with OL102, naming the key and the real settings', () => {
    const r = parseConfig(lab, { epochs: 3, epoch: 3 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0].key).toBe('epoch');
    expect(r.issues[0].code).toBe(ErrorCode.UnknownConfigKey);
    expect(r.issues[0].code).toBe('OL102');
    expect(r.issues[0].message).toContain("'epoch'");
    expect(r.issues[0].message).toContain('epochs');
  });

  it.each([
    ['epochs', 0],
    ['epochs', 2.5],
    ['learningRate', -1],
    ['dataset', 'huge'],
    ['optimizer', 7],
  ])('rejects %s = %j with OL101 naming the key and the value', (key, value) => {
    const r = parseConfig(lab, { [key]: value });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([{ key, code: 'OL101', message: expect.stringContaining(`'${key}' = ${JSON.stringify(value)}`) }]);
  });

  it('reports every bad key at once, not just the first', () => {
    const r = parseConfig(lab, { epochs: 0, optimizer: 'rmsprop', colour: 'red' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.key, i.code])).toEqual([
      ['epochs', 'OL101'],
      ['optimizer', 'OL101'],
      ['colour', 'OL102'],
    ]);
  });

  it.each([[null], [42], ['epochs=3'], [[1, 2]], [undefined]])('rejects %j: a config must be an object (OL103)', (input) => {
    const r = parseConfig(lab, input);
    expect(r).toEqual({ ok: false, issues: [{ key: '(root)', code: 'OL103', message: expect.stringContaining('JSON object') }] });
  });
});

describe('resolveConfig', () => {
  it('returns the parsed config when it is valid', () => {
    expect(resolveConfig(lab, { seed: 7 })).toEqual({ ...defaults, seed: 7 });
  });

  it('throws a LabError carrying the first issue code and naming every bad key', () => {
    let caught: unknown;
    try {
      resolveConfig(lab, { epochs: 0, dataset: 'huge' });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(LabError);
    const err = caught as LabError;
    expect(err.code).toBe('OL101');
    expect(err.message).toMatch(/^OL101: /);
    expect(err.message).toContain("'epochs'");
    expect(err.message).toContain("'dataset'");
  });
});

describe('coerceText', () => {
  it('reads JSON numbers and booleans and leaves other text as text', () => {
    expect(coerceText('12')).toBe(12);
    expect(coerceText(' 0.5 ')).toBe(0.5);
    expect(coerceText('true')).toBe(true);
    expect(coerceText('small')).toBe('small');
    expect(coerceText('')).toBe('');
  });
});

describe('configFromText', () => {
  it('replaces an unparseable value by its default and names the key in the issue', () => {
    const r = configFromText(lab, [['epochs', 'abc']]);
    expect(r.config.epochs).toBe(defaults.epochs);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0].key).toBe('epochs');
    expect(r.issues[0].code).toBe('OL101');
    expect(r.issues[0].message).toContain("'epochs'");
    expect(r.issues[0].message).toContain(`using the default ${defaults.epochs}`);
  });

  it('keeps the good values of a link that also has bad ones', () => {
    const r = configFromText(lab, [
      ['epochs', '0'],
      ['seed', '9'],
    ]);
    expect(r.config).toEqual({ ...defaults, seed: 9 });
    expect(r.issues.map((i) => i.key)).toEqual(['epochs']);
  });

  it('returns keys that are not settings in unknownKeys, without an issue', () => {
    const r = configFromText(lab, [
      ['lab', 'pop-vs-mf'],
      ['epochs', '5'],
      ['utm_source', 'mail'],
    ]);
    expect(r.unknownKeys).toEqual(['lab', 'utm_source']);
    expect(r.issues).toEqual([]);
    expect(r.config).toEqual({ ...defaults, epochs: 5 });
  });

  it('parses numbers, enums and booleans from text', () => {
    const real = configFromText(lab, [
      ['learningRate', '0.05'],
      ['embeddingDim', '8'],
      ['dataset', 'tiny'],
      ['optimizer', 'sgd'],
    ]);
    expect(real.issues).toEqual([]);
    expect(real.config).toEqual({ ...defaults, learningRate: 0.05, embeddingDim: 8, dataset: 'tiny', optimizer: 'sgd' });

    const toy = configFromText(toyLab, [
      ['shuffle', 'false'],
      ['temperature', '-1.25'],
      ['mode', 'exact'],
    ]);
    expect(toy.issues).toEqual([]);
    expect(toy.config).toEqual({ shuffle: false, temperature: -1.25, mode: 'exact' });
  });
});

describe('configToText → configFromText', () => {
  const roundTrip = (l: Lab, config: Record<string, unknown>) => configFromText(l, configToText(l, config));

  it('writes every setting in schema order', () => {
    expect(configToText(lab, defaults).map(([k]) => k)).toEqual(Object.keys(popVsMfLab.schema.shape));
    expect(configToText(lab, defaults)).toContainEqual(['dataset', 'workshop']);
    expect(configToText(lab, defaults)).toContainEqual(['learningRate', '0.01']);
  });

  it('round-trips the defaults exactly', () => {
    expect(roundTrip(lab, defaults)).toEqual({ config: defaults, issues: [], unknownKeys: [] });
  });

  it('round-trips a config where every value differs from the default', () => {
    const config = {
      dataset: 'tiny',
      seed: 2147483647,
      epochs: 3,
      learningRate: 0.000123,
      optimizer: 'sgd',
      embeddingDim: 7,
      batchSize: 17,
      l2: 0,
    } as const;
    expect(Object.keys(config).sort()).toEqual(Object.keys(defaults).sort());
    for (const k of Object.keys(config) as (keyof typeof config)[]) expect(config[k]).not.toEqual(defaults[k]);
    expect(roundTrip(lab, config)).toEqual({ config, issues: [], unknownKeys: [] });
  });

  it('round-trips booleans and negative numbers', () => {
    const config = { shuffle: false, temperature: -0.1, mode: 'exact' };
    expect(roundTrip(toyLab, config).config).toEqual(config);
  });
});

/** Names every plain object inherits: a link, a `--set`, a config file or a `--vary` may use any of them. */
const INHERITED = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', '__defineGetter__', '__lookupGetter__'];

describe('keys that name a property every object inherits are unknown settings', () => {
  it.each(INHERITED)('parseField refuses %s with OL102 (the --set path)', (key) => {
    const r = parseField(lab, key, coerceText('1'));
    expect(r).toEqual({ ok: false, issue: { key, code: 'OL102', message: expect.stringContaining(`'${key}' is not a setting of lab 'pop-vs-mf'`) } });
  });

  it.each(INHERITED)('configFromText returns %s as an unknown key and keeps the defaults (the URL path)', (key) => {
    const r = configFromText(lab, [[key, '1'], ['epochs', '3']]);
    expect(r.unknownKeys).toEqual([key]);
    expect(r.issues).toEqual([]);
    expect(r.config).toEqual({ ...defaults, epochs: 3 });
    expect(Object.getPrototypeOf(r.config)).toBe(Object.prototype);
  });

  it.each(INHERITED)('parseConfig refuses %s from a JSON config file with OL102', (key) => {
    // JSON.parse makes an own property even of "__proto__", so the file really carries the key.
    const input = JSON.parse(`{${JSON.stringify(key)}: 1, "epochs": 3}`);
    expect(Object.keys(input)).toContain(key);
    const r = parseConfig(lab, input);
    expect(r).toEqual({ ok: false, issues: [{ key, code: 'OL102', message: expect.stringContaining(`'${key}' is not a setting`) }] });
  });

  it('resolveConfig throws a LabError (exit 2 in the CLI), not a TypeError, for {"__proto__":1} and {"constructor":1}', () => {
    for (const text of ['{"__proto__":1}', '{"constructor":1}', '{"toString":"x"}']) {
      expect(() => resolveConfig(lab, JSON.parse(text))).toThrow(LabError);
      expect(() => resolveConfig(lab, JSON.parse(text))).toThrow(/OL102: '(__proto__|constructor|toString)' is not a setting/);
    }
  });

  it.each(INHERITED)('gridFromVary refuses %s with a LabError (the sweep --vary path)', (key) => {
    expect(() => gridFromVary(lab, [[key, ['1', '2']]])).toThrow(LabError);
    expect(() => gridFromVary(lab, [[key, ['1', '2']]])).toThrow(`'${key}' is not a setting`);
  });

  it('leaves a real setting named like nothing inherited alone', () => {
    expect(parseField(lab, 'epochs', 4)).toEqual({ ok: true, value: 4 });
    expect(parseField(toyLab, 'mode', 'exact')).toEqual({ ok: true, value: 'exact' });
  });
});

describe('configFromText reports the real reason a number is refused', () => {
  it.each([
    ['epochs', '-1', /'epochs' = -1 is not valid \(.*>=1/],
    ['epochs', '1e9', /'epochs' = 1000000000 is not valid \(.*<=200/],
    ['epochs', '2.5', /'epochs' = 2\.5 is not valid \(.*int/],
    ['seed', '-5', /'seed' = -5 is not valid \(.*>=0/],
    ['learningRate', '0', /'learningRate' = 0 is not valid \(.*>0/],
  ])('%s=%s', (key, raw, why) => {
    const r = configFromText(lab, [[key, raw]]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0].message).toMatch(why);
    expect(r.issues[0].message).not.toContain('received string');
  });

  it('names a number too large for a double as Infinity, not as null', () => {
    const r = configFromText(lab, [['learningRate', '1e999']]);
    expect(r.issues[0].message).toMatch(/^'learningRate' = Infinity is not valid/);
  });

  it('still says "received string" when the text is not a number at all', () => {
    const r = configFromText(lab, [['epochs', 'NaN']]);
    expect(r.issues[0].message).toMatch(/'epochs' = "NaN" is not valid \(.*received string/);
  });

  it('still reads a text setting whose value looks like JSON as text', () => {
    const textLab = { ...toyLab, schema: z.object({ name: z.string().default('a') }), defaults: { name: 'a' } } as Lab;
    expect(configFromText(textLab, [['name', '42']]).config).toEqual({ name: '42' });
    expect(configFromText(textLab, [['name', 'true']]).config).toEqual({ name: 'true' });
  });
});

describe('long values and keys are shortened in messages', () => {
  const long = 'x'.repeat(100_000);

  it('showText keeps short text and cuts long text to its start and its length', () => {
    expect(showText('abc')).toBe('abc');
    expect(showText('y'.repeat(60))).toBe('y'.repeat(60));
    expect(showText(long)).toBe(`${'x'.repeat(60)}… (100000 characters)`);
  });

  it('a 100 kB value gives a message of under 300 characters that names its length', () => {
    const r = configFromText(lab, [['dataset', long]]);
    expect(r.issues[0].message.length).toBeLessThan(300);
    expect(r.issues[0].message).toContain('(100000 characters)');
    expect(r.issues[0].message).toContain(`"${'x'.repeat(20)}`);
  });

  it('a 100 kB key gives a short unknown-setting message (parseField, parseConfig)', () => {
    const f = parseField(lab, long, 1);
    expect(!f.ok && f.issue.message.length).toBeLessThan(400);
    expect(!f.ok && f.issue.message).toContain('(100000 characters)');
    const c = parseConfig(lab, { [long]: 1 });
    expect(!c.ok && c.issues[0].message.length).toBeLessThan(400);
  });
});
