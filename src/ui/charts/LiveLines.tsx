// A line chart in plain SVG, drawn in a few milliseconds per update, where recharts took tens to hundreds (its own
// store re-rendered the whole chart synchronously on every new row, and its first drawing after a run took 70-140 ms
// per chart, a long task each). Axes named with units, legend, dots on short per-epoch lines, markers, the reference
// line; hovering shows the exact values at the nearest x.
import { useState, type MouseEvent } from 'react';
import type { ChartSpec } from '../../core/experiment/types';
import type { ChartRow } from './MetricChart';
import { niceDomain, niceTicks } from './niceTicks';
import { useBoxSize } from './useBoxSize';

const M = { top: 8, right: 16, bottom: 40, left: 68 };
/** Lines with fewer rows than this get a dot per value, where a row is an epoch or a point in objective space. */
const DOTS_BELOW = 40;
const INK = '#555';

const tick = (v: number) => String(Number(v.toPrecision(3)));
const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(1) : v.toPrecision(4));

/**
 * The y axis title's font size: 12 px, smaller (down to 8) when the rotated title would not fit the chart's height
 * (long metric names with their units in a short chart), at ~0.6 em a character.
 */
function yLabelFont(text: string, height: number): number {
  const fits = (height - 6) / (0.6 * text.length);
  return Math.max(8, Math.min(12, Math.floor(fits * 10) / 10));
}

export function LiveLines({ spec, rows, markers }: { spec: ChartSpec; rows: ChartRow[]; markers: number[] }) {
  const { ref: box, ...size } = useBoxSize<HTMLDivElement>();
  const [hover, setHover] = useState<number | null>(null);

  const w = Math.max(0, size.w - M.left - M.right);
  const h = Math.max(0, size.h - M.top - M.bottom);
  let x0 = Infinity, x1 = -Infinity, y0 = 0, y1 = -Infinity;
  for (const r of rows) {
    x0 = Math.min(x0, r.x);
    x1 = Math.max(x1, r.x);
    for (const s of spec.series) {
      const v = r[s.key];
      if (Number.isFinite(v)) (y0 = Math.min(y0, v)), (y1 = Math.max(y1, v));
    }
  }
  if (spec.reference) (y0 = Math.min(y0, spec.reference.y)), (y1 = Math.max(y1, spec.reference.y));
  if (!(y1 > y0)) y1 = y0 + 1;
  // The y domain ends on round values, as recharts' 'auto' does.
  const { lo: yLo, hi: yHi, ticks: yTicks } = niceDomain(y0, y1, 5);
  if (!(x1 > x0)) x1 = x0 + 1;
  const xTicks = niceTicks(x0, x1, 5, !spec.xKey);
  const sx = (x: number) => M.left + ((x - x0) / (x1 - x0)) * w;
  const sy = (y: number) => M.top + h - ((y - yLo) / (yHi - yLo)) * h;
  const dots = (spec.source === 'epoch' || Boolean(spec.xKey)) && rows.length < DOTS_BELOW;

  const paths = spec.series.map((s) => {
    let d = '';
    for (const r of rows) {
      const v = r[s.key];
      // connectNulls: a missing value is skipped, the line goes on to the next one.
      if (Number.isFinite(v)) d += `${d ? 'L' : 'M'}${sx(r.x).toFixed(1)},${sy(v).toFixed(1)}`;
    }
    return { s, d };
  });

  const onMove = (e: MouseEvent<SVGSVGElement>) => {
    if (rows.length === 0 || w <= 0) return;
    const px = e.clientX - e.currentTarget.getBoundingClientRect().left;
    const x = x0 + ((px - M.left) / w) * (x1 - x0);
    let best = 0;
    for (let j = 1; j < rows.length; j++) if (Math.abs(rows[j].x - x) < Math.abs(rows[best].x - x)) best = j;
    setHover(best);
  };
  const at = hover !== null ? rows[hover] : undefined;
  const yText = `${spec.yLabel} (${spec.unit})`;

  // The legend takes the height its names need (four or more wrap); the plot gets the rest of the box.
  return (
    <div className="live-chart">
      <div className="live-legend">
        {spec.series.map((s) => (
          <span key={s.key}>
            <svg width="14" height="10" aria-hidden="true">
              <line x1="0" y1="5" x2="14" y2="5" stroke={s.color} strokeWidth="2" strokeDasharray={s.dashed ? '4 2' : undefined} />
            </svg>
            {s.label}
          </span>
        ))}
      </div>
      <div ref={box} className="live-plot">
        {size.w > 0 && size.h > 0 ? (
          <svg className="chart-surface" width={size.w} height={size.h} onMouseMove={onMove} onMouseLeave={() => setHover(null)}>
            <g stroke="#e5e8ee">
              {yTicks.map((t) => <line key={`y${t}`} x1={M.left} x2={M.left + w} y1={sy(t)} y2={sy(t)} />)}
              {xTicks.map((t) => <line key={`x${t}`} x1={sx(t)} x2={sx(t)} y1={sy(yLo)} y2={sy(yHi)} />)}
            </g>
            <g fontSize="11" fill="#666">
              {yTicks.map((t) => <text key={t} x={M.left - 4} y={sy(t) + 4} textAnchor="end">{tick(t)}</text>)}
              {xTicks.map((t) => <text key={t} x={sx(t)} y={sy(yLo) + 14} textAnchor="middle">{spec.xKey ? tick(t) : t}</text>)}
            </g>
            <text x={M.left + w / 2} y={sy(yLo) + 32} textAnchor="middle" fontSize="12" fill={INK}>{spec.xLabel}</text>
            <text transform={`translate(14 ${size.h / 2}) rotate(-90)`} textAnchor="middle" fontSize={yLabelFont(yText, size.h)} fill={INK}>{yText}</text>
            {markers.map((m) => (
              <g key={m} stroke="#667085" strokeDasharray="3 3">
                <line x1={sx(m)} x2={sx(m)} y1={sy(yLo)} y2={sy(yHi)} />
                <text x={sx(m) + 3} y={sy(yHi) + 10} fontSize="10" fill="#667085" stroke="none">weights changed</text>
              </g>
            ))}
            {spec.reference ? (
              <g>
                <line x1={M.left} x2={M.left + w} y1={sy(spec.reference.y)} y2={sy(spec.reference.y)} stroke="#b42318" strokeDasharray="4 4" />
                <text x={M.left + w - 4} y={Math.max(sy(spec.reference.y) - 4, M.top + 10)} textAnchor="end" fontSize="10" fill="#b42318">{spec.reference.label}</text>
              </g>
            ) : null}
            {paths.map(({ s, d }) => <path key={s.key} d={d} fill="none" stroke={s.color} strokeWidth="2" strokeDasharray={s.dashed ? '6 4' : undefined} />)}
            {dots
              ? spec.series.map((s) => (
                  <g key={`dots-${s.key}`} fill={s.color}>
                    {rows.map((r, j) => (Number.isFinite(r[s.key]) ? <circle key={j} cx={sx(r.x)} cy={sy(r[s.key])} r="2" /> : null))}
                  </g>
                ))
              : null}
            {at ? <line x1={sx(at.x)} x2={sx(at.x)} y1={sy(yLo)} y2={sy(yHi)} stroke="#999" /> : null}
          </svg>
        ) : null}
        {at ? (
          <div className="live-tip" style={{ left: Math.min(sx(at.x) + 8, Math.max(0, size.w - 160)) }}>
            <div>{`${spec.xLabel} ${at.x}`}</div>
            {spec.series.map((s) => (Number.isFinite(at[s.key]) ? <div key={s.key} style={{ color: s.color }}>{`${s.label} : ${fmt(at[s.key])}`}</div> : null))}
          </div>
        ) : null}
      </div>
    </div>
  );
}
