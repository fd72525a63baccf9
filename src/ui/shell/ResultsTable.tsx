// The latest value of every per-epoch series, as a table to read exact numbers from.
import type { ChartSpec } from '../../core/experiment/types';
import { selectCurrentRun, selectLab } from '../../state/selectors';
import { useLabStore } from '../appStore';

const arrow = (c: ChartSpec) => (c.better === 'higher' ? '↑' : '↓');

export function ResultsTable() {
  const lab = useLabStore(selectLab);
  const last = useLabStore((s) => selectCurrentRun(s)?.epochs.at(-1));
  const charts = lab.charts.filter((c) => c.source === 'epoch');
  // A lab without epoch charts shows its numbers in its own panels.
  if (!last || charts.length === 0) return null;
  const allMethods = [...new Set(charts.flatMap((c) => c.series.map((s) => s.label)))];
  // Methods as columns when every chart compares the same methods (pop vs MF); else one row per series.
  const comparesMethods = charts.every((c) => c.series.length === allMethods.length && c.series.every((s) => allMethods.includes(s.label)));
  // Series this run did not train (a lab may declare more variants than one run trains) are left out.
  const hasValue = (key: string) => last.values[key] !== undefined;
  const methods = allMethods.filter((m) => charts.some((c) => c.series.some((s) => s.label === m && hasValue(s.key))));
  return (
    <table className="results-table" data-testid="results-table">
      <caption>After epoch {last.epoch} (held-out users)</caption>
      {comparesMethods ? (
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
            {charts.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  {c.yLabel} <span className="muted">{arrow(c)}</span>
                </th>
                {methods.map((m) => {
                  const v = last.values[c.series.find((s) => s.label === m)!.key];
                  return <td key={m}>{v === undefined ? '–' : v.toFixed(4)}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </>
      ) : (
        <tbody>
          {charts.flatMap((c) =>
            c.series.filter((s) => hasValue(s.key)).map((s) => (
              <tr key={s.key}>
                <th scope="row">
                  {s.label} <span className="muted">{arrow(c)}</span>
                </th>
                <td>{last.values[s.key] === undefined ? '–' : last.values[s.key].toFixed(4)}</td>
              </tr>
            )),
          )}
        </tbody>
      )}
    </table>
  );
}
