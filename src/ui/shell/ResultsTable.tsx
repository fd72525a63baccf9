// The latest value of every per-epoch series, as a table to read exact numbers from.
import type { ChartSpec } from '../../core/experiment/types';
import { selectCurrentRun, selectLab } from '../../state/selectors';
import { useLabStore } from '../appStore';

const arrow = (c: ChartSpec) => (c.better === 'higher' ? '↑' : c.better === 'lower' ? '↓' : '');
const cell = (v: number | undefined) => (v === undefined ? '–' : v.toFixed(4));

export function ResultsTable() {
  const lab = useLabStore(selectLab);
  const last = useLabStore((s) => selectCurrentRun(s)?.epochs.at(-1));
  // Paths in objective space re-plot values other charts already hold.
  const charts = lab.charts.filter((c) => c.source === 'epoch' && !c.xKey);
  // A lab without epoch charts shows its numbers in its own panels.
  if (!last || charts.length === 0) return null;
  // Series this run has no value for (a lab may declare more variants than one run trains) are left out.
  const has = (key: string) => last.values[key] !== undefined;
  const labels = charts.flatMap((c) => c.series.map((s) => s.label));
  // When methods recur across charts (MF vs popularity on every metric), methods are columns and metrics rows.
  const byMethod = new Set(labels).size < labels.length;
  const methods = [...new Set(labels)].filter((m) => charts.some((c) => c.series.some((s) => s.label === m && has(s.key))));
  const rows = charts.filter((c) => c.series.some((s) => has(s.key)));
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Results after the last epoch (scrolls sideways)">
      <table className="results-table" data-testid="results-table">
        <caption>After epoch {last.epoch} (held-out users)</caption>
        {byMethod ? (
          <>
            <thead>
              <tr>
                <th scope="col">metric</th>
                {methods.map((m) => (
                  <th scope="col" key={m}>
                    {m}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    {c.yLabel} <span className="muted">{arrow(c)}</span>
                  </th>
                  {methods.map((m) => {
                    const s = c.series.find((x) => x.label === m);
                    return <td key={m}>{cell(s ? last.values[s.key] : undefined)}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </>
        ) : (
          <tbody>
            {rows.flatMap((c) =>
              c.series
                .filter((s) => has(s.key))
                .map((s) => (
                  <tr key={s.key}>
                    <th scope="row">
                      {s.label} <span className="muted">{arrow(c)}</span>
                    </th>
                    <td>{cell(last.values[s.key])}</td>
                  </tr>
                )),
            )}
          </tbody>
        )}
      </table>
    </div>
  );
}
