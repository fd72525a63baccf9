// Where the explanation graph puts its nodes and edges: four columns (the user, the items they interacted with, the
// attribute entities or other users in the middle, the recommended item), one row per distinct node of a column.
import type { ExplainedPath, PathNode } from '../../../core/labs/kgat/explain';

export interface LaidNode extends PathNode {
  key: string;
  col: number;
  x: number;
  y: number;
}

export interface LaidEdge {
  key: string;
  from: LaidNode;
  to: LaidNode;
  relation: string;
  weight: number;
  /** The middle legs of a path through another user are drawn dashed. */
  viaUser: boolean;
  /** The indices of the paths that use this edge. */
  paths: number[];
  /** Where along the edge its label sits (0 at the source, 1 at the target). */
  labelAt: number;
}

export const LAYOUT = { width: 880, nodeW: 128, nodeH: 26, rowH: 38, top: 30, cols: [72, 318, 562, 808] } as const;

export function layoutPaths(paths: ExplainedPath[]): { nodes: LaidNode[]; edges: LaidEdge[]; height: number } {
  const columns: LaidNode[][] = [[], [], [], []];
  const nodeAt = (n: PathNode, col: number): LaidNode => {
    const key = `${col}:${n.name}`;
    const found = columns[col].find((x) => x.key === key);
    if (found) return found;
    const made = { ...n, key, col, x: LAYOUT.cols[col], y: 0 };
    columns[col].push(made);
    return made;
  };
  const edges = new Map<string, LaidEdge>();
  paths.forEach((p, pi) => {
    const laid = p.nodes.slice(0, 4).map((n, col) => nodeAt(n, col));
    for (let j = 0; j < 3 && j + 1 < laid.length; j++) {
      const key = `${laid[j].key}>${laid[j + 1].key}`;
      const e = edges.get(key);
      if (e) e.paths.push(pi);
      else edges.set(key, { key, from: laid[j], to: laid[j + 1], relation: p.relations[j], weight: p.weights[j], viaUser: p.via === 'user' && j > 0, paths: [pi], labelAt: 0.5 });
    }
  });
  const rows = Math.max(1, ...columns.map((c) => c.length));
  const height = LAYOUT.top + rows * LAYOUT.rowH + 8;
  // Each column is centred vertically, so the user and the recommended item sit level with the middle of the fan.
  for (const c of columns) {
    const offset = LAYOUT.top + ((rows - c.length) * LAYOUT.rowH) / 2 + LAYOUT.rowH / 2;
    c.forEach((n, i) => (n.y = offset + i * LAYOUT.rowH));
  }
  // Labels sit where edges do not bunch: near the fan's ends on the first and last legs; on the middle leg, staggered
  // along the edges that leave one item, so two labels of one source do not overlap.
  const out = new Map<string, number>();
  for (const e of edges.values()) {
    if (e.from.col === 0) e.labelAt = 0.62;
    else if (e.from.col === 2) e.labelAt = 0.3;
    else {
      const k = out.get(e.from.key) ?? 0;
      out.set(e.from.key, k + 1);
      e.labelAt = [0.32, 0.62, 0.47][k % 3];
    }
  }
  return { nodes: columns.flat(), edges: [...edges.values()], height };
}
