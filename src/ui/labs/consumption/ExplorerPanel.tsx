// Part A of the consumption lab: the exact model, recomputed as any slider moves (no training, on this thread).
import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis, Line, ComposedChart } from 'recharts';
import type { ConsumptionConfig } from '../../../core/labs/consumption/config';
import { explore, kSweep, shareFit, tastesFor, validate, valueModel } from '../../../core/labs/consumption/explorer';
import { selectConfig } from '../../../state/selectors';
import { useLabStore } from '../../appStore';
import { ChartTable, useChartOrTable } from '../../charts/ChartTable';

const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : String(x));
const TYPE_COLORS = ['#2f6fdd', '#12b76a', '#d9822b', '#7a5af8', '#b42318', '#0e9384', '#c11574', '#667085', '#ca8504', '#3538cd'];

export function ExplorerPanel() {
  const config = useLabStore(selectConfig) as unknown as ConsumptionConfig;
  const set = useLabStore((s) => s.setConfigValue);
  const view = useMemo(() => {
    const checked = validate(config);
    if (checked.errors.length) return { checked } as const;
    const { p } = tastesFor(config);
    const value = valueModel(config);
    if (typeof value === 'string') return { checked: { errors: [value], notes: checked.notes } } as const;
    return { checked, p, result: explore(p, config.n, config.k, value), sweep: kSweep(p, config.n, value), fit: shareFit(p, value, 1, 1000) } as const;
  }, [config]);

  const setP = (t: number, w: number) => {
    const p = 'p' in view && view.p ? [...view.p] : Array.from({ length: config.types }, () => 1 / config.types);
    p[t] = w;
    set('tastes', 'custom');
    set('p', p.map((x) => Number(x.toFixed(3))).join(','));
  };

  return (
    <section className="explorer" aria-label="Consumption explorer" data-testid="explorer">
      <div className="explorer-controls">
        <label className="slider">
          <span className="field-label">List length N</span>
          <input type="range" min={1} max={50} value={config.n} onChange={(e) => set('n', Number(e.target.value))} data-testid="explorer-n" aria-label="List length N" />
          <span className="share">{config.n}</span>
        </label>
        <label className="slider">
          <span className="field-label">Items consumed k</span>
          <input type="range" min={1} max={config.n} value={Math.min(config.k, config.n)} onChange={(e) => set('k', Number(e.target.value))} data-testid="explorer-k" aria-label="Items consumed k" />
          <span className="share">{config.k}</span>
        </label>
        {'p' in view && view.p
          ? view.p.map((w, t) => (
              <label className="slider" key={t}>
                <span className="field-label">p, type {t + 1}</span>
                <input type="range" min={0} max={1} step={0.01} value={w} onChange={(e) => setP(t, Number(e.target.value))} aria-label={`Probability of type ${t + 1}`} />
                <span className="share">{w.toFixed(2)}</span>
              </label>
            ))
          : null}
        <p className="small muted">
          Value of a matching item: {config.value === 'bernoulli' ? `good with probability q = ${config.q} (else worthless)` : config.value === 'uniform' ? 'uniform on [0, 1]' : config.value === 'exponential' ? 'exponential, mean 1 (a few items are great)' : `Pareto with α = ${config.alpha} (heavy tail)`}. Change it, the
          tastes preset and the number of types in Settings.
        </p>
      </div>
      {view.checked.errors.length || view.checked.notes.length ? (
        <div className={view.checked.errors.length ? 'run-message failed' : 'notice'} role={view.checked.errors.length ? 'alert' : 'status'} data-testid="explorer-messages">
          {[...view.checked.errors, ...view.checked.notes].map((m) => (
            <div key={m}>{m}</div>
          ))}
        </div>
      ) : null}
      {'result' in view && view.result ? <ExplorerViews {...view} n={config.n} k={config.k} /> : null}
    </section>
  );
}

function ExplorerViews({ p, result, sweep, fit, n, k }: { p: number[]; result: ReturnType<typeof explore>; sweep: ReturnType<typeof kSweep>; fit: ReturnType<typeof shareFit>; n: number; k: number }) {
  const bars = p.map((pt, t) => ({ type: `type ${t + 1} (p ${pt.toFixed(2)})`, optimal: result.optimal.counts[t], topN: result.topN.counts[t] }));
  const used = result.optimal.counts.filter((c) => c > 0).length;
  const sweepRows = sweep.map((row) => Object.fromEntries([['k', `k = ${row.k}`], ...row.counts.map((c, t) => [`t${t}`, c])]));
  const xs = fit.points.map((q) => q.logP);
  const mean = (a: number[]) => a.reduce((s, x) => s + x, 0) / a.length;
  const [mx, my] = [mean(xs), mean(fit.points.map((q) => q.logShare))];
  /** The fitted line through the points' mean with slope γ. */
  const fitAt = (x: number) => my + fit.gamma * (x - mx);
  const fitLine = fit.points.length ? [Math.min(...xs), Math.max(...xs)].map((x) => ({ logP: x, fit: fitAt(x) })) : [];
  const optimalChart = useChartOrTable(
    `Items per type in the list of ${n}: the optimal list for k = ${k} against the top ${n} by probability, one pair of bars for each of ${p.length} types. Neither direction is better.`,
    () => (
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={bars} margin={{ top: 8, right: 12, bottom: 24, left: 8 }}>
          <CartesianGrid stroke="#e5e8ee" />
          <XAxis dataKey="type" tick={{ fontSize: 10 }} interval={0} />
          <YAxis allowDecimals={false} label={{ value: 'items in the list', angle: -90, position: 'insideLeft', style: { textAnchor: 'middle' }, fontSize: 12 }} />
          <Tooltip isAnimationActive={false} />
          <Legend verticalAlign="top" height={22} wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="optimal" name={`optimal for k = ${k}`} fill="#2f6fdd" isAnimationActive={false} />
          <Bar dataKey="topN" name="top-N by probability" fill="#d9822b" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    ),
    () => <ChartTable caption={`Items per type: optimal list vs top-${n} by probability`} columns={[{ key: 'type', label: 'type (probability p)' }, { key: 'optimal', label: `optimal for k = ${k} (items)` }, { key: 'topN', label: 'top-N by probability (items)' }]} rows={bars} />,
  );
  const spreadChart = useChartOrTable(
    `How the optimal list of ${n} spreads over the ${p.length} types as k falls: one stacked bar per k (${sweep.map((r) => r.k).join(', ')}), split by items per type. Neither direction is better.`,
    () => (
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={sweepRows} layout="vertical" margin={{ top: 4, right: 12, bottom: 4, left: 8 }}>
          <XAxis type="number" domain={[0, n]} hide />
          <YAxis type="category" dataKey="k" width={52} tick={{ fontSize: 10 }} interval={0} />
          <Tooltip isAnimationActive={false} />
          {p.map((_, t) => (
            <Bar key={t} dataKey={`t${t}`} name={`type ${t + 1}`} stackId="a" fill={TYPE_COLORS[t % TYPE_COLORS.length]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    ),
    () => <ChartTable caption="How the optimal list spreads as k falls (items per type)" columns={[{ key: 'k', label: 'k' }, ...p.map((_, t) => ({ key: `t${t}`, label: `type ${t + 1} (items)` }))]} rows={sweepRows} />,
  );
  const fitChart = useChartOrTable(
    `Log share of each type in a list of 1000 (k = 1) against log p, ${fit.points.length} types, with the fitted line of slope γ = ${fmt(fit.gamma)} (theory ${fmt(fit.theory)}). Neither direction is better.`,
    () => (
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart margin={{ top: 8, right: 12, bottom: 24, left: 8 }}>
          <CartesianGrid stroke="#e5e8ee" />
          <XAxis dataKey="logP" type="number" domain={['auto', 'auto']} tickFormatter={(v: number) => v.toFixed(1)} label={{ value: 'log p_t', position: 'insideBottom', offset: -12, fontSize: 12 }} />
          <YAxis type="number" domain={['auto', 'auto']} tickFormatter={(v: number) => v.toFixed(2)} label={{ value: 'log share a_t / N', angle: -90, position: 'insideLeft', style: { textAnchor: 'middle' }, fontSize: 12 }} />
          <Tooltip isAnimationActive={false} />
          <Scatter data={fit.points} dataKey="logShare" name="types" fill="#2f6fdd" isAnimationActive={false} />
          <Line data={fitLine} dataKey="fit" name={`slope γ = ${fmt(fit.gamma)}`} stroke="#b42318" dot={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    ),
    () => (
      <ChartTable
        caption="log share vs log p (N = 1000, k = 1)"
        columns={[{ key: 'logP', label: 'log p_t' }, { key: 'type', label: 'type' }, { key: 'logShare', label: 'log share a_t / N' }, { key: 'fit', label: `fitted line, slope γ = ${fmt(fit.gamma)}` }]}
        rows={fit.points.map((q) => ({ logP: q.logP, type: `type ${q.type + 1}`, logShare: q.logShare, fit: fitAt(q.logP) }))}
      />
    ),
  );
  return (
    <div className="explorer-views">
      <figure className="chart" data-testid="explorer-optimal" data-types-used={used}>
        <figcaption>
          <span className="chart-title">Items per type: optimal list vs top-{n} by probability</span>
          <span className="chart-head-actions">
            <span className="better">U_{k}: optimal {fmt(result.optimal.utility)} · top-N {fmt(result.topN.utility)} · gap {fmt(result.gap)}</span>
            {optimalChart.toggle}
          </span>
        </figcaption>
        {optimalChart.body}
      </figure>
      <figure className="chart">
        <figcaption>
          <span className="chart-title">How the optimal list spreads as k falls</span>
          <span className="chart-head-actions">
            <span className="better">bars: items per type</span>
            {spreadChart.toggle}
          </span>
        </figcaption>
        {spreadChart.body}
      </figure>
      <figure className="chart" data-testid="explorer-fit">
        <figcaption>
          <span className="chart-title">log share vs log p (N = 1000, k = 1)</span>
          <span className="chart-head-actions">
            <span className="better">
              fitted γ = {fmt(fit.gamma)} · theory {fmt(fit.theory)}
            </span>
            {fitChart.toggle}
          </span>
        </figcaption>
        {fitChart.body}
      </figure>
      <table className="results-table" data-testid="explorer-scores">
        <caption>The same two lists, scored two ways</caption>
        <thead>
          <tr>
            <th scope="col">metric</th>
            <th scope="col">optimal for k = {k}</th>
            <th scope="col">top-{n} by probability</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Precision@{n} (everything consumed) ↑</th>
            <td>{fmt(result.precision.optimal)}</td>
            <td>{fmt(result.precision.topN)}</td>
          </tr>
          <tr>
            <th scope="row">P(at least one good item) ↑</th>
            <td>{fmt(result.atLeastOne.optimal)}</td>
            <td>{fmt(result.atLeastOne.topN)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
