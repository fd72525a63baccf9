// The ablation: every trained model's test Recall@20 (or NDCG@20) as one bar, the depth sweep's models included.
import { memo, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ModelRow } from '../../../core/labs/kgat/artifacts';
import { ChartTable, useChartOrTable } from '../../charts/ChartTable';
import { colorOf, labelOf, num, shortName } from './format';

type Metric = 'recall' | 'ndcg';

export const AblationView = memo(function AblationView({ rows, k }: { rows: ModelRow[]; k: number }) {
  const [metric, setMetric] = useState<Metric>('recall');
  const name = metric === 'recall' ? `Recall@${k}` : `NDCG@${k}`;
  const data = rows.map((r) => ({ id: r.id, name: shortName(r.id, r.layers), full: labelOf(r.id, r.label), layers: r.layers, value: r.test ? r.test[metric] : null }));
  const axis = `test ${name} (higher is better)`;
  const label = `Ablation: test ${name} of each model, higher is better: ${data.map((d) => `${d.full} ${num(d.value)}`).join(', ')}.`;
  const view = useChartOrTable(
    label,
    () => (
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 44, bottom: 26, left: 4 }}>
          <CartesianGrid stroke="#e5e8ee" horizontal={false} />
          <XAxis
            type="number"
            domain={[0, 'auto']}
            tickFormatter={(v: number) => v.toFixed(2)}
            tick={{ fontSize: 11 }}
            label={{ value: `${axis} →`, position: 'insideBottom', offset: -14, fill: '#555', fontSize: 12 }}
          />
          <YAxis type="category" dataKey="name" width={118} tick={{ fontSize: 11 }} interval={0} />
          <Tooltip isAnimationActive={false} formatter={(v: unknown) => [typeof v === 'number' ? v.toFixed(4) : '—', `test ${name}`]} labelFormatter={(_l: unknown, p) => String(p?.[0]?.payload?.full ?? _l)} />
          <Bar dataKey="value" isAnimationActive={false}>
            {data.map((d) => (
              <Cell key={d.id} fill={colorOf(d.id, d.layers)} />
            ))}
            <LabelList dataKey="value" position="right" formatter={(v: unknown) => (typeof v === 'number' ? v.toFixed(3) : '')} style={{ fontSize: 10, fill: '#344054' }} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    ),
    () => (
      <ChartTable
        caption={`Ablation: test ${name} per model (higher is better)`}
        columns={[
          { key: 'full', label: 'model' },
          { key: 'value', label: axis },
        ]}
        rows={data}
      />
    ),
    'chart-box kg-ablation-box',
  );
  return (
    <div className="kg-section" data-testid="kgat-ablation">
      <figure className="chart">
        <figcaption>
          <span className="chart-title">What each piece buys: test {name} per model</span>
          <span className="chart-head-actions">
            <label className="small">
              metric{' '}
              <select value={metric} onChange={(e) => setMetric(e.target.value as Metric)} data-testid="kgat-ablation-metric">
                <option value="recall">Recall@{k}</option>
                <option value="ndcg">NDCG@{k}</option>
              </select>
            </label>
            <span className="better better-higher">↑ higher is better</span>
            {view.toggle}
          </span>
        </figcaption>
        {view.body}
      </figure>
      <p className="small muted">
        KGAT and its baselines are the same code with one piece removed: BPR-MF has no propagation, “no attention” mixes neighbours with fixed weights, “no KG”
        propagates over the interactions only.{rows.some((r) => r.id.startsWith('kgat-l')) ? ' The depth sweep’s models (other L, grey-green shades) differ from KGAT only in depth.' : ''}
      </p>
    </div>
  );
});
