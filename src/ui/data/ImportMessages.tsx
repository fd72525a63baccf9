// What the last import did: its report, or each problem with its file and line.
import { formatIssue } from '../../core/data/import';
import { useLabStore } from '../appStore';

export function ImportMessages() {
  const report = useLabStore((s) => s.importReport);
  const errors = useLabStore((s) => s.importErrors);
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
      {report.warnings.length ? ` ${report.warnings.join(' ')}` : ''}
    </p>
  );
}
