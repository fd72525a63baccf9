// Part B of the consumption lab: the same idea on a trained recommender — top 10 vs consumption-aware lists, with
// the spread over seeds, read from the current run's per-seed epochs.
import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, ErrorBar, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ConsumptionConfig } from '../../../core/labs/consumption/config';
import { LIST_KINDS, spreadOverSeeds, TRAINED_METRICS, trainedTable } from '../../../core/labs/consumption/tables';
import { selectConfig, selectCurrentRun, selectStatus } from '../../../state/selectors';
import { useLabStore } from '../../appStore';
import { ChartTable, useChartOrTable } from '../../charts/ChartTable';
import { wrappedTick } from '../../charts/WrappedTick';
import { DiversitySweepView, sweepPoints } from './DiversitySweepView';

const LIST_COLORS: Record<string, string> = { topN: '#667085', c1: '#2f6fdd', c2: '#12b76a', c3: '#d9822b' };
/** The chart's metrics: all on [0, 1] and higher-is-better; the taste distances (lower is better) stay in the table. */
const CHART_METRICS = TRAINED_METRICS.filter((m) => m.better === 'higher');

/** Which clicks each protocol holds out, as the panel's sentence says it. */
const PROTOCOL_TEXT: Record<ConsumptionConfig['protocol'], string> = {
  random: 'a random 20% of each user’s items',
  temporal: 'the latest 20% of each user’s items by time',
  session: 'each user’s last session (only users with several sessions are scored)',
  mood: 'for each user 20% of their items from ONE taste drawn from their true tastes (a mood)',
};

/**
 * The model's own forecast of the top 10's Precision@10 against the measured one, and the relevance scale that
 * would make them agree (the relevanceScale setting): r_i is the model's chance that item i is a hit.
 */
function calibration(spread: ReturnType<typeof spreadOverSeeds>, oracle: boolean): string {
  const forecast = spread['expected/topN']?.mean;
  const measured = spread['topN/precision']?.mean;
  if (!(forecast > 0) || measured === undefined) return '';
  const scale = spread['calibration/scale']?.mean;
  // The cap r_i ≤ 1 keeps the scaled forecast from matching to the last digit: both are shown.
  if (oracle && scale !== undefined) return ` Calibration (oracle): each r_i was scaled by ${scale.toFixed(2)} (mean over seeds), so the forecast Precision@10 of the top 10, ${forecast.toFixed(3)}, meets the measured ${measured.toFixed(3)}.`;
  return ` Calibration: the model forecast Precision@10 ${forecast.toFixed(3)} for its top 10 and ${measured.toFixed(3)} was measured (×${(measured / forecast).toFixed(2)}; multiply relevanceScale by that ratio to re-rank with calibrated chances).`;
}

export function TrainedPanel() {
  const config = useLabStore(selectConfig) as unknown as ConsumptionConfig;
  const run = useLabStore(selectCurrentRun);
  const status = useLabStore(selectStatus);
  const perSeed = useMemo(() => (run?.epochs ?? []).filter((e) => e.epoch >= 1).map((e) => e.values), [run?.epochs]);
  const view = useMemo(() => {
    if (!perSeed.length) return null;
    const spread = spreadOverSeeds(perSeed);
    const rows = CHART_METRICS.map((m) => {
      const row: Record<string, number | string> = { metric: m.short };
      for (const k of LIST_KINDS) {
        const v = spread[`${k.id}/${m.key}`];
        if (v) {
          row[k.id] = v.mean;
          row[`${k.id}Sd`] = v.sd;
        }
      }
      return row;
    });
    return { spread, rows, table: trainedTable(perSeed), sweep: sweepPoints(spread) };
  }, [perSeed]);
  const total = run?.totalSteps ?? config.trainSeeds;
  const seeds = perSeed.length;

  return (
    <section className="trained" aria-label="On a trained recommender" data-testid="trained-panel">
      <h2>On a trained recommender</h2>
      <p className="small muted">
        ▶ Train trains a softmax matrix factorisation (the weighting lab’s warm start, multinomial likelihood) on {config.dataset} once per seed ({config.trainSeeds} seed
        {config.trainSeeds === 1 ? '' : 's'}), holds out {PROTOCOL_TEXT[config.protocol]}, and builds two kinds of list from the same scores: the top 10, and the
        consumption-aware list for a user who consumes c = 1, 2 or 3 — {config.typeSource === 'clusters' ? `${config.clusters} clusters of the model’s item vectors` : 'genres'} as the types, each user’s type probabilities from{' '}
        {config.tasteSource === 'history-lift' ? 'their history above the base rate' : config.tasteSource === 'history' ? 'their raw history' : config.tasteSource === 'model' ? 'the model’s softmax' : 'the true tastes (an oracle)'}, the
        model’s softmax as each item’s chance{config.relevanceScale !== 1 ? `, scaled by ${config.relevanceScale}` : ''}
        {config.calibration === 'oracle' ? ', calibrated against the held-out hits themselves (an oracle: an upper bound, not a method)' : ''} (greedy by marginal gain; no weights to tune).
      </p>
      {config.trainSeeds === 0 ? <p className="notice">Set trainSeeds above 0 in Settings to compare on a trained model.</p> : null}
      {!view ? (
        <p className="small" data-testid="trained-status">
          {status === 'running' ? `Training seed 1 of ${total}…` : 'Press ▶ Train to train and compare.'}
        </p>
      ) : (
        <>
          <p className="small" data-testid="trained-status">
            {seeds} of {total} seed{total === 1 ? '' : 's'} {status === 'running' ? '— training the next…' : 'done'}. Bars: mean over seeds; whiskers: ±1 standard deviation.
          </p>
          <TrainedChart rows={view.rows} seeds={seeds} />
          <table className="results-table" data-testid="trained-table">
            <caption>Mean ± standard deviation over {seeds} seed{seeds === 1 ? '' : 's'} (↑ higher is better, ↓ lower is better)</caption>
            <thead>
              <tr>
                {view.table.columns.map((c) => (
                  <th scope="col" key={c}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {view.table.rows.map((r) => (
                <tr key={r[0]}>
                  <th scope="row">{r[0]}</th>
                  {r.slice(1).map((cell, j) => (
                    <td key={j}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="small muted" data-testid="trained-notes">
            JS hist / JS true: Jensen–Shannon distance (bits) between a list’s genre mix and the user’s history / true taste mix.
            {view.spread['estimate/truth'] ? ` The estimated genre probabilities are ${view.spread['estimate/truth'].mean.toFixed(3)} (JS) from the true tastes.` : ' This dataset has no true tastes (imported), so JS true is not shown.'}
            {view.spread.users ? ` ${Math.round(view.spread.users.mean)} users scored (those with held-out items).` : ''}
            {calibration(view.spread, config.calibration === 'oracle')}
          </p>
          {view.sweep.length ? <DiversitySweepView points={view.sweep} seeds={seeds} /> : null}
        </>
      )}
    </section>
  );
}

/** The lists' mean held-out metrics as grouped bars (every metric labelled), or as a table of the same means. */
function TrainedChart({ rows, seeds }: { rows: Record<string, unknown>[]; seeds: number }) {
  const { toggle, body } = useChartOrTable(
    `Held-out accuracy and diversity of each list: ${LIST_KINDS.map((k) => k.label).join(', ')}, for ${rows.map((r) => String(r.metric)).join(', ')}; mean over ${seeds} seed${seeds === 1 ? '' : 's'}.`,
    () => (
      <ResponsiveContainer width="100%" height={280}>
        <BarChart data={rows} margin={{ top: 8, right: 12, bottom: 24, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="metric" interval={0} height={40} tick={wrappedTick(10)} label={{ value: 'metric @10', position: 'insideBottom', offset: -12, fill: '#555', fontSize: 12 }} />
          <YAxis domain={[0, 1]} label={{ value: 'value (higher is better)', angle: -90, position: 'insideLeft', offset: 4, style: { textAnchor: 'middle' } }} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(4) : String(v))} isAnimationActive={false} />
          <Legend verticalAlign="top" itemSorter={null} />
          {LIST_KINDS.map((k) => (
            <Bar key={k.id} dataKey={k.id} name={k.label} fill={LIST_COLORS[k.id]} isAnimationActive={false}>
              <ErrorBar dataKey={`${k.id}Sd`} width={3} stroke="#1d2430" />
            </Bar>
          ))}
        </BarChart>
      </ResponsiveContainer>
    ),
    () => <ChartTable caption="Held-out accuracy and diversity of each list (mean over seeds)" columns={[{ key: 'metric', label: 'metric' }, ...LIST_KINDS.map((k) => ({ key: k.id, label: k.label }))]} rows={rows} />,
    'chart-box-auto',
  );
  return (
    <figure className="chart" data-testid="trained-chart" data-seeds={seeds}>
      <figcaption>
        <span>
          Held-out accuracy and diversity of each list <span className="muted">(0–1, higher is better; mean over users with held-out items)</span>
        </span>
        {toggle}
      </figcaption>
      {body}
    </figure>
  );
}
