// Test scores by bucket: items by popularity or users by activity, each model's Recall@20 / NDCG@20 per bucket, or each
// model's relative gain over BPR-MF — the lab's question: are KGAT's gains largest on cold items?
import { memo, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { BucketRows, KgatArtifacts } from '../../../core/labs/kgat/artifacts';
import { ChartTable, useChartOrTable } from '../../charts/ChartTable';
import { colorOf, gainPct, int, MODELS, num, shortName, signedPct } from './format';
import { BucketPickers, type BucketShow, type Grouping } from './BucketPickers';

const range = (b: BucketRows['buckets'][number]) => (b.min === b.max ? String(b.min) : `${b.min}–${b.max}`);

export const BucketsView = memo(function BucketsView({ buckets, k }: { buckets: KgatArtifacts['buckets']; k: number }) {
  const [grouping, setGrouping] = useState<Grouping>('popularity');
  const [metric, setMetric] = useState<'recall' | 'ndcg'>('recall');
  const [show, setShow] = useState<BucketShow>('scores');
  const b = buckets[grouping];
  const gain = show === 'gain';
  const models = MODELS.filter((m) => b[metric][m] && (!gain || m !== 'bprmf'));
  const name = `${metric === 'recall' ? 'Recall' : 'NDCG'}@${k}`;
  const who = grouping === 'popularity' ? 'items' : 'users';
  const xLabel = grouping === 'popularity' ? 'item’s training interactions (bucket)' : 'user’s training interactions (bucket)';
  const yLabel = gain ? `gain over BPR-MF in test ${name} (%, higher is better)` : `test ${name} (higher is better)`;
  const valueOf = (m: string, i: number) => (gain ? gainPct(b[metric][m][i], b[metric].bprmf?.[i]) : b[metric][m][i]);
  const rows = b.buckets.map((bk, i) => {
    const row: Record<string, string | number | null> = { x: range(bk), label: bk.label, members: bk.members, heldOut: bk.heldOut };
    for (const m of models) row[m] = valueOf(m, i);
    return row;
  });
  const gaps = rows.some((r) => models.some((m) => r[m] === null));
  const fmt = (v: unknown) => (typeof v === 'number' ? (gain ? signedPct(v) : num(v)) : '— no data');
  const label =
    `Test ${name} by bucket of ${who}${gain ? ', as the relative gain over BPR-MF' : ''}, higher is better: ` +
    rows.map((r) => `${r.label}: ${models.map((m) => `${shortName(m, 2)} ${fmt(r[m])}`).join(', ')}`).join('; ') + '.';
  const view = useChartOrTable(
    label,
    () => (
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 4, right: 8, bottom: 28, left: 8 }}>
          <CartesianGrid stroke="#e5e8ee" vertical={false} />
          <XAxis dataKey="x" tick={{ fontSize: 11 }} interval={0} label={{ value: xLabel, position: 'insideBottom', offset: -16, fill: '#555', fontSize: 12 }} />
          <YAxis
            width={56}
            tick={{ fontSize: 11 }}
            tickFormatter={(v: number) => (gain ? `${v.toFixed(0)}%` : v.toFixed(2))}
            label={{ value: gain ? `gain over BPR-MF (%) ↑` : `test ${name} ↑`, angle: -90, position: 'insideLeft', fill: '#555', fontSize: 12, style: { textAnchor: 'middle' } }}
          />
          <Tooltip
            isAnimationActive={false}
            labelFormatter={(_l: unknown, p) => {
              const r = p?.[0]?.payload as Record<string, unknown> | undefined;
              return r ? `${String(r.label)} (${int(Number(r.members))} ${who}, ${int(Number(r.heldOut))} held-out)` : String(_l);
            }}
            formatter={(v: unknown, n: unknown) => [fmt(v), String(n)]}
          />
          <Legend itemSorter={null} verticalAlign="top" height={24} iconSize={10} wrapperStyle={{ fontSize: 12 }} />
          {gain ? <ReferenceLine y={0} stroke="#d9822b" strokeDasharray="4 3" /> : null}
          {models.map((m) => (
            <Bar key={m} dataKey={m} name={shortName(m, 2)} fill={colorOf(m, 2)} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    ),
    () => (
      <ChartTable
        caption={`${yLabel} by bucket of ${who}; – = no data`}
        columns={[
          { key: 'label', label: 'bucket' },
          { key: 'members', label: who },
          { key: 'heldOut', label: 'held-out interactions' },
          ...models.map((m) => ({ key: m, label: `${shortName(m, 2)}${gain ? ' (%)' : ''}` })),
        ]}
        rows={rows}
      />
    ),
    'chart-box kg-buckets-box',
  );
  return (
    <div className="kg-section" data-testid="kgat-buckets" data-grouping={grouping}>
      <figure className="chart">
        <figcaption>
          <span className="chart-title">
            {gain ? `Gain over BPR-MF in test ${name}` : `Test ${name}`} by {grouping === 'popularity' ? 'item popularity' : 'user activity'}
          </span>
          <span className="chart-head-actions">
            <span className="better better-higher">↑ higher is better</span>
            {view.toggle}
          </span>
        </figcaption>
        <BucketPickers grouping={grouping} setGrouping={setGrouping} metric={metric} setMetric={setMetric} show={show} setShow={setShow} k={k} />
        {view.body}
      </figure>
      <ul className="kg-bucket-list small muted" data-testid="kgat-bucket-list">
        {b.buckets.map((bk) => (
          <li key={bk.id}>
            <strong>{range(bk)}</strong>: {bk.label} — {int(bk.members)} {who}, {int(bk.heldOut)} held-out test interactions
          </li>
        ))}
      </ul>
      <p className="small muted">
        {grouping === 'popularity'
          ? 'Items are sorted by their training interactions and cut so each bucket holds about the same number of held-out test interactions; a bucket’s Recall counts only the held-out items in it. '
          : 'Users are sorted by their training interactions and cut into buckets of equal size. '}
        {gain ? 'Gain = (model − BPR-MF) / BPR-MF per bucket. ' : ''}
        {gaps ? 'A missing bar is a bucket with no data (no held-out interaction there, or BPR-MF at 0), not a zero.' : 'A missing bar would mean no data, not a zero.'}
      </p>
    </div>
  );
});
