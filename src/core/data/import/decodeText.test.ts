import { describe, expect, it } from 'vitest';
import { decodeLegacy, decodeText, firstInvalidUtf8, lineOfByte } from './decodeText';
import { IssueLog } from './importErrors';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('firstInvalidUtf8', () => {
  it('accepts ASCII and well-formed multi-byte sequences', () => {
    expect(firstInvalidUtf8(new TextEncoder().encode('aé€😀'))).toBe(-1);
  });

  it('finds a lone Latin-1 byte, a truncated sequence, an overlong form and a surrogate', () => {
    expect(firstInvalidUtf8(bytes(0x61, 0xe9, 0x62))).toBe(1);
    expect(firstInvalidUtf8(bytes(0x61, 0xe2, 0x82))).toBe(1);
    expect(firstInvalidUtf8(bytes(0xc0, 0xaf))).toBe(0);
    expect(firstInvalidUtf8(bytes(0xed, 0xa0, 0x80))).toBe(0);
    expect(firstInvalidUtf8(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0);
  });
});

describe('decoding', () => {
  it('counts lines by LF, so CR LF files get the same line numbers', () => {
    const b = new TextEncoder().encode('a\r\nb\r\nc');
    expect(lineOfByte(b, b.indexOf(0x63))).toBe(3);
  });

  it('drops a UTF-8 byte-order mark', () => {
    expect(decodeText('f', bytes(0xef, 0xbb, 0xbf, 0x61), new IssueLog())).toEqual({ text: 'a', encoding: 'utf-8' });
  });

  it('reads Latin-1 bytes as Latin-1 and UTF-8 bytes as UTF-8 in a legacy file', () => {
    expect(decodeLegacy(bytes(0x43, 0x61, 0x66, 0xe9))).toEqual({ text: 'Café', encoding: 'latin1' });
    expect(decodeLegacy(new TextEncoder().encode('Café'))).toEqual({ text: 'Café', encoding: 'utf-8' });
  });
});
