// Reads a `--config` file as text: UTF-8 with or without a byte-order mark; anything else is named and refused.
import { readFileSync } from 'node:fs';
import { errorMessage } from '../core/errors';
import { UsageError } from './args';

/**
 * The text of a config file. A UTF-8 byte-order mark (what Windows editors save) is dropped; UTF-16 and bytes
 * that are not UTF-8 throw a UsageError that says how to fix the file. JSON and its keys are checked later,
 * by `buildRunConfig`, with every other setting.
 */
export function readConfigFile(path: string): { path: string; text: string } {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new UsageError(`config file ${path}: cannot be read (${errorMessage(e)})`);
  }
  return { path, text: decodeConfigText(path, bytes) };
}

export function decodeConfigText(path: string, bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new UsageError(`config file ${path}: is UTF-16 text; save it as UTF-8 (JSON files are UTF-8)`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new UsageError(`config file ${path}: is not UTF-8 text (e.g. saved as Latin-1 or binary); save it as UTF-8`);
  }
  // The decoder keeps the BOM (ignoreBOM), so it is dropped here, visibly: JSON.parse refuses it.
  return text.replace(/^\uFEFF/, '');
}
