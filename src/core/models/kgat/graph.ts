// The collaborative knowledge graph of KGAT (Wang et al., KDD 2019): users, items and attribute entities as nodes,
// (user, interact, item) from the training split and the item knowledge graph's triples, every relation with its inverse.
import { sortedHas, type Dataset, type Interactions } from '../../data/dataset';
import { heartbeat } from '../../heartbeat';

/** What the graph is built from besides the training interactions. */
export interface GraphOptions {
  /** Item attributes (genres and every relation of the dataset) as entities; false = interactions only. */
  knowledge: boolean;
  /** User attributes (age group, region, …) as entities linked to their users — not in the paper. */
  userAttributes: boolean;
}

/**
 * The graph as directed, typed edges sorted by (head, tail): every triple (h, r, t) appears with its inverse
 * (t, r⁻¹, h), and interact / interacted-by are two relations, as in the official code. Nodes: users 0 … U−1,
 * items U … U+I−1, then the entities.
 */
export interface CollaborativeGraph {
  numUsers: number;
  numItems: number;
  numNodes: number;
  /** Node names for explanations: "user 3", item titles, "genre: Drama", "creator: Studio 7", … */
  nodeNames: string[];
  /** Relation names, inverses included ("interact", "interacted by", "genre", "genre⁻¹", …). Relation 0 = interact. */
  relationNames: string[];
  /** Edges sorted by head, then tail: head[e], relation[e], tail[e]. */
  head: Int32Array;
  relation: Int32Array;
  tail: Int32Array;
  /** CSR over heads: the edges of node h are start[h] … start[h+1]−1. */
  start: Int32Array;
  /** The edges sorted by tail (then head): byTail[k] is an edge index (the transposed product's order). */
  byTail: Int32Array;
  /** The official code's initial adjacency: 1 / (the head's number of edges of that relation), summed over relations. */
  initialWeights: Float32Array;
}

/** The relation ids of interact and interacted-by. */
export const INTERACT = 0;
export const INTERACTED_BY = 1;

/** The node of item i. */
export function itemNode(g: Pick<CollaborativeGraph, 'numUsers'>, item: number): number {
  return g.numUsers + item;
}

/**
 * Builds the graph from the training interactions and, when asked, the dataset's side information: each genre of
 * an item as (item, genre, "genre: X"), each attribute triple (item, r, entity), and each user attribute as
 * (user, has, attribute). Validation and test interactions never enter it.
 */
export function buildGraph(data: Dataset, train: Interactions, opts: GraphOptions): CollaborativeGraph {
  const U = train.numUsers;
  const I = train.numItems;
  const nodeNames: string[] = [];
  for (let u = 0; u < U; u++) nodeNames.push(`user ${data.userIds[u] ?? u}`);
  for (let i = 0; i < I; i++) nodeNames.push(data.itemTitles?.[i] ?? `item ${data.itemIds[i] ?? i}`);
  const relationNames = ['interact', 'interacted by'];
  const h: number[] = [];
  const r: number[] = [];
  const t: number[] = [];
  const both = (a: number, rel: number, b: number) => {
    h.push(a, b);
    r.push(rel, rel + 1);
    t.push(b, a);
  };
  for (let u = 0; u < U; u++) for (let p = train.indptr[u]; p < train.indptr[u + 1]; p++) both(u, INTERACT, U + train.indices[p]);
  heartbeat();
  const relationPair = (name: string) => {
    relationNames.push(name, `${name}⁻¹`);
    return relationNames.length - 2;
  };
  if (opts.knowledge) {
    const G = data.genreNames.length;
    if (G > 0) {
      const rel = relationPair('genre');
      const base = nodeNames.length;
      data.genreNames.forEach((name) => nodeNames.push(`genre: ${name}`));
      for (let i = 0; i < I; i++) for (let g = 0; g < G; g++) if (data.itemGenres[i * G + g]) both(U + i, rel, base + g);
    }
    const a = data.attributes;
    if (a) {
      const base = nodeNames.length;
      const relsOf = a.entityNames.map(() => new Set<number>());
      for (let k = 0; k < a.entity.length; k++) relsOf[a.entity[k]]?.add(a.relation[k]);
      a.entityNames.forEach((name, e) => {
        const prefix = [...relsOf[e]].map((x) => a.relationNames[x]).join('/');
        nodeNames.push(prefix ? `${prefix}: ${name}` : name);
      });
      const rels = a.relationNames.map((name) => relationPair(name));
      for (let k = 0; k < a.item.length; k++) if (a.item[k] < I) both(U + a.item[k], rels[a.relation[k]], base + a.entity[k]);
    }
  }
  if (opts.userAttributes && data.userFeatures && data.userFeatures.names.length > 0) {
    const f = data.userFeatures;
    const F = f.names.length;
    const rel = relationPair('has attribute');
    const base = nodeNames.length;
    f.names.forEach((name) => nodeNames.push(name));
    for (let u = 0; u < U; u++) for (let k = 0; k < F; k++) if (f.values[u * F + k]) both(u, rel, base + k);
  }
  heartbeat();
  const N = nodeNames.length;
  const E = h.length;
  // Sort by (head, tail) with two stable counting sorts (tail first, then head).
  const byKey = (keys: number[], within: Int32Array) => {
    const count = new Int32Array(N + 1);
    for (const e of within) count[keys[e] + 1]++;
    for (let n = 0; n < N; n++) count[n + 1] += count[n];
    const out = new Int32Array(within.length);
    for (const e of within) out[count[keys[e]]++] = e;
    return out;
  };
  const all = Int32Array.from({ length: E }, (_, e) => e);
  const order = byKey(h, byKey(t, all));
  const head = Int32Array.from(order, (e) => h[e]);
  const relation = Int32Array.from(order, (e) => r[e]);
  const tail = Int32Array.from(order, (e) => t[e]);
  const start = new Int32Array(N + 1);
  for (let e = 0; e < E; e++) start[head[e] + 1]++;
  for (let n = 0; n < N; n++) start[n + 1] += start[n];
  // Positions are already in head order, so a stable sort by tail leaves ties ordered by head.
  const byTail = byKey(Array.from(tail), Int32Array.from({ length: E }, (_, e) => e));
  return { numUsers: U, numItems: I, numNodes: N, nodeNames, relationNames, head, relation, tail, start, byTail, initialWeights: initialWeights(head, relation, start, relationNames.length) };
}

/** 1 / deg_r(h) for each edge, deg_r(h) = the head's edges of that relation: each relation's rows sum to 1. */
function initialWeights(head: Int32Array, relation: Int32Array, start: Int32Array, numRelations: number): Float32Array {
  const w = new Float32Array(head.length);
  const deg = new Int32Array(numRelations);
  for (let n = 0; n + 1 < start.length; n++) {
    for (let e = start[n]; e < start[n + 1]; e++) deg[relation[e]]++;
    for (let e = start[n]; e < start[n + 1]; e++) w[e] = 1 / deg[relation[e]];
    for (let e = start[n]; e < start[n + 1]; e++) deg[relation[e]] = 0;
  }
  return w;
}

/**
 * Softmax of `scores` over each head's edges: π(h, r, t) = exp(s) / Σ_{(h, r', t') ∈ N(h)} exp(s'), over every
 * neighbour of h whatever the relation — torch.sparse.softmax over a row, as the official PyTorch port does.
 */
export function softmaxByHead(scores: ArrayLike<number>, start: Int32Array): Float32Array {
  const out = new Float32Array(scores.length);
  for (let n = 0; n + 1 < start.length; n++) {
    const a = start[n];
    const b = start[n + 1];
    if (a === b) continue;
    let max = -Infinity;
    for (let e = a; e < b; e++) max = Math.max(max, scores[e]);
    let sum = 0;
    for (let e = a; e < b; e++) sum += out[e] = Math.exp(scores[e] - max);
    for (let e = a; e < b; e++) out[e] /= sum;
  }
  return out;
}

/** Whether node `t` is a neighbour of `h` (any relation): binary search in h's tails (sorted). */
export function hasEdge(g: Pick<CollaborativeGraph, 'start' | 'tail'>, h: number, t: number): boolean {
  return sortedHas(g.tail.subarray(g.start[h], g.start[h + 1]), t);
}
