// Every policy on the same test conversations: SR@t as lines (one per policy, rules dashed) and a table of
// SR@5, SR@15, AT, hDCG and asks per conversation, with where the learned policies' weights were chosen.
import { memo } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TestCurvesArtifact } from '../../../core/labs/conversation/artifacts';
import type { PolicyId } from '../../../core/labs/conversation/config';
import { ChartTable, useChartOrTable } from '../../charts/ChartTable';
import { isLearned, noteOf, num, pct, POLICY_COLORS, shortLabel } from './format';

const X_LABEL = 'turn t (agent actions)';
const Y_LABEL = 'success within t turns (share of test conversations)';


function Swatch({ id }: { id: string }) {
  return <span className={`conv-swatch${isLearned(id) ? '' : ' conv-swatch-rule'}`} style={{ borderColor: POLICY_COLORS[id as PolicyId] }} aria-hidden="true" />;
}

export const TestView = memo(function TestView({ curves }: { curves: TestCurvesArtifact }) {
  const ts = Array.from({ length: curves.turns }, (_, i) => i + 1);
  const rows = ts.map((t) => {
    const row: Record<string, number> = { t };
    for (const p of curves.policies) row[p.id] = p.sr[t - 1];
    return row;
  });
  const last = curves.turns;
  const mid = Math.min(5, last);
  const label =
    `Success within t turns on ${curves.episodes} test conversations: ${Y_LABEL} against ${X_LABEL}, t = 1 to ${last}; ` +
    `${curves.policies.map((p) => `${p.label} reaches ${pct(p.sr[last - 1])}`).join(', ')}. Higher is better.`;
  const view = useChartOrTable(
    label,
    () => (
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 28, left: 12 }}>
          <CartesianGrid stroke="#e5e8ee" />
          <XAxis
            dataKey="t"
            type="number"
            domain={[1, last]}
            ticks={ts.filter((t) => t === 1 || t % 2 === 1 || t === last)}
            allowDecimals={false}
            tick={{ fontSize: 11 }}
            label={{ value: X_LABEL, position: 'insideBottom', offset: -14, fill: '#555', fontSize: 12 }}
          />
          <YAxis
            width={56}
            domain={[0, 1]}
            tickFormatter={pct}
            tick={{ fontSize: 11 }}
            label={{ value: 'success within t (share)', angle: -90, position: 'insideLeft', fill: '#555', fontSize: 12, style: { textAnchor: 'middle' } }}
          />
          <Tooltip isAnimationActive={false} labelFormatter={(t: unknown) => `within ${t} turn${t === 1 ? '' : 's'}`} formatter={(v: unknown) => (typeof v === 'number' ? pct(v) : String(v))} />
          {curves.policies.map((p) => (
            <Line
              key={p.id}
              dataKey={p.id}
              name={p.label}
              type="linear"
              stroke={POLICY_COLORS[p.id as PolicyId]}
              strokeWidth={isLearned(p.id) ? 2.5 : 1.8}
              strokeDasharray={isLearned(p.id) ? undefined : '6 4'}
              dot={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    ),
    () => (
      <ChartTable
        caption={`Success within t turns on ${curves.episodes} test conversations (share; higher is better)`}
        columns={[{ key: 't', label: X_LABEL }, ...curves.policies.map((p) => ({ key: p.id, label: p.label }))]}
        rows={rows}
      />
    ),
    'chart-box conv-chart-box',
  );
  return (
    <div className="conv-section" data-testid="conv-test-view">
      <p className="small">
        Every policy plays the same <strong data-testid="conv-test-episodes">{curves.episodes}</strong> test conversations (held out from training and validation). A turn
        here is one agent action: ask an attribute or recommend 10 items; the conversation ends at a hit or after {curves.turns} turns.
      </p>
      <figure className="chart" data-testid="conv-test-chart" data-series={curves.policies.length}>
        <figcaption>
          <span className="chart-title">Success within t turns (SR@t) on the test conversations</span>
          <span className="chart-head-actions">
            <span className="better better-higher">↑ higher is better</span>
            {view.toggle}
          </span>
        </figcaption>
        {view.asTable ? null : (
          <ul className="conv-legend" aria-hidden="true">
            {curves.policies.map((p) => (
              <li key={p.id}>
                <Swatch id={p.id} /> {p.label}
              </li>
            ))}
          </ul>
        )}
        {view.body}
      </figure>
      <p className="small muted">
        SR@t: the share found within t turns (higher is better). AT: average turns, a failure counting {curves.turns} (lower is better). hDCG: 1 for a hit on the first
        turn at rank 1, less the later the turn and the lower the target’s place in the list, 0 on a failure (higher is better). A question answered yes earns +0.01 and narrows the candidates; a no costs −0.1 and only lowers the score of
        items that have the attribute.
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Every policy on the test conversations (scrolls sideways)">
        <table className="results-table conv-table" data-testid="conv-test-table">
          <caption className="sr-only">Every policy on the {curves.episodes} test conversations</caption>
          <thead>
            <tr>
              <th scope="col">policy</th>
              <th scope="col">SR@{mid} ↑</th>
              <th scope="col">SR@{last} ↑</th>
              <th scope="col">AT ↓</th>
              <th scope="col">hDCG ↑</th>
              <th scope="col">asks per conversation</th>
              <th scope="col">share of asks answered yes</th>
            </tr>
          </thead>
          <tbody>
            {curves.policies.map((p) => (
              <tr key={p.id} data-testid="conv-test-row" data-policy={p.id}>
                <th scope="row">
                  <Swatch id={p.id} /> {shortLabel(p.label)} <span className="conv-policy-note">{noteOf(p.label)}</span>
                </th>
                <td>{num(p.sr[mid - 1], 3)}</td>
                <td>{num(p.sr[last - 1], 3)}</td>
                <td>{num(p.at, 2)}</td>
                <td>{num(p.hdcg, 3)}</td>
                <td>{num(p.asks, 2)}</td>
                <td>{num(p.accepted, 2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="small muted" data-testid="conv-selected-at">
        The learned policies are scored with the weights of their best validation SR@{last}: the unified policy’s after{' '}
        <strong>{curves.selectedAt.unified.toLocaleString('en-US')}</strong> training conversations, the separated one’s after{' '}
        <strong>{curves.selectedAt.separated.toLocaleString('en-US')}</strong>. The rules learn nothing.
      </p>
      {curves.unifiedWhen && (
        <p className="small muted" data-testid="conv-unified-when">
          Diagnostic — the unified policy’s own decisions of when to ask, with every question chosen by the max-entropy picker instead: SR@{last}{' '}
          <strong>{num(curves.unifiedWhen.sr15, 3)}</strong>, AT <strong>{num(curves.unifiedWhen.at, 2)}</strong> (the unified policy itself:{' '}
          {num(curves.policies.find((p) => p.id === 'unified')?.sr[last - 1], 3)}). A gain here means its questions, not its timing, cost it.
        </p>
      )}
    </div>
  );
});
