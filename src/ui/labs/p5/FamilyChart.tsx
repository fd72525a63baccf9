// One family's headline metric as bars: the unified and the per-task model, each on seen and on held-out templates.
import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ModelRow, Scores } from '../../../core/labs/p5/artifacts';
import { MODEL_COLORS } from '../../../core/labs/p5';
import { FAMILY_LABELS } from '../../../core/labs/p5/config';
import type { P5Family } from '../../../core/p5/templates';
import { ChartTable, useChartOrTable } from '../../charts/ChartTable';
import { betterOf, HEADLINE, headlineBars, metricName, num, tick } from './format';

export const FamilyChart = memo(function FamilyChart({ rows, family, popularity }: { rows: readonly ModelRow[]; family: P5Family; popularity?: Scores | null }) {
  const { metric, unit } = HEADLINE[family];
  const better = betterOf(metric);
  const name = metricName(metric);
  const data = headlineBars(rows, family, popularity).map((b) => ({ ...b, label: b.name }));
  const axis = `test ${name} (${unit}), ${better} is better`;
  const label = `${FAMILY_LABELS[family]}: test ${name} per model on seen and held-out templates, ${better} is better: ${data.map((d) => `${d.name} ${num(d.value)}`).join(', ')}.`;
  const view = useChartOrTable(
    label,
    () => (
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 48, bottom: 26, left: 4 }}>
          <CartesianGrid stroke="#e5e8ee" horizontal={false} />
          <XAxis
            type="number"
            domain={[0, 'auto']}
            tickFormatter={tick}
            tick={{ fontSize: 11 }}
            label={{ value: `${axis} ${better === 'higher' ? '→' : '←'}`, position: 'insideBottom', offset: -14, fill: '#555', fontSize: 12 }}
          />
          <YAxis type="category" dataKey="name" width={112} tick={{ fontSize: 11 }} interval={0} />
          <Tooltip isAnimationActive={false} formatter={(v: unknown) => [typeof v === 'number' ? v.toFixed(4) : '—', `test ${name}`]} />
          <Bar dataKey="value" isAnimationActive={false}>
            {data.map((d) => (
              <Cell key={d.id} fill={MODEL_COLORS[d.model]} fillOpacity={d.heldOut ? 0.45 : 1} stroke={MODEL_COLORS[d.model]} />
            ))}
            <LabelList dataKey="value" position="right" formatter={(v: unknown) => (typeof v === 'number' ? v.toFixed(3) : '')} style={{ fontSize: 10, fill: '#344054' }} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    ),
    () => (
      <ChartTable
        caption={`${FAMILY_LABELS[family]}: test ${name} per model and templates (${better} is better)`}
        columns={[
          { key: 'name', label: 'model, templates' },
          { key: 'value', label: axis },
        ]}
        rows={data}
      />
    ),
    'chart-box p5-chart-box',
  );
  return (
    <figure className="chart" data-testid="p5-family-chart" data-family={family}>
      <figcaption>
        <span className="chart-title">
          {FAMILY_LABELS[family]}: test {name}, seen vs held-out templates
        </span>
        <span className="chart-head-actions">
          <span className={`better better-${better}`}>{better === 'higher' ? '↑ higher is better' : '↓ lower is better'}</span>
          {view.toggle}
        </span>
      </figcaption>
      {view.body}
      <p className="small muted p5-key">Solid bars: the three seen templates (mean); pale bars: the held-out template.</p>
    </figure>
  );
});
