// Import followed by the optional k-core filter (min interactions per user / item), as the app and CLI use it.
import { filterDataset, type FilterOptions } from '../filters';
import { nnz } from '../dataset';
import { trainabilityProblem } from '../trainable';
import type { ImportFile } from './detectFormat';
import { ImportErrorCode } from './importErrors';
import { importDataset, type ImportOptions, type ImportResult } from './index';

export interface ImportWithFilterOptions extends FilterOptions {
  ratingThreshold?: number;
  onProgress?: ImportOptions['onProgress'];
}

/**
 * `importDataset`, then (when a minimum is above 0) `filterDataset`, with the report's counts describing the
 * filtered data and a warning saying how much the filter removed. Data too small to train and evaluate on
 * (see `trainabilityProblem`) is refused with OL107, so the app keeps its dataset and the CLI exits 2.
 */
export function importWithFilter(files: ImportFile[], opts: ImportWithFilterOptions): ImportResult {
  const r = filtered(files, opts);
  if (!r.ok) return r;
  // Refused here rather than when a run starts: a dataset too small to split would train and report undefined metrics.
  const problem = trainabilityProblem(r.dataset.interactions);
  if (!problem) return r;
  const file = r.report.files[0] ?? files[0]?.name ?? '';
  return { ok: false, errors: [{ file, message: `${file}: ${problem}`, code: ImportErrorCode.TooSmall }] };
}

function filtered(files: ImportFile[], opts: ImportWithFilterOptions): ImportResult {
  const r = importDataset(files, { ratingThreshold: opts.ratingThreshold, onProgress: opts.onProgress });
  if (!r.ok || !(opts.minPerUser || opts.minPerItem)) return r;
  const before = r.dataset.interactions;
  opts.onProgress?.({ phase: 'filter', fraction: 0 });
  const dataset = filterDataset(r.dataset, { minPerUser: opts.minPerUser, minPerItem: opts.minPerItem });
  const after = dataset.interactions;
  if (nnz(after) === 0) {
    const first = files[0]?.name ?? '';
    const message = `${first}: the filter (users ≥ ${opts.minPerUser ?? 0}, items ≥ ${opts.minPerItem ?? 0} interactions) leaves nothing; lower the minimums.`;
    return { ok: false, errors: [{ file: first, message, code: ImportErrorCode.NothingKept }] };
  }
  const note =
    `Filter (users ≥ ${opts.minPerUser ?? 0}, items ≥ ${opts.minPerItem ?? 0} interactions, repeated until stable) kept ` +
    `${after.numUsers} of ${before.numUsers} users, ${after.numItems} of ${before.numItems} items, ${nnz(after)} of ${nnz(before)} interactions.`;
  return {
    ok: true,
    dataset,
    report: { ...r.report, users: after.numUsers, items: after.numItems, kept: nnz(after), warnings: [...r.report.warnings, note] },
  };
}
