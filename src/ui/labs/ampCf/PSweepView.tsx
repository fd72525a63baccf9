// The P sweep: accuracy and taste distance of AMP-CF for P = 1 … 6, all trained on the same batches.
import { memo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { PSweepArtifact, PSweepRow } from '../../../core/labs/ampCf/pSweep';
import { ChartTable, useChartOrTable } from '../../charts/ChartTable';
import { num } from './palette';

const HIT = '#6941c6';
const NDCG = '#c11574';
const TASTE = '#0e9384';
const tick = (v: number) => String(Number(v.toPrecision(2)));
const fmt = (v: unknown) => (typeof v === 'number' ? v.toFixed(4) : String(v));

type Col = { key: keyof PSweepRow; label: string; better: 'higher' | 'lower' | null };
const COLUMNS: Col[] = [
  { key: 'hit', label: 'HR@10 ↑', better: 'higher' },
  { key: 'ndcg', label: 'NDCG@10 ↑', better: 'higher' },
  { key: 'tasteDistance', label: 'taste distance ↓', better: 'lower' },
  { key: 'ild', label: 'ILD@10', better: null }, // more varied is not better matched: no direction
  { key: 'purity', label: 'persona purity ↑', better: 'higher' },
  { key: 'chancePurity', label: 'chance purity', better: null },
];

export const PSweepView = memo(function PSweepView({ sweep, personas }: { sweep: PSweepArtifact; personas: number }) {
  const rows = sweep.rows;
  const ps = rows.map((r) => r.personas);
  const xAxis = (
    <XAxis
      dataKey="personas"
      type="number"
      domain={[Math.min(...ps), Math.max(...ps)]}
      ticks={ps}
      allowDecimals={false}
      tick={{ fontSize: 11 }}
      label={{ value: 'P (personas per user; 1 = MF)', position: 'insideBottom', offset: -14, fill: '#555', fontSize: 12 }}
    />
  );
  const marker = ps.includes(personas) ? (
    <ReferenceLine x={personas} stroke="#667085" strokeDasharray="3 3" />
  ) : null;
  const best = bestByColumn(rows);
  const hasPurity = rows.some((r) => r.purity !== undefined);
  const tableRows = rows.map((r) => ({ ...r }));
  const pCol = { key: 'personas', label: 'P (personas per user; 1 = MF)' };
  const accuracy = useChartOrTable(
    `Accuracy of the top 10 by P: HR@10 and NDCG@10 (0–1) against P = ${ps.join(', ')} personas per user (1 = MF). Higher is better.`,
    () => (
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 28, left: 12 }}>
          <CartesianGrid stroke="#e5e8ee" />
          {xAxis}
          <YAxis width={56} domain={[0, 'auto']} tickFormatter={tick} tick={{ fontSize: 11 }} label={{ value: 'HR@10, NDCG@10 (0–1)', angle: -90, position: 'insideLeft', fill: '#555', fontSize: 12, style: { textAnchor: 'middle' } }} />
          <Tooltip formatter={fmt} labelFormatter={(p) => `P = ${p}`} isAnimationActive={false} />
          <Legend verticalAlign="top" height={22} iconSize={10} wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
          {marker}
          <Line dataKey="hit" name="HR@10" stroke={HIT} strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
          <Line dataKey="ndcg" name="NDCG@10" stroke={NDCG} strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    ),
    () => <ChartTable caption="Accuracy of the top 10 by P" columns={[pCol, { key: 'hit', label: 'HR@10 (0–1, higher is better)' }, { key: 'ndcg', label: 'NDCG@10 (0–1, higher is better)' }]} rows={tableRows} />,
    'chart-box ampcf-chart-box',
  );
  const taste = useChartOrTable(
    `Taste distance of the top 10 by P: mean Jensen–Shannon distance in bits between each user's genre mix and the list's, against P = ${ps.join(', ')} personas per user (1 = MF). Lower is better.`,
    () => (
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 28, left: 12 }}>
          <CartesianGrid stroke="#e5e8ee" />
          {xAxis}
          <YAxis width={56} domain={['auto', 'auto']} tickFormatter={tick} tick={{ fontSize: 11 }} label={{ value: 'Jensen–Shannon (bits)', angle: -90, position: 'insideLeft', fill: '#555', fontSize: 12, style: { textAnchor: 'middle' } }} />
          <Tooltip formatter={fmt} labelFormatter={(p) => `P = ${p}`} isAnimationActive={false} />
          <Legend verticalAlign="top" height={22} iconSize={10} wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
          {marker}
          <Line dataKey="tasteDistance" name="taste distance (mean over users)" stroke={TASTE} strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    ),
    () => <ChartTable caption="Taste distance of the top 10 by P" columns={[pCol, { key: 'tasteDistance', label: 'taste distance, mean over users (Jensen–Shannon, bits; lower is better)' }]} rows={tableRows} />,
    'chart-box ampcf-chart-box',
  );
  return (
    <div className="ampcf-psweep" data-testid="ampcf-psweep" data-rows={rows.length}>
      <h4>How many personas? (all users, P = {ps.join(', ')})</h4>
      <p className="small muted">
        Every P trained for {sweep.epochs} epoch{sweep.epochs === 1 ? '' : 's'} on the same batches (same initial item vectors, same negatives), so the rows differ only in P. Measured on
        every user’s held-out click{ps.includes(personas) ? `; the dashed line marks this run’s P = ${personas}` : ''}.
      </p>
      <div className="explorer-views">
        <figure className="chart">
          <figcaption>
            <span className="chart-title">Accuracy of the top 10 by P</span>
            <span className="chart-head-actions">
              <span className="better better-higher">↑ higher is better</span>
              {accuracy.toggle}
            </span>
          </figcaption>
          {accuracy.body}
        </figure>
        <figure className="chart">
          <figcaption>
            <span className="chart-title">Taste distance of the top 10 by P</span>
            <span className="chart-head-actions">
              <span className="better better-lower">↓ lower is better</span>
              {taste.toggle}
            </span>
          </figcaption>
          {taste.body}
        </figure>
      </div>
      <p className="small muted">The sweep’s numbers (↑ higher is better, ↓ lower is better, no arrow: neither; bold = best of a column that has a better direction).</p>
      <div className="ampcf-table-wrap">
        <table className="results-table ampcf-table" aria-label="P sweep: final metrics for each P">
          <thead>
            <tr>
              <th scope="col">P</th>
              {COLUMNS.filter((c) => hasPurity || (c.key !== 'purity' && c.key !== 'chancePurity')).map((c) => (
                <th scope="col" key={c.key}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.personas} className={r.personas === personas ? 'ampcf-row-current' : undefined}>
                <th scope="row">
                  {r.personas}
                  {r.personas === 1 ? ' (MF)' : ''}
                  {r.personas === personas ? ' · this run' : ''}
                </th>
                {COLUMNS.filter((c) => hasPurity || (c.key !== 'purity' && c.key !== 'chancePurity')).map((c) => {
                  const v = r[c.key] as number | undefined;
                  return <td key={c.key}>{best[c.key] === r.personas ? <strong>{num(v, 4)}</strong> : num(v, 4)}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
});

/** For each column with a direction, the P of its best value (first on ties). */
function bestByColumn(rows: PSweepRow[]): Partial<Record<keyof PSweepRow, number>> {
  const out: Partial<Record<keyof PSweepRow, number>> = {};
  for (const c of COLUMNS) {
    if (!c.better) continue;
    let bestP: number | undefined;
    let bestV = c.better === 'higher' ? -Infinity : Infinity;
    for (const r of rows) {
      const v = r[c.key] as number | undefined;
      if (v === undefined || !Number.isFinite(v)) continue;
      if (c.better === 'higher' ? v > bestV : v < bestV) {
        bestV = v;
        bestP = r.personas;
      }
    }
    if (bestP !== undefined) out[c.key] = bestP;
  }
  return out;
}
