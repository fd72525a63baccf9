// The crosses sweep: test AUC against model size (parameters, log scale) as the wide part gets the top N crosses,
// for the joint model and the ensemble, with the deep model alone as a reference.
import { memo, useState } from 'react';
import { CartesianGrid, LabelList, Legend, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { CrossSweepArtifact } from '../../../core/labs/wideDeep/artifacts';
import { ChartTable, useChartOrTable } from '../../charts/ChartTable';
import { int, MODEL_COLORS } from './format';

const tick = (v: number) => (v >= 1000 ? `${Number((v / 1000).toPrecision(3))}k` : String(Math.round(v)));

/** The metrics the sweep chart can plot: each with its words, its unit and which way is better. */
const METRICS = {
  auc: { label: 'test AUC', axis: 'test AUC ↑', better: 'higher', unit: '' },
  exceptionLogloss: { label: 'log-loss on the planted exceptions', axis: 'exception log-loss (nats) ↓', better: 'lower', unit: ' nats' },
  logloss: { label: 'test log-loss', axis: 'test log-loss (nats) ↓', better: 'lower', unit: ' nats' },
} as const;
type Metric = keyof typeof METRICS;

/** A row's value of `metric` for one model (NaN when the run has no exceptions). */
function valueOf(r: CrossSweepArtifact['rows'][number], metric: Metric, model: 'joint' | 'ensemble'): number {
  if (metric === 'exceptionLogloss') return r.exceptionLogloss?.[model] ?? NaN;
  return r[metric][model];
}

export const CrossSweepView = memo(function CrossSweepView({ sweep }: { sweep: CrossSweepArtifact }) {
  const hasExceptions = sweep.rows.some((r) => r.exceptionLogloss) && sweep.deep.exceptionLogloss !== null;
  const [picked, setMetric] = useState<Metric>('auc');
  const metric: Metric = picked === 'exceptionLogloss' && !hasExceptions ? 'auc' : picked;
  const m = METRICS[metric];
  const deepValue = metric === 'exceptionLogloss' ? (sweep.deep.exceptionLogloss ?? NaN) : sweep.deep[metric];
  // Size as all trainable parameters, or as the wide weights FTRL's L1 left non-zero (the wide part's effective size).
  const [size, setSize] = useState<'params' | 'nonzero'>('params');
  const sizeLabel = size === 'params' ? 'parameters (log scale)' : 'non-zero wide weights (log scale)';
  const joint = sweep.rows.map((r) => ({ params: size === 'params' ? r.jointParams : r.nonzeroWide.joint, auc: valueOf(r, metric, 'joint'), n: r.crosses }));
  const ensemble = sweep.rows.map((r) => ({ params: size === 'params' ? r.ensembleParams : r.nonzeroWide.wide, auc: valueOf(r, metric, 'ensemble'), n: r.crosses }));
  // The deep model is a horizontal reference line: its AUC widens the y range, its size not the x range.
  const xs = [...joint, ...ensemble].map((p) => p.params);
  const ys = [...joint, ...ensemble].map((p) => p.auc).concat(deepValue).filter((v) => Number.isFinite(v));
  const pad = ys.length ? Math.max(0.005, (Math.max(...ys) - Math.min(...ys)) * 0.15) : 0;
  // A pad of 6% of the span on the log scale: the sizes often differ by a few percent only (crosses add one weight each).
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const xPad = Math.max(1.002, Math.pow(hi / lo, 0.06));
  const ns = sweep.rows.map((r) => r.crosses).join(', ');
  const label =
    `Crosses sweep: ${m.label} (${m.better} is better) against ${sizeLabel}, as the wide part gets the top N = ${ns} crosses; ` +
    `one line for the joint model, one for the ensemble, the deep model alone (${deepValue.toFixed(4)}${m.unit}, ${int(sweep.deep.params)} parameters) as a dashed reference line.`;
  const view = useChartOrTable(
    label,
    () => (
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ top: 24, right: 20, bottom: 30, left: 12 }}>
          <CartesianGrid stroke="#e5e8ee" />
          <XAxis
            type="number"
            dataKey="params"
            scale="log"
            domain={[lo / xPad, hi * xPad]}
            tickFormatter={tick}
            tick={{ fontSize: 11 }}
            name={size === 'params' ? 'parameters' : 'non-zero wide weights'}
            label={{ value: sizeLabel, position: 'insideBottom', offset: -16, fill: '#555', fontSize: 12 }}
          />
          <YAxis
            type="number"
            dataKey="auc"
            width={56}
            domain={ys.length ? [Math.min(...ys) - pad, Math.max(...ys) + pad] : ['auto', 'auto']}
            tickFormatter={(v: number) => v.toFixed(3)}
            tick={{ fontSize: 11 }}
            name={m.label}
            label={{ value: m.axis, angle: -90, position: 'insideLeft', fill: '#555', fontSize: 12, style: { textAnchor: 'middle' } }}
          />
          <Tooltip
            isAnimationActive={false}
            formatter={(v: unknown, name: unknown) => [typeof v === 'number' ? (name === 'parameters' || name === 'non-zero wide weights' ? int(v) : v.toFixed(4)) : String(v), String(name)]}
          />
          <Legend verticalAlign="top" height={22} iconSize={10} wrapperStyle={{ fontSize: 12 }} />
          <ReferenceLine
            y={deepValue}
            stroke={MODEL_COLORS.deep}
            strokeDasharray="5 4"
            label={{ value: `deep only (${int(sweep.deep.params)} params)`, position: 'insideBottomRight', fill: MODEL_COLORS.deep, fontSize: 11 }}
          />
          <Scatter name="joint Wide & Deep" data={joint} fill={MODEL_COLORS.joint} line={{ stroke: MODEL_COLORS.joint, strokeWidth: 2 }} isAnimationActive={false}>
            <LabelList dataKey="n" position="top" formatter={(v: unknown) => `N=${v}`} style={{ fontSize: 10, fill: MODEL_COLORS.joint }} />
          </Scatter>
          <Scatter name="ensemble (blend)" data={ensemble} fill={MODEL_COLORS.ensemble} shape="diamond" line={{ stroke: MODEL_COLORS.ensemble, strokeWidth: 2 }} isAnimationActive={false}>
            <LabelList dataKey="n" position="bottom" formatter={(v: unknown) => `N=${v}`} style={{ fontSize: 10, fill: MODEL_COLORS.ensemble }} />
          </Scatter>
        </ScatterChart>
      </ResponsiveContainer>
    ),
    () => (
      <ChartTable
        caption="Crosses sweep: size and test metrics per number of crosses"
        columns={[
          { key: 'n', label: 'N crosses' },
          { key: 'jointParams', label: 'joint: parameters' },
          { key: 'ensembleParams', label: 'ensemble: parameters' },
          { key: 'aucWide', label: 'AUC wide (higher is better)' },
          { key: 'aucJoint', label: 'AUC joint (higher is better)' },
          { key: 'aucEnsemble', label: 'AUC ensemble (higher is better)' },
          { key: 'llJoint', label: 'log-loss joint (nats, lower is better)' },
          { key: 'llEnsemble', label: 'log-loss ensemble (nats, lower is better)' },
          ...(hasExceptions
            ? [
                { key: 'exJoint', label: 'exception log-loss joint (nats, lower is better)' },
                { key: 'exEnsemble', label: 'exception log-loss ensemble (nats, lower is better)' },
              ]
            : []),
          { key: 'nzJoint', label: 'joint: non-zero wide weights' },
          { key: 'nzWide', label: 'wide alone: non-zero wide weights' },
          { key: 'aucDeep', label: 'AUC deep only (reference)' },
        ]}
        rows={sweep.rows.map((r) => ({
          n: r.crosses,
          jointParams: r.jointParams,
          ensembleParams: r.ensembleParams,
          aucWide: r.auc.wide,
          aucJoint: r.auc.joint,
          aucEnsemble: r.auc.ensemble,
          llJoint: r.logloss.joint,
          llEnsemble: r.logloss.ensemble,
          exJoint: r.exceptionLogloss?.joint ?? NaN,
          exEnsemble: r.exceptionLogloss?.ensemble ?? NaN,
          nzJoint: r.nonzeroWide.joint,
          nzWide: r.nonzeroWide.wide,
          aucDeep: sweep.deep.auc,
        }))}
      />
    ),
    'chart-box wd-sweep-box',
  );
  return (
    <div className="wd-section" data-testid="wd-sweep" data-rows={sweep.rows.length}>
      <h3>How many crosses? Test metrics against model size</h3>
      <p className="small muted">
        Wide and joint models with the top N = {ns} crosses, trained {sweep.epochs} epoch{sweep.epochs === 1 ? '' : 's'} alongside this run on the same batches; each ensemble
        blends its wide model with the run’s deep model. Each point is labelled with its N; the last is every candidate cross. “Wide weights in use”
        counts the wide weights FTRL’s L1 left non-zero (the ensemble’s: those of its wide model): the wide part’s effective size.
      </p>
      <figure className="chart">
        <figcaption>
          <span className="chart-title">
            {m.label[0].toUpperCase() + m.label.slice(1)} against {size === 'params' ? 'parameters' : 'wide weights in use'}, by N crosses
          </span>
          <span className="chart-head-actions">
            <label className="small">
              size{' '}
              <select value={size} onChange={(e) => setSize(e.target.value as 'params' | 'nonzero')} data-testid="wd-sweep-size">
                <option value="params">all parameters</option>
                <option value="nonzero">wide weights in use</option>
              </select>
            </label>
            <label className="small">
              metric{' '}
              <select value={metric} onChange={(e) => setMetric(e.target.value as Metric)} data-testid="wd-sweep-metric">
                <option value="auc">test AUC</option>
                {hasExceptions ? <option value="exceptionLogloss">log-loss on the exceptions</option> : null}
                <option value="logloss">test log-loss</option>
              </select>
            </label>
            <span className={`better better-${m.better}`}>{m.better === 'higher' ? '↑ higher is better' : '↓ lower is better'}</span>
            {view.toggle}
          </span>
        </figcaption>
        {view.body}
      </figure>
    </div>
  );
});
