// Reads a `--config` file as text, decoded as imported data files are: UTF-8 with or without a byte-order mark,
// UTF-16 with one (Windows' "Unicode"); anything else is named and refused with how to fix it.
import { readFileSync } from 'node:fs';
import { decodeText } from '../core/data/import/decodeText';
import { formatIssue, IssueLog } from '../core/data/import/importErrors';
import { errorMessage } from '../core/errors';
import { UsageError } from './args';

/**
 * The text of a config file (see `decodeConfigText`); bytes that cannot be read as text throw a UsageError
 * that says how to fix the file. JSON and its keys are checked later,
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

/** Bytes → text as the data importer decodes its files (one decoder for every file from outside). */
export function decodeConfigText(path: string, bytes: Uint8Array): string {
  const log = new IssueLog();
  const decoded = decodeText(path, bytes, log);
  if (!decoded) throw new UsageError(`could not read the config file: ${log.errors().map(formatIssue).join('; ')}`);
  // TextDecoder drops a UTF-8 mark, and a UTF-16 one; a mark left inside the text (a file saved twice) goes too.
  return decoded.text.replace(/^\uFEFF/, '');
}
