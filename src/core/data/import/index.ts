// Public face of the importer: `importDataset` and its types; the format readers stay internal.
export {
  DEFAULT_MAX_BYTES,
  DEFAULT_RATING_THRESHOLD,
  importDataset,
  type ImportFile,
  type ImportFormat,
  type ImportOptions,
  type ImportProgress,
  type ImportReport,
  type ImportResult,
} from './importDataset';
export { formatIssue, ImportErrorCode, MAX_LISTED_ERRORS, type ImportIssue } from './importErrors';
export type { TextEncoding } from './decodeText';
export { ATTRIBUTES_FILE_NAMES } from './detectFormat';
export { describeAttributes, type AttributesSummary } from './itemAttributes';
