// The explanation paths as a small graph: user → items they interacted with → attribute entities or other users →
// the recommended item; edges labelled with relation and π, thicker for a larger π; node shape and colour by kind.
import { memo } from 'react';
import type { ExplainedPath } from '../../../core/labs/kgat/explain';
import { LAYOUT, layoutPaths, type LaidEdge, type LaidNode } from './pathLayout';

export const KIND_COLORS = { user: '#2f6fdd', item: '#d9822b', entity: '#27ae60' } as const;
const HEADS = ['user', 'items they interacted with', 'attribute or other user', 'recommended item'];
const short = (s: string) => (s.length > 19 ? `${s.slice(0, 18)}…` : s);

function NodeShape({ n, target }: { n: LaidNode; target: boolean }) {
  const w = LAYOUT.nodeW;
  const h = LAYOUT.nodeH;
  const [x0, y0] = [n.x - w / 2, n.y - h / 2];
  const fill = `${KIND_COLORS[n.kind]}22`;
  const stroke = KIND_COLORS[n.kind];
  const sw = target ? 3 : 1.5;
  const shape =
    n.kind === 'entity' ? (
      <polygon points={`${x0 + 10},${y0} ${x0 + w - 10},${y0} ${x0 + w},${n.y} ${x0 + w - 10},${y0 + h} ${x0 + 10},${y0 + h} ${x0},${n.y}`} fill={fill} stroke={stroke} strokeWidth={sw} />
    ) : (
      <rect x={x0} y={y0} width={w} height={h} rx={n.kind === 'user' ? h / 2 : 3} fill={fill} stroke={stroke} strokeWidth={sw} />
    );
  return (
    <g data-testid="kgat-node" data-kind={n.kind}>
      <title>{`${n.kind}: ${n.name}`}</title>
      {shape}
      <text x={n.x} y={n.y + 4} textAnchor="middle" fontSize="12" fill="#101828" fontWeight={target ? 700 : 400}>
        {short(n.name)}
      </text>
    </g>
  );
}

function Edge({ e, maxW, dim }: { e: LaidEdge; maxW: number; dim: boolean }) {
  const x1 = e.from.x + LAYOUT.nodeW / 2;
  const x2 = e.to.x - LAYOUT.nodeW / 2;
  const t = e.labelAt;
  const lx = x1 + (x2 - x1) * t;
  const ly = e.from.y + (e.to.y - e.from.y) * t;
  return (
    <g opacity={dim ? 0.18 : 1} data-testid="kgat-edge">
      <title>{`${e.from.name} → ${e.relation} (π ${e.weight.toFixed(3)}) → ${e.to.name}`}</title>
      <line x1={x1} y1={e.from.y} x2={x2} y2={e.to.y} stroke={e.viaUser ? '#5b7bb5' : '#667085'} strokeWidth={1 + 7 * (e.weight / maxW)} strokeDasharray={e.viaUser ? '6 4' : undefined} strokeLinecap="round" />
      <text x={lx} y={ly - 3} textAnchor="middle" fontSize="10" fill="#344054" stroke="#fff" strokeWidth="3" paintOrder="stroke">
        {e.relation} π {e.weight.toFixed(3)}
      </text>
    </g>
  );
}

export const PathGraph = memo(function PathGraph({ paths, active, label }: { paths: ExplainedPath[]; active: number | null; label: string }) {
  const { nodes, edges, height } = layoutPaths(paths);
  const maxW = Math.max(1e-9, ...edges.map((e) => e.weight));
  const target = nodes.find((n) => n.col === 3);
  return (
    <div className="kg-graph-scroll" tabIndex={0} role="region" aria-label="Explanation graph (scrolls sideways when narrow)">
      <svg className="kg-graph" viewBox={`0 0 ${LAYOUT.width} ${height}`} role="img" aria-label={label} data-testid="kgat-graph" data-edges={edges.length}>
        {HEADS.map((h, i) => (
          <text key={h} x={LAYOUT.cols[i]} y={14} textAnchor="middle" fontSize="11" fill="#667085">
            {h}
          </text>
        ))}
        {edges.map((e) => (
          <Edge key={e.key} e={e} maxW={maxW} dim={active !== null && !e.paths.includes(active)} />
        ))}
        {nodes.map((n) => (
          <NodeShape key={n.key} n={n} target={n === target} />
        ))}
      </svg>
    </div>
  );
});
