// Bytes → text for imported files: strict UTF-8 (naming the line of the first bad byte), UTF-16 with a
// byte-order mark (Excel's "Unicode text"), or Latin-1 for u.item.
import { ImportErrorCode, type IssueLog } from './importErrors';

export type TextEncoding = 'utf-8' | 'latin1' | 'utf-16le' | 'utf-16be';

/** The UTF-16 byte order announced by a byte-order mark (FF FE = little-endian, FE FF = big-endian), if any. */
export function utf16Bom(b: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * Looks like UTF-16 saved without a byte-order mark: text of ASCII characters then has a zero byte in every
 * other position. Checked on the first 512 bytes: at least 8 pairs, and over 90% of the odd (LE) or even (BE)
 * bytes zero while the others are not.
 */
function looksLikeBomlessUtf16(b: Uint8Array): boolean {
  const n = Math.min(b.length, 512) & ~1;
  if (n < 16) return false;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  return (oddZero > 0.9 * pairs && evenZero < 0.1 * pairs) || (evenZero > 0.9 * pairs && oddZero < 0.1 * pairs);
}

/**
 * Byte offset of the first byte that does not start a valid UTF-8 sequence (overlong forms, surrogates and
 * code points above U+10FFFF count as invalid, as in the WHATWG decoder), or −1 when all bytes are valid.
 */
export function firstInvalidUtf8(b: Uint8Array): number {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0; // overlong
      if (c === 0xed) hi = 0x9f; // UTF-16 surrogates
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90; // overlong
      if (c === 0xf4) hi = 0x8f; // above U+10FFFF
    } else return i;
    if (i + need >= n) return i;
    if (b[i + 1] < lo || b[i + 1] > hi) return i;
    for (let k = 2; k <= need; k++) if ((b[i + k] & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return -1;
}

/** 1-based line of byte `offset` (lines end at LF; CR LF files count the same). */
export function lineOfByte(b: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (b[i] === 0x0a) line++;
  return line;
}

/**
 * Text of a data file: UTF-16 when it starts with a UTF-16 byte-order mark, else strict UTF-8 (a UTF-8 mark
 * is dropped). UTF-16 without a mark is refused with how to fix it (it cannot be told from binary for sure).
 * On bad bytes logs OL504 with the line and returns null.
 */
export function decodeText(file: string, bytes: Uint8Array, log: IssueLog): { text: string; encoding: TextEncoding } | null {
  const bom = utf16Bom(bytes);
  if (bom) {
    if (bytes.length % 2 === 0) return { text: new TextDecoder(bom).decode(bytes), encoding: bom };
    log.error(ImportErrorCode.NotUtf8, file, undefined, `the file starts as UTF-16 but has an odd number of bytes (${bytes.length}), so it is cut short; save it again.`);
    return null;
  }
  if (looksLikeBomlessUtf16(bytes)) {
    log.error(ImportErrorCode.NotUtf8, file, 1, 'the file looks like UTF-16 without a byte-order mark; save it as UTF-8 (or as Unicode text, which adds the mark) and import it again.');
    return null;
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const at = Math.max(0, firstInvalidUtf8(bytes));
    const hex = bytes[at].toString(16).toUpperCase().padStart(2, '0');
    log.error(
      ImportErrorCode.NotUtf8,
      file,
      lineOfByte(bytes, at),
      `byte 0x${hex} (byte ${at + 1} of the file) is not valid UTF-8; save the file as UTF-8 and import it again.`,
    );
    return null;
  }
}

/**
 * Text of a file in a legacy 8-bit encoding (MovieLens 100K's u.item is ISO-8859-1). Bytes that are valid
 * UTF-8 are read as UTF-8 — someone re-saved the file, and reading "é" as Latin-1 would give "Ã©" — and
 * anything else as Latin-1, which cannot fail (browsers and Node map 0x80–0x9F as windows-1252).
 */
export function decodeLegacy(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const bom = utf16Bom(bytes);
  if (bom && bytes.length % 2 === 0) return { text: new TextDecoder(bom).decode(bytes), encoding: bom };
  if (firstInvalidUtf8(bytes) === -1) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  return { text: new TextDecoder('latin1').decode(bytes), encoding: 'latin1' };
}
