// The data panel's genre shares in plain SVG: one horizontal bar per genre, its clicks in its title (shown on
// hover). Drawn as the data arrives, often as Train is pressed: recharts' bar chart took 100-180 ms to mount there,
// a long task on its own; this takes a few milliseconds.
import type { DatasetStats } from '../../core/data/stats';
import { useBoxSize } from '../charts/useBoxSize';

const LABEL_W = 84;
const ROW = 14;
const RIGHT = 8;

export function GenreBars({ shares }: { shares: DatasetStats['genreShares'] }) {
  const { ref, w: width } = useBoxSize<HTMLDivElement>();
  const height = Math.max(80, shares.length * ROW);
  const row = height / Math.max(1, shares.length);
  const max = Math.max(1, ...shares.map((g) => g.interactions));
  const w = Math.max(0, width - LABEL_W - RIGHT);
  return (
    <div ref={ref} style={{ height }}>
      {width > 0 ? (
        <svg width={width} height={height}>
          {shares.map((g, i) => (
            <g key={g.genre}>
              <title>{`${g.genre}: ${g.interactions} clicks (${(g.interactionShare * 100).toFixed(1)}% of all clicks)`}</title>
              <text x={LABEL_W - 4} y={i * row + row / 2 + 3} textAnchor="end" fontSize="10" fill="#666">
                {g.genre}
              </text>
              <rect x={LABEL_W} y={i * row + row * 0.1} width={(g.interactions / max) * w} height={row * 0.8} fill="#7a9fe6" />
            </g>
          ))}
        </svg>
      ) : null}
    </div>
  );
}
