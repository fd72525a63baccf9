// A chart's numbers as a table: the text alternative behind every chart's "show as table" toggle.
import { useId, useState, type ReactNode, type Ref } from 'react';

export interface TableColumn {
  key: string;
  label: string;
}

/** Values as the table shows them: 4 significant digits, a dash where a series has no value at that x. */
export const cell = (v: unknown): string => {
  if (typeof v === 'number') return Number.isFinite(v) ? (Math.abs(v) >= 100 ? v.toFixed(1) : String(Number(v.toPrecision(4)))) : '–';
  return v === undefined || v === null ? '–' : String(v);
};

/** The rows of a chart as a table, first column its x (or category). */
export function ChartTable({ caption, columns, rows }: { caption: string; columns: readonly TableColumn[]; rows: readonly Record<string, unknown>[] }) {
  return (
    <div className="chart-table-wrap" tabIndex={0} role="region" aria-label={`${caption} (table)`}>
      <table className="results-table chart-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, j) => (
            <tr key={j}>
              {columns.map((c, k) =>
                k === 0 ? (
                  <th key={c.key} scope="row">
                    {cell(r[c.key])}
                  </th>
                ) : (
                  <td key={c.key}>{cell(r[c.key])}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A chart's toggle and body: the drawing (a role="img" box named by `label`, since an SVG chart says nothing to a
 * screen reader) or, once toggled, its table. `chart` and `table` are functions so only the shown one is built.
 * `boxRef` reaches the drawing's box (a chart that measures itself or saves its SVG); it is null while the table shows.
 */
export function useChartOrTable(label: string, chart: () => ReactNode, table: () => ReactNode, boxClass = 'chart-box', boxRef?: Ref<HTMLDivElement>) {
  const [asTable, setAsTable] = useState(false);
  const id = useId();
  const toggle = (
    <button type="button" className="chart-toggle" aria-pressed={asTable} aria-controls={id} data-testid="chart-table-toggle" onClick={() => setAsTable((t) => !t)}>
      {asTable ? 'show as chart' : 'show as table'}
    </button>
  );
  const body = asTable ? (
    <div id={id}>{table()}</div>
  ) : (
    <div id={id} className={boxClass} role="img" aria-label={label} ref={boxRef}>
      {chart()}
    </div>
  );
  return { toggle, body, asTable };
}
