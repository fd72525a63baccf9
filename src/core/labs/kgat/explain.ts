// Explanations from KGAT's attention: the paths user → item → (entity or user) → recommended item with the largest
// product of attention weights along them (Wang et al. 2019, §4.5 "case study").
import { INTERACT, INTERACTED_BY, itemNode, type CollaborativeGraph } from '../../models/kgat/graph';

/** One node on a path, with what kind of node it is (for drawing). */
export interface PathNode {
  name: string;
  kind: 'user' | 'item' | 'entity';
}

/** A path of three edges from the user to the recommended item. */
export interface ExplainedPath {
  nodes: PathNode[];
  /** The relation of each edge (3). */
  relations: string[];
  /** π of each edge (3): the attention of the kept (best-validation) epoch. */
  weights: number[];
  /** Their product: how much of the propagated signal flows along this path. */
  score: number;
  /** 'entity': through a shared attribute; 'user': through another user who interacted with both. */
  via: 'entity' | 'user';
}

/** The edge h → t (the first, if several relations join them; edges are sorted by tail within a head), or −1. */
function edgeAt(g: CollaborativeGraph, h: number, t: number): number {
  let lo = g.start[h];
  let hi = g.start[h + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (g.tail[mid] < t) lo = mid + 1;
    else hi = mid - 1;
  }
  return lo < g.start[h + 1] && g.tail[lo] === t ? lo : -1;
}

function kindOf(g: CollaborativeGraph, n: number): PathNode['kind'] {
  return n < g.numUsers ? 'user' : n < g.numUsers + g.numItems ? 'item' : 'entity';
}

/**
 * The `top` paths of each kind u → i₁ → x → i (i₁ one of u's training items, x an entity of i₁ also linked to i, or another user
 * who interacted with both i₁ and i) ranked by π(u, i₁) · π(i₁, x) · π(x, i): the best through an entity, then the best through a user (user paths
 * carry more weight in a dense graph and would hide the attribute paths). Empty when no such path exists.
 */
export function explainPaths(g: CollaborativeGraph, w: Float32Array, user: number, item: number, top: number): ExplainedPath[] {
  const target = itemNode(g, item);
  type Found = { nodes: number[]; rels: number[]; weights: number[]; score: number };
  const byKind: Record<'entity' | 'user', Found[]> = { entity: [], user: [] };
  for (let e1 = g.start[user]; e1 < g.start[user + 1]; e1++) {
    if (g.relation[e1] !== INTERACT) continue;
    const i1 = g.tail[e1];
    if (i1 === target) continue;
    for (let e2 = g.start[i1]; e2 < g.start[i1 + 1]; e2++) {
      const x = g.tail[e2];
      if (x === user || g.relation[e2] === INTERACT) continue;
      const isUser = g.relation[e2] === INTERACTED_BY;
      if (!isUser && x < g.numUsers + g.numItems) continue;
      const e3 = edgeAt(g, x, target);
      if (e3 < 0) continue;
      const weights = [w[e1], w[e2], w[e3]];
      const score = weights[0] * weights[1] * weights[2];
      const found = byKind[isUser ? 'user' : 'entity'];
      if (found.length >= top && score <= found[found.length - 1].score) continue;
      found.push({ nodes: [user, i1, x, target], rels: [g.relation[e1], g.relation[e2], g.relation[e3]], weights, score });
      found.sort((a, b) => b.score - a.score);
      if (found.length > top) found.pop();
    }
  }
  return [...byKind.entity, ...byKind.user].map((p) => ({
    nodes: p.nodes.map((n) => ({ name: g.nodeNames[n], kind: kindOf(g, n) })),
    relations: p.rels.map((r) => g.relationNames[r]),
    weights: p.weights,
    score: p.score,
    via: kindOf(g, p.nodes[2]) === 'user' ? 'user' : 'entity',
  }));
}
