// A scatter plot in plain SVG: one circle per point, its exact values in its title (shown on hover). For views that
// redraw hundreds of dots while a run trains: recharts took about a millisecond per dot here.
import type { ReactNode } from 'react';
import { niceDomain } from './niceTicks';
import { useBoxSize } from './useBoxSize';

export interface ScatterSeries {
  key: string;
  name: string;
  color: string;
  points: readonly { x: number; y: number }[];
}

const M = { top: 8, right: 24, bottom: 40, left: 64 };
const LEGEND_H = 22;

/** `xDomain`/`xTicks` fixed; y from 0 (or the lowest value) to a round value above the highest. */
export function PlainScatter({ series, height, xDomain, xTicks, xLabel, yLabel, xName, yName, xFmt, yFmt }: {
  series: readonly ScatterSeries[];
  height: number;
  xDomain: [number, number];
  xTicks: number[];
  xLabel: string;
  yLabel: string;
  /** Short names of the axes, for each dot's title. */
  xName: string;
  yName: string;
  /** Tick labels. */
  xFmt: (v: number) => string;
  yFmt: (v: number) => string;
}): ReactNode {
  const { ref, w: width } = useBoxSize<HTMLDivElement>();
  let y0 = 0;
  let y1 = -Infinity;
  for (const s of series) for (const p of s.points) if (Number.isFinite(p.y)) (y0 = Math.min(y0, p.y)), (y1 = Math.max(y1, p.y));
  if (!(y1 > y0)) y1 = y0 + 1;
  // The y domain ends on round values, as recharts' 'auto' does.
  const { lo: yLo, hi: yHi, ticks: yTicks } = niceDomain(y0, y1, 5);
  const w = Math.max(0, width - M.left - M.right);
  const h = Math.max(0, height - LEGEND_H - M.top - M.bottom);
  const sx = (x: number) => M.left + ((x - xDomain[0]) / (xDomain[1] - xDomain[0])) * w;
  const sy = (y: number) => LEGEND_H + M.top + h - ((y - yLo) / (yHi - yLo)) * h;
  return (
    <div ref={ref} className="live-chart" style={{ height }}>
      <div className="live-legend" style={{ height: LEGEND_H }}>
        {series.map((s) => (
          <span key={s.key}>
            <svg width="10" height="10" aria-hidden="true">
              <circle cx="5" cy="5" r="4" fill={s.color} />
            </svg>
            {s.name}
          </span>
        ))}
      </div>
      {width > 0 ? (
        <svg width={width} height={height - LEGEND_H} viewBox={`0 ${LEGEND_H} ${width} ${height - LEGEND_H}`}>
          <g stroke="#e5e8ee">
            {yTicks.map((t) => <line key={`y${t}`} x1={M.left} x2={M.left + w} y1={sy(t)} y2={sy(t)} />)}
            {xTicks.map((t) => <line key={`x${t}`} x1={sx(t)} x2={sx(t)} y1={sy(yLo)} y2={sy(yHi)} />)}
          </g>
          <g fontSize="11" fill="#666">
            {yTicks.map((t) => <text key={t} x={M.left - 4} y={sy(t) + 4} textAnchor="end">{yFmt(t)}</text>)}
            {xTicks.map((t) => <text key={t} x={sx(t)} y={sy(yLo) + 14} textAnchor="middle">{xFmt(t)}</text>)}
          </g>
          <text x={M.left + w / 2} y={sy(yLo) + 32} textAnchor="middle" fontSize="12" fill="#555">{xLabel}</text>
          <text transform={`translate(14 ${LEGEND_H + M.top + h / 2}) rotate(-90)`} textAnchor="middle" fontSize="12" fill="#555">{yLabel}</text>
          {series.map((s) => (
            <g key={s.key} fill={s.color}>
              {s.points.map((p, j) =>
                Number.isFinite(p.y) ? (
                  <circle key={j} cx={sx(p.x)} cy={sy(p.y)} r={3}>
                    <title>{`${s.name}: ${xName} ${p.x.toFixed(3)}, ${yName} ${p.y.toFixed(3)}`}</title>
                  </circle>
                ) : null,
              )}
            </g>
          ))}
        </svg>
      ) : null}
    </div>
  );
}
