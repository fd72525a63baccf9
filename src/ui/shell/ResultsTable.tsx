// The latest value of every per-epoch series, as a table to read exact numbers from.
import { selectCurrentRun, selectLab } from '../../state/selectors';
import { useLabStore } from '../appStore';

export function ResultsTable() {
  const lab = useLabStore(selectLab);
  const last = useLabStore((s) => selectCurrentRun(s)?.epochs.at(-1));
  const charts = lab.charts.filter((c) => c.source === 'epoch');
  const methods = [...new Map(charts.flatMap((c) => c.series.map((s) => [s.label, s.color] as const))).keys()];
  if (!last) return null;
  return (
    <table className="results-table" data-testid="results-table">
      <caption>After epoch {last.epoch} (held-out clicks)</caption>
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
              {c.yLabel} <span className="muted">{c.better === 'higher' ? '↑' : '↓'}</span>
            </th>
            {methods.map((m) => {
              const key = c.series.find((s) => s.label === m)?.key;
              const v = key ? last.values[key] : undefined;
              return <td key={m}>{v === undefined ? '–' : v.toFixed(4)}</td>;
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
