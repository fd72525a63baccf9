import { describe, expect, it } from 'vitest';
import { decodeConfigText } from './configFile';

const bytes = (...parts: (string | number[])[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'utf8')] : p)));

describe('decodeConfigText', () => {
  it('drops a UTF-8 byte-order mark, so the text parses as JSON', () => {
    const text = decodeConfigText('c.json', bytes([0xef, 0xbb, 0xbf], '{"epochs":2}'));
    expect(JSON.parse(text)).toEqual({ epochs: 2 });
  });

  it('keeps UTF-8 text as it is, accents included', () => {
    expect(decodeConfigText('c.json', bytes('{"dataset":"tiny","note":"café"}'))).toBe('{"dataset":"tiny","note":"café"}');
  });

  it('refuses UTF-16 (either byte order), naming the file and the fix', () => {
    expect(() => decodeConfigText('c.json', bytes([0xff, 0xfe], [0x7b, 0]))).toThrow(/config file c.json: is UTF-16 text; save it as UTF-8/);
    expect(() => decodeConfigText('c.json', bytes([0xfe, 0xff], [0, 0x7b]))).toThrow(/UTF-16/);
  });

  it('refuses bytes that are not UTF-8 (Latin-1 é)', () => {
    expect(() => decodeConfigText('c.json', bytes('{"note":"caf', [0xe9], '"}'))).toThrow(/config file c.json: is not UTF-8 text/);
  });
});
