// The diversity-weight sweep on the trained model, as one picture: every MMR list scored by Precision and by the
// consumption-aware utilities, each as its change from the top 10, against the genre diversity the list reached.
import { memo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartTable, useChartOrTable } from '../../charts/ChartTable';
import { DIVERSITY_WEIGHTS, sweepKey, type spreadOverSeeds } from '../../../core/labs/consumption/tables';

const LINES = [
  { key: 'precision', name: 'Precision@10 (all 10 consumed)', color: '#b42318', dash: undefined },
  { key: 'hit', name: 'HR@10 = U₁ (one consumed)', color: '#2f6fdd', dash: '6 3' },
  { key: 'consumption@2', name: 'U₂', color: '#12b76a', dash: '2 2' },
  { key: 'consumption@3', name: 'U₃', color: '#d9822b', dash: '8 2 2 2' },
] as const;

export interface SweepPoint {
  w: number;
  ild: number;
  [metric: string]: number;
}

/** One point per weight: the mean ILD over seeds, and each metric's change from w = 0 in % of its w = 0 value. */
export function sweepPoints(spread: ReturnType<typeof spreadOverSeeds>): SweepPoint[] {
  const base = Object.fromEntries(LINES.map((l) => [l.key, spread[sweepKey(0, l.key)]?.mean]));
  if (!LINES.every((l) => base[l.key] > 0) || !spread[sweepKey(0, 'ild')]) return [];
  return DIVERSITY_WEIGHTS.map((w) => {
    const p: SweepPoint = { w, ild: spread[sweepKey(w, 'ild')].mean };
    for (const l of LINES) p[l.key] = (100 * (spread[sweepKey(w, l.key)].mean - base[l.key])) / base[l.key];
    return p;
  });
}

const pct = (v: unknown) => (typeof v === 'number' ? `${v >= 0 ? '+' : ''}${v.toFixed(1)}%` : String(v));

export const DiversitySweepView = memo(function DiversitySweepView({ points, seeds }: { points: SweepPoint[]; seeds: number }) {
  const at = (w: number) => points.find((p) => p.w === w);
  const mid = at(0.3);
  const { toggle, body } = useChartOrTable(
    `${LINES.map((l) => l.name).join(', ')}, each as % change from the top 10 (w = 0), against the ILD@10 genre diversity the lists reach, for diversity weights w = ${DIVERSITY_WEIGHTS.join(', ')}; mean over ${seeds} seed${seeds === 1 ? '' : 's'}. Higher is better for each metric.`,
    () => (
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ top: 8, right: 16, bottom: 30, left: 12 }}>
            <CartesianGrid stroke="#e5e8ee" />
            <XAxis
              dataKey="ild"
              type="number"
              domain={['dataMin', 'dataMax']}
              tickFormatter={(v: number) => v.toFixed(2)}
              tick={{ fontSize: 11 }}
              label={{ value: 'ILD@10 of the lists (genre diversity, 0–1) →', position: 'insideBottom', offset: -16, fill: '#555', fontSize: 12 }}
            />
            <YAxis
              width={56}
              tickFormatter={(v: number) => `${v}%`}
              tick={{ fontSize: 11 }}
              label={{ value: 'change from the top 10 (%)', angle: -90, position: 'insideLeft', fill: '#555', fontSize: 12, style: { textAnchor: 'middle' } }}
            />
            <ReferenceLine y={0} stroke="#667085" />
            <Tooltip formatter={pct} labelFormatter={(ild) => { const p = points.find((x) => x.ild === ild); return `w = ${p?.w ?? '?'}, ILD@10 ${Number(ild).toFixed(3)}`; }} isAnimationActive={false} />
            <Legend verticalAlign="top" height={40} iconSize={10} wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
            {LINES.map((l) => (
              <Line key={l.key} dataKey={l.key} name={l.name} stroke={l.color} strokeDasharray={l.dash} strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
            ))}
          </LineChart>
        </ResponsiveContainer>
    ),
    () => (
      <ChartTable
        caption="A hand-set diversity weight, scored two ways: change from the top 10"
        columns={[{ key: 'ild', label: 'ILD@10 (genre diversity, 0–1)' }, { key: 'w', label: 'diversity weight w' }, ...LINES.map((l) => ({ key: l.key, label: `${l.name}, change from w = 0 (%, higher is better)` }))]}
        rows={points.map((p) => ({ ...p, ...Object.fromEntries(LINES.map((l) => [l.key, pct(p[l.key])])) }))}
      />
    ),
    'chart-box sweep-box',
  );
  return (
    <figure className="chart" data-testid="diversity-sweep" data-points={points.length}>
      <figcaption>
        <span className="chart-title">A hand-set diversity weight, scored two ways</span>
        <span className="chart-head-actions">
          <span className="better better-higher">↑ higher is better (each metric)</span>
          {toggle}
        </span>
      </figcaption>
      <p className="small muted">
        Maximal Marginal Relevance (Carbonell &amp; Goldstein, SIGIR 1998) re-ranks the same scores with a diversity weight w = {DIVERSITY_WEIGHTS[0]} … {DIVERSITY_WEIGHTS[DIVERSITY_WEIGHTS.length - 1]}:
        each next item maximises (1 − w)·relevance − w·(largest genre similarity to the items already in the list). Each line is one metric’s change from the top 10
        (w = 0), in % of its value there, against the genre diversity (ILD@10) the lists reach; mean over {seeds} seed{seeds === 1 ? '' : 's'}.
        {mid ? ` At w = 0.3: Precision@10 ${pct(mid.precision)}, HR@10 ${pct(mid.hit)}, U₂ ${pct(mid['consumption@2'])}, U₃ ${pct(mid['consumption@3'])}.` : ''}
      </p>
      {body}
    </figure>
  );
});
