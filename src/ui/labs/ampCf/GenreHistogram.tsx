// The user's genre mix next to each list's: the picture behind taste distance (grouped bars, one group per genre).
import { memo, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ExplanationArtifact } from '../../../core/labs/ampCf/explanation';
import { ChartTable, useChartOrTable } from '../../charts/ChartTable';
import { MODEL_COLORS, num, pct1 } from './palette';

interface Props {
  genreNames: string[];
  histogram: ExplanationArtifact['genreHistogram'];
  distance: ExplanationArtifact['tasteDistance'];
  listSize: number;
}

/** Pixels per genre group (three bars) and the chart's fixed frame. */
const ROW_PX = 26;
const FRAME_PX = 86;

export const GenreHistogram = memo(function GenreHistogram({ genreNames, histogram, distance, listSize }: Props) {
  const rows = useMemo(
    () =>
      genreNames
        .map((name, g) => ({ g, genre: name, history: histogram.history[g] * 100, amp: histogram.amp[g] * 100, mf: histogram.mf[g] * 100 }))
        .filter((r) => r.history > 0 || r.amp > 0 || r.mf > 0)
        // The user's main tastes first: the eye compares each list with them.
        .sort((a, b) => b.history - a.history || a.g - b.g),
    [genreNames, histogram],
  );
  // A round top (10% steps; 5% below 20%) so the ticks read as whole percents.
  const peak = Math.max(1, ...rows.flatMap((r) => [r.history, r.amp, r.mf]));
  const step = peak <= 20 ? 5 : 10;
  const top = Math.ceil(peak / step) * step;
  const ticks = Array.from({ length: top / step + 1 }, (_, i) => i * step);
  const closer = distance.amp < distance.mf ? 'AMP-CF' : distance.amp > distance.mf ? 'MF' : null;
  const { toggle, body } = useChartOrTable(
    `Genre mix as share of the genre mass (%), for ${rows.length} genres: the user's history against the top ${listSize} of AMP-CF and of MF, one group of bars per genre. Closer to the history is better (taste distance AMP-CF ${num(distance.amp)}, MF ${num(distance.mf)} bits; lower is better).`,
    () => (
      <div style={{ height: FRAME_PX + rows.length * ROW_PX }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 22, left: 4 }} barCategoryGap={4} barGap={0}>
            <CartesianGrid stroke="#e5e8ee" horizontal={false} />
            <XAxis
              type="number"
              domain={[0, top]}
              ticks={ticks}
              tickFormatter={(v: number) => `${v}%`}
              tick={{ fontSize: 11 }}
              label={{ value: 'share of the genre mass (%)', position: 'insideBottom', offset: -14, fill: '#555', fontSize: 12 }}
            />
            <YAxis type="category" dataKey="genre" width={92} tick={{ fontSize: 11 }} interval={0} />
            <Tooltip formatter={(v) => (typeof v === 'number' ? pct1(v / 100) : String(v))} isAnimationActive={false} />
            <Legend verticalAlign="top" height={22} iconSize={10} wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
            <Bar dataKey="history" name="history" fill={MODEL_COLORS.history} isAnimationActive={false} />
            <Bar dataKey="amp" name="AMP-CF" fill={MODEL_COLORS.amp} isAnimationActive={false} />
            <Bar dataKey="mf" name="MF" fill={MODEL_COLORS.mf} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    ),
    () => (
      <ChartTable
        caption={`Genre mix: the user’s history vs each top ${listSize}`}
        columns={[{ key: 'genre', label: 'genre' }, { key: 'history', label: 'history (% of genre mass)' }, { key: 'amp', label: 'AMP-CF list (%)' }, { key: 'mf', label: 'MF list (%)' }]}
        rows={rows}
      />
    ),
    'chart-box-auto',
  );
  return (
    <figure className="chart ampcf-genres" data-testid="ampcf-genres" data-genres={rows.length}>
      <figcaption>
        <span className="chart-title">Genre mix: the user’s history vs each top {listSize}</span>
        <span className="chart-head-actions">
          <span className="better">closer to the grey bars is better</span>
          {toggle}
        </span>
      </figcaption>
      <p className="small ampcf-distance" data-testid="ampcf-taste-distance">
        Taste distance (Jensen–Shannon between the history’s mix and the list’s, bits; ↓ lower is better):{' '}
        <strong style={{ color: MODEL_COLORS.amp }}>AMP-CF {num(distance.amp)}</strong> · <strong style={{ color: MODEL_COLORS.mf }}>MF {num(distance.mf)}</strong>
        {closer ? ` — ${closer}’s list matches this user’s tastes better.` : '.'}
      </p>
      {body}
      <p className="small muted ampcf-note">Each item’s unit of mass is shared among its genres; each distribution sums to 100%. Only genres with any mass are shown.</p>
    </figure>
  );
});
