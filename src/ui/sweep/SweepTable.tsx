// Every run of the sweep in one table: its settings, how it ended, every summary metric, and front membership.
import type { SweepRunRecord } from '../../state/sweepSlice';
import type { ChartSpec } from '../../core/experiment/types';
import { outcomeText } from './sweepPoints';

const ARROW: Record<ChartSpec['better'], string> = { higher: ' ↑', lower: ' ↓', none: '' };

const cell = (v: unknown) => (typeof v === 'number' ? (Number.isFinite(v) ? String(Number(v.toFixed(4))) : '–') : v === undefined ? '–' : String(v));

export interface SweepTableProps {
  runs: SweepRunRecord[];
  metrics: string[];
  names: Record<string, string>;
  /** Indices of runs on each panel's front, with the panel's short name. */
  fronts: { name: string; indices: Set<number> }[];
  /** The settings shown per run (the plan's). */
  settings: readonly string[];
  /** Which direction is better per metric (`metricDirections`); none or absent: no arrow. */
  better?: Record<string, ChartSpec['better']>;
}

export function SweepTable({ runs, metrics, names, fronts, settings, better = {} }: SweepTableProps) {
  return (
    <div className="sweep-table-wrap">
      <table className="results-table sweep-table" data-testid="sweep-table">
        <caption>
          One row per run, final epoch on held-out users; ★ marks a run on that panel's Pareto front (↑ higher is better, ↓ lower is better; no arrow: neither, as for weights and β).
        </caption>
        <thead>
          <tr>
            <th scope="col">run</th>
            <th scope="col">label</th>
            {settings.map((k) => (
              <th scope="col" key={k}>
                {k}
              </th>
            ))}
            <th scope="col">outcome</th>
            {metrics.map((m) => (
              <th scope="col" key={m}>
                {names[m] ?? m}
                {/* The caption says what the arrows mean; the header's name stays the metric's. */}
                <span aria-hidden="true">{ARROW[better[m] ?? 'none']}</span>
              </th>
            ))}
            {fronts.map((f) => (
              <th scope="col" key={f.name}>
                front: {f.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.index} data-outcome={r.outcome.status} className={r.outcome.status === 'completed' ? undefined : `row-${r.outcome.status}`}>
              <td>{r.index + 1}</td>
              <th scope="row">{r.label}</th>
              {settings.map((k) => (
                <td key={k} className={typeof r.config[k] === 'number' ? undefined : 'text'}>
                  {cell(r.config[k])}
                </td>
              ))}
              <td className="text">{outcomeText(r.outcome)}</td>
              {metrics.map((m) => (
                <td key={m}>{cell(r.summary[m])}</td>
              ))}
              {fronts.map((f) => (
                <td key={f.name}>{f.indices.has(r.index) ? '★' : ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
