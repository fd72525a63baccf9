// The sweep as files: CSV (one row per run) and JSON (every run's config, outcome and summary).
import type { SweepState } from '../../state/sweepSlice';
import { outcomeText } from './sweepPoints';

/** A CSV field: quoted when it holds a comma, quote or line break (quotes doubled), per RFC 4180. */
function field(v: unknown): string {
  const s = v === undefined || v === null ? '' : typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per run, in grid order: run, label, kind, the plan's shown settings, outcome, then each metric. */
export function sweepCsv(sweep: Pick<SweepState, 'runs'>, metrics: readonly string[], settings: readonly string[]): string {
  const head = ['run', 'label', 'kind', ...settings, 'outcome', ...metrics];
  const rows = sweep.runs.map((r) => [r.index + 1, r.label, r.kind, ...settings.map((k) => r.config[k]), outcomeText(r.outcome), ...metrics.map((m) => r.summary[m])]);
  return [head, ...rows].map((row) => row.map(field).join(',')).join('\n') + '\n';
}

/** The whole sweep as JSON: status, timing and, per run, its full config, outcome and summary. */
export function sweepJson(sweep: SweepState, createdAt: Date): string {
  const { labId, status, total, runs, message, startedAt, endedAt } = sweep;
  const elapsedMs = startedAt !== null && endedAt !== null ? endedAt - startedAt : null;
  return JSON.stringify({ labId, createdAt: createdAt.toISOString(), status, total, elapsedMs, message, runs }, null, 2) + '\n';
}
