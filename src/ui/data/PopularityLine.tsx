// The data panel's popularity curve in plain SVG: clicks per item against item rank. Drawn when the data arrives,
// often as Train is pressed; recharts' first chart of the page took ~200 ms to mount here, this a few ms.
import type { DatasetStats } from '../../core/data/stats';
import { niceTicks } from '../charts/niceTicks';
import { useBoxSize } from '../charts/useBoxSize';

const M = { top: 4, right: 8, bottom: 16, left: 36 };
const HEIGHT = 120;
const short = (v: number) => (v >= 1000 ? `${Number((v / 1000).toPrecision(3))}k` : String(Number(v.toPrecision(3))));

export function PopularityLine({ curve }: { curve: DatasetStats['popularityCurve'] }) {
  const { ref, w: width } = useBoxSize<HTMLDivElement>();
  const last = curve[curve.length - 1];
  const xMax = Math.max(2, last?.rank ?? 2);
  const yTicks = niceTicks(0, Math.max(1, ...curve.map((q) => q.count)), 4, true);
  const yMax = Math.max(1, ...curve.map((q) => q.count), yTicks[yTicks.length - 1]);
  const xTicks = niceTicks(1, xMax, 5, true);
  const w = Math.max(0, width - M.left - M.right);
  const h = HEIGHT - M.top - M.bottom;
  const sx = (r: number) => M.left + ((r - 1) / (xMax - 1)) * w;
  const sy = (c: number) => M.top + h - (c / yMax) * h;
  const d = curve.map((q, i) => `${i ? 'L' : 'M'}${sx(q.rank).toFixed(1)},${sy(q.count).toFixed(1)}`).join('');
  return (
    <div ref={ref} style={{ height: HEIGHT }}>
      {width > 0 ? (
        <svg width={width} height={HEIGHT}>
          <g stroke="#eef0f4">
            {yTicks.map((t) => <line key={`y${t}`} x1={M.left} x2={M.left + w} y1={sy(t)} y2={sy(t)} />)}
            {xTicks.map((t) => <line key={`x${t}`} x1={sx(t)} x2={sx(t)} y1={M.top} y2={M.top + h} />)}
          </g>
          <g fontSize="10" fill="#666">
            {yTicks.map((t) => <text key={t} x={M.left - 3} y={sy(t) + 3} textAnchor="end">{short(t)}</text>)}
            {xTicks.map((t) => <text key={t} x={sx(t)} y={HEIGHT - 3} textAnchor="middle">{short(t)}</text>)}
          </g>
          <path d={d} fill="none" stroke="#2f6fdd" strokeWidth="1.5">
            <title>{`clicks per item, from ${curve[0]?.count ?? 0} (rank 1) to ${last?.count ?? 0} (rank ${last?.rank ?? 0})`}</title>
          </path>
        </svg>
      ) : null}
    </div>
  );
}
