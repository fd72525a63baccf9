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

  it('reads UTF-16 with a byte-order mark (either order), as the data importer does', () => {
    const utf16le = Uint8Array.from(Buffer.from('\uFEFF{"epochs":2}', 'utf16le'));
    expect(JSON.parse(decodeConfigText('c.json', utf16le))).toEqual({ epochs: 2 });
    const be = Uint8Array.from(utf16le, (_, k) => utf16le[k ^ 1]);
    expect(JSON.parse(decodeConfigText('c.json', be))).toEqual({ epochs: 2 });
  });

  it('refuses bytes that are not UTF-8 (Latin-1 é), naming the file, the line and the fix', () => {
    expect(() => decodeConfigText('c.json', bytes('{"note":"caf', [0xe9], '"}'))).toThrow(/could not read the config file: OL504 c.json, line 1: byte 0xE9 .* is not valid UTF-8; save the file as UTF-8/);
  });

  it('refuses UTF-16 without a byte-order mark, saying how to fix it', () => {
    expect(() => decodeConfigText('c.json', Uint8Array.from(Buffer.from('{"epochs": 2, "seed": 7}', 'utf16le')))).toThrow(/c.json, line 1: the file looks like UTF-16 without a byte-order mark/);
  });
});
