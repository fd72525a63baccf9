// What the last import did: its report, or each problem with its file and line; and how far one in progress is.
import { describeAttributes, formatIssue, type ImportProgress } from '../../core/data/import';
import { useLabStore } from '../appStore';

const PHASES: Record<ImportProgress['phase'], string> = {
  read: 'Reading the files',
  decode: 'Decoding',
  parse: 'Parsing',
  assemble: 'Building the dataset',
  filter: 'Filtering',
};

/** "Parsing ratings.csv… 42%" with a progress bar; the dataset in use stays until the new one is accepted. */
export function ImportProgressLine() {
  const p = useLabStore((s) => s.importProgress);
  const phase = p ? PHASES[p.phase] : 'Importing';
  const file = p?.file ? ` ${p.file.split(/[\\/]/).pop()}` : '';
  const pct = p && p.phase === 'parse' ? ` ${Math.round(p.fraction * 100)}%` : '';
  return (
    <p className="muted small" role="status" data-testid="import-progress" data-phase={p?.phase ?? ''}>
      Importing: {phase}
      {file}…{pct}
      {p?.phase === 'parse' ? <progress max={1} value={p.fraction} aria-label="parse progress" /> : null}
    </p>
  );
}

export function ImportMessages() {
  const report = useLabStore((s) => s.importReport);
  const errors = useLabStore((s) => s.importErrors);
  const cancelled = useLabStore((s) => s.importCancelled);
  if (cancelled)
    return (
      <p className="small muted" role="status" data-testid="import-cancelled">
        Import cancelled; nothing was imported and the dataset in use stays.
      </p>
    );
  if (errors?.length)
    return (
      <div className="import-errors" role="alert" data-testid="import-errors">
        <b>Nothing was imported; the current dataset stays in use.</b>
        <ul>
          {errors.map((e, i) => (
            <li key={i}>{formatIssue(e)}</li>
          ))}
        </ul>
      </div>
    );
  if (!report) return null;
  return (
    <p className="small import-report" data-testid="import-report">
      Imported {report.format}: {report.users.toLocaleString()} users, {report.items.toLocaleString()} items,{' '}
      {report.kept.toLocaleString()} interactions kept of {report.rowsRead.toLocaleString()} rows
      {report.ratingThreshold !== undefined ? ` (ratings ≥ ${report.ratingThreshold})` : ''}.
      {report.attributes ? ` ${describeAttributes(report.attributes)}.` : ''}
      {report.warnings.length ? ` ${report.warnings.join(' ')}` : ''}
    </p>
  );
}
