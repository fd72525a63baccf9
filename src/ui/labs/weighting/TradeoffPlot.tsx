// The compact trade-off plot beside the sliders: accuracy lost for diversity along the hand-weight line, as % of the
// relevance-only point, under both metric families on one scale: from this page's Pareto sweep, else the recorded arena.
import { useMemo } from 'react';
import { CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { ArenaRecord } from '../../../core/arena/arena';
import recorded from '../../../core/arena/arena.json';
import type { LabState } from '../../../state/store';
import { useLabStore } from '../../appStore';
import { ChartTable, useChartOrTable } from '../../charts/ChartTable';
import { sharedRange, signedPercent } from '../../sweep/relativeScale';
import { handFromArena, handFromSweep, tradeoffRows } from './tradeoff';

const RECORD = recorded as ArenaRecord;
const NONE: never[] = [];
/** This lab's Pareto sweep runs (a new array only when a run finishes, so sweep progress does not redraw the plot). */
const selectParetoRuns = (s: LabState) => (s.sweep.labId === 'weighting' && s.sweep.planId === 'pareto' ? s.sweep.runs : NONE);
const tick = (v: number) => String(Number(v.toPrecision(3)));

export function TradeoffPlot() {
  const runs = useLabStore(selectParetoRuns);
  const fromSweep = useMemo(() => tradeoffRows(handFromSweep(runs)), [runs]);
  const fromRecord = useMemo(() => tradeoffRows(handFromArena(RECORD)), []);
  const own = fromSweep.length >= 2;
  const rows = own ? fromSweep : fromRecord;
  const range = useMemo(() => sharedRange(rows.flatMap((r) => [r.precision, r.hit]), 10), [rows]);
  const last = rows[rows.length - 1];
  const { toggle, body } = useChartOrTable(
    `Trade-off along the hand-weight line (w = 1 → 0, ${rows.length} points): Precision@10 and HR@10 as % change from relevance alone (w = 1) against ILD@10 diversity. Up and right is better.`,
    () => (
      rows.length === 0 ? (
        <div className="chart-empty">Run the Pareto sweep below to draw it.</div>
      ) : (
        <ResponsiveContainer width="100%" height="100%">
          <ScatterChart margin={{ top: 6, right: 10, bottom: 16, left: 0 }}>
            <CartesianGrid stroke="#e5e8ee" />
            <XAxis type="number" dataKey="x" domain={['dataMin', 'dataMax']} tickFormatter={tick} tick={{ fontSize: 10 }} height={26} label={{ value: 'ILD@10 (diversity) →', position: 'insideBottom', offset: -6, fill: '#555', fontSize: 11 }} />
            <YAxis type="number" domain={range} tickFormatter={(v) => signedPercent(v)} tick={{ fontSize: 10 }} width={44} />
            <ReferenceLine y={0} stroke="#98a2b3" strokeDasharray="4 3" />
            <Tooltip isAnimationActive={false} formatter={(v) => signedPercent(Number(v), 1)} labelFormatter={() => ''} />
            <Legend verticalAlign="top" height={20} iconSize={8} wrapperStyle={{ fontSize: 11 }} />
            <Scatter name="Precision@10 (all consumed)" data={rows.map((r) => ({ x: r.x, y: r.precision }))} dataKey="y" fill="#2f6fdd" line={{ stroke: '#2f6fdd', strokeWidth: 2 }} lineType="joint" isAnimationActive={false} />
            <Scatter name="HR@10 (a few consumed)" data={rows.map((r) => ({ x: r.x, y: r.hit }))} dataKey="y" fill="#b54708" line={{ stroke: '#b54708', strokeWidth: 2 }} lineType="joint" isAnimationActive={false} />
          </ScatterChart>
        </ResponsiveContainer>
      )
    ),
    () => (
      <ChartTable
        caption="Trade-off: accuracy vs diversity along the hand-weight line"
        columns={[
          { key: 'x', label: 'ILD@10 (diversity, higher is better)' },
          { key: 'w', label: 'hand weight w' },
          { key: 'precision', label: 'Precision@10, % change from w = 1' },
          { key: 'hit', label: 'HR@10, % change from w = 1' },
        ]}
        rows={rows.map((r) => ({ x: r.x, w: r.w, precision: signedPercent(r.precision, 1), hit: signedPercent(r.hit, 1) }))}
      />
    ),
    'chart-box tradeoff-box',
  );
  return (
    <figure className="chart tradeoff" data-testid="tradeoff-plot" data-source={own ? 'sweep' : 'recorded'} data-points={rows.length}>
      <figcaption>
        <span className="chart-title">Trade-off: accuracy vs diversity</span>
        <span className="chart-head-actions">
          <span className="better better-higher">↗ better</span>
          {toggle}
        </span>
      </figcaption>
      {body}
      <p className="small muted tradeoff-note">
        Hand weights w = 1 → 0, % change from w = 1.{' '}
        {last ? (
          <>
            At w = 0: Precision {signedPercent(last.precision)}, HR@10 {signedPercent(last.hit)} —{' '}
          </>
        ) : null}
        {own ? 'from your sweep below.' : `recorded on ${RECORD.dataset}, mean of ${RECORD.seeds.length} seed${RECORD.seeds.length === 1 ? '' : 's'} (npm run lab -- arena); run the sweep to draw yours.`}
      </p>
    </figure>
  );
}
