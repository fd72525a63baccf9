import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../random/rng';
import { handGraphData } from '../../testing/handGraph';
import { useWasm } from '../../testing/tfSetup';
import { buildGraph, hasEdge, softmaxByHead, type CollaborativeGraph } from './graph';
import { createKgat, layerSizes } from './model';
import { createAdjacency, propagate } from './propagate';

beforeAll(useWasm);

const handData = handGraphData;

function edgesOf(g: CollaborativeGraph): string[] {
  return Array.from(g.head, (h, e) => `${h}-${g.relationNames[g.relation[e]]}-${g.tail[e]}`);
}

describe('the collaborative knowledge graph', () => {
  const d = handData();
  const g = buildGraph(d, d.interactions, { knowledge: true, userAttributes: false });

  it('has users, items, then the entities as nodes, and every relation with its inverse', () => {
    expect(g.numNodes).toBe(8);
    expect(g.nodeNames.slice(5)).toEqual(['genre: X', 'genre: Y', 'creator: c0']);
    expect(g.relationNames).toEqual(['interact', 'interacted by', 'genre', 'genre⁻¹', 'creator', 'creator⁻¹']);
    expect(g.head.length).toBe(20);
  });

  it('sorts the edges by head, then tail, with a CSR index over heads', () => {
    expect(edgesOf(g).slice(0, 4)).toEqual(['0-interact-2', '0-interact-3', '1-interact-3', '1-interact-4']);
    expect(edgesOf(g).slice(g.start[3], g.start[4])).toEqual(['3-interacted by-0', '3-interacted by-1', '3-genre-5', '3-genre-6']);
    expect(edgesOf(g).slice(g.start[7], g.start[8])).toEqual(['7-creator⁻¹-2', '7-creator⁻¹-4']);
    for (let k = 1; k < g.byTail.length; k++) expect(g.tail[g.byTail[k]]).toBeGreaterThanOrEqual(g.tail[g.byTail[k - 1]]);
    expect(hasEdge(g, 3, 6)).toBe(true);
    expect(hasEdge(g, 2, 6)).toBe(false);
  });

  it('starts from the official adjacency: 1 / (the head’s edges of that relation), so each relation’s row sums to 1', () => {
    const w = (h: number) => Array.from(g.initialWeights.subarray(g.start[h], g.start[h + 1]));
    expect(w(3)).toEqual([0.5, 0.5, 0.5, 0.5]); // item 1: two users, two genres
    expect(w(2)).toEqual([1, 1, 1]); // item 0: one user, one genre, one creator
    expect(w(0)).toEqual([0.5, 0.5]);
  });

  it('keeps only the interactions without the knowledge graph, and adds user attributes when asked', () => {
    const bare = buildGraph(d, d.interactions, { knowledge: false, userAttributes: false });
    expect(bare.numNodes).toBe(5);
    expect(bare.head.length).toBe(8);
    const withUsers = buildGraph({ ...d, userFeatures: { names: ['age:young'], values: Uint8Array.of(1, 0) } }, d.interactions, { knowledge: false, userAttributes: true });
    expect(edgesOf(withUsers)).toContain('0-has attribute-5');
    expect(edgesOf(withUsers)).toContain('5-has attribute⁻¹-0');
    expect(withUsers.head.length).toBe(10);
  });

  it('takes a softmax over all of a head’s neighbours, whatever their relation', () => {
    const p = softmaxByHead([0, Math.log(3), 5], Int32Array.of(0, 2, 3));
    expect(p[0]).toBeCloseTo(0.25, 6);
    expect(p[1]).toBeCloseTo(0.75, 6);
    expect(p[2]).toBe(1);
  });
});

describe('propagation', () => {
  const d = handData();
  const g = buildGraph(d, d.interactions, { knowledge: true, userAttributes: false });
  const w = Float32Array.from(g.head, (_, e) => 0.1 + 0.05 * e);
  const dense = (x: number[][], transpose: boolean) => {
    const out = x.map((row) => row.map(() => 0));
    g.head.forEach((h, e) => {
      const [to, from] = transpose ? [g.tail[e], h] : [h, g.tail[e]];
      x[from].forEach((v, c) => (out[to][c] += w[e] * v));
    });
    return out;
  };
  const X = Array.from({ length: 8 }, (_, n) => [n + 1, (n % 3) - 1]);

  it('is A·X with A[h, t] = the edge weight, and its gradient is Aᵀ·dY', async () => {
    const adj = createAdjacency(g, w);
    const x = tf.tensor2d(X);
    const C = Array.from({ length: 8 }, (_, n) => [1, n]);
    const y = propagate(adj, x);
    const grad = tf.grad((a: tf.Tensor) => tf.sum(tf.mul(propagate(adj, a as tf.Tensor2D), tf.tensor2d(C))))(x);
    const want = dense(X, false);
    const got = (await y.array()) as number[][];
    got.forEach((row, n) => row.forEach((v, c) => expect(v).toBeCloseTo(want[n][c], 4)));
    const wantGrad = dense(C, true);
    ((await grad.array()) as number[][]).forEach((row, n) => row.forEach((v, c) => expect(v).toBeCloseTo(wantGrad[n][c], 4)));
    tf.dispose([x, y, grad]);
    adj.dispose();
  });
});

/** e* and the two losses recomputed in plain arrays from the model's own weights. */
describe('KGAT against a hand computation', () => {
  const d = handData();
  const g = buildGraph(d, d.interactions, { knowledge: true, userAttributes: false });
  const dim = 2;
  const R = g.relationNames.length;
  const spec = { dim, layers: layerSizes(dim, 1), attention: true, transR: true, dropout: 0, learningRate: 0.01, l2: 0.1 };
  const leaky = (v: number) => (v > 0 ? v : 0.01 * v);
  const softplus = (v: number) => Math.log1p(Math.exp(v));

  it('halves the layer sizes from d', () => {
    expect(layerSizes(32, 3)).toEqual([32, 16, 8]);
    expect(layerSizes(4, 3)).toEqual([4, 2, 2]);
  });

  it('computes e* = [e ‖ normalised Bi-Interaction output], the TransR loss and the attention as the formulas say', async () => {
    const m = createKgat(g, spec, new Rng(5));
    const [E, relE, relW, W1, b1, W2, b2] = await m.snapshot();
    const e = (n: number) => [E[n * dim], E[n * dim + 1]];
    const proj = (n: number, r: number) => [0, 1].map((c) => e(n)[0] * relW[0 * R * dim + r * dim + c] + e(n)[1] * relW[1 * R * dim + r * dim + c]);
    const w = g.initialWeights;
    const eN = (n: number) => {
      const s = [0, 0];
      for (let k = g.start[n]; k < g.start[n + 1]; k++) for (const c of [0, 1]) s[c] += w[k] * e(g.tail[k])[c];
      return s;
    };
    const lin = (x: number[], W: Float32Array, b: Float32Array) => [0, 1].map((c) => x[0] * W[c] + x[1] * W[2 + c] + b[c]);
    const star = (n: number) => {
      const h = e(n);
      const s = eN(n);
      const a = lin([h[0] + s[0], h[1] + s[1]], W1, b1).map(leaky);
      const bi = lin([h[0] * s[0], h[1] * s[1]], W2, b2).map(leaky);
      const out = [a[0] + bi[0], a[1] + bi[1]];
      const norm = Math.hypot(out[0], out[1]);
      return [...h, out[0] / norm, out[1] / norm];
    };
    const emb = m.embeddings();
    const got = (await emb.array()) as number[][];
    emb.dispose();
    for (let n = 0; n < g.numNodes; n++) star(n).forEach((v, c) => expect(got[n][c]).toBeCloseTo(v, 4));

    // TransR on (item 1, genre, Y) against the corrupted tail c0: g = ‖W_r e_h + e_r − W_r e_t‖².
    const r = 2;
    const score = (t: number) => [0, 1].reduce((s, c) => s + (proj(3, r)[c] + relE[r * dim + c] - proj(t, r)[c]) ** 2, 0);
    const l2 = (v: number[]) => (v[0] ** 2 + v[1] ** 2) / 2;
    const wantKg = softplus(score(6) - score(7)) + 0.1 * (l2(proj(3, r)) + l2([relE[r * dim], relE[r * dim + 1]]) + l2(proj(6, r)) + l2(proj(7, r)));
    const kg = m.kgStep(Int32Array.of(3), Int32Array.of(r), Int32Array.of(6), Int32Array.of(7));
    expect((await kg.data())[0]).toBeCloseTo(wantKg, 4);
    kg.dispose();

    // The attention from the weights after that step: π = softmax over the head's edges of (W_r e_t)ᵀ tanh(W_r e_h + e_r).
    const [E2, relE2, relW2] = await m.snapshot();
    const e2 = (n: number) => [E2[n * dim], E2[n * dim + 1]];
    const proj2 = (n: number, rr: number) => [0, 1].map((c) => e2(n)[0] * relW2[rr * dim + c] + e2(n)[1] * relW2[R * dim + rr * dim + c]);
    const raw = Array.from(g.head, (h, k) => {
      const rr = g.relation[k];
      const ph = proj2(h, rr);
      const pt = proj2(g.tail[k], rr);
      return pt[0] * Math.tanh(ph[0] + relE2[rr * dim]) + pt[1] * Math.tanh(ph[1] + relE2[rr * dim + 1]);
    });
    await m.updateAttention();
    const pi = m.edgeWeights();
    const want = softmaxByHead(raw, g.start);
    want.forEach((v, k) => expect(pi[k]).toBeCloseTo(v, 4));
    m.dispose();
  });

  it('is BPR-MF with no layers: the CF loss is softplus(−(e_u·e_i − e_u·e_j)) plus the L2 terms', async () => {
    const m = createKgat(g, { ...spec, layers: [], attention: false, transR: false }, new Rng(6));
    const [E] = await m.snapshot();
    const e = (n: number) => [E[n * dim], E[n * dim + 1]];
    const dot = (a: number[], b: number[]) => a[0] * b[0] + a[1] * b[1];
    const [u, i, j] = [e(0), e(g.numUsers + 1), e(g.numUsers + 2)];
    const want = softplus(-(dot(u, i) - dot(u, j))) + 0.1 * ((dot(u, u) + dot(i, i) + dot(j, j)) / 2);
    const loss = m.cfStep(Int32Array.of(0), Int32Array.of(1), Int32Array.of(2), 1);
    expect((await loss.data())[0]).toBeCloseTo(want, 5);
    loss.dispose();
    expect(m.variables().length).toBe(3);
    // Only the embeddings are used without TransR and without layers.
    expect(m.paramCount()).toBe(g.numNodes * dim);
    m.dispose();
  });

  it('learns: the CF loss of a fixed batch falls over steps, and no tensor is left behind', async () => {
    const before = tf.memory().numTensors;
    const m = createKgat(g, { ...spec, layers: layerSizes(dim, 2), dropout: 0.1 }, new Rng(7));
    const users = Int32Array.of(0, 0, 1, 1);
    const pos = Int32Array.of(0, 1, 1, 2);
    const neg = Int32Array.of(2, 2, 0, 0);
    const losses: number[] = [];
    for (let s = 0; s < 60; s++) {
      const l = m.cfStep(users, pos, neg, s);
      losses.push((await l.data())[0]);
      l.dispose();
      if (s % 10 === 0) await m.updateAttention();
    }
    expect(losses[59]).toBeLessThan(losses[0]);
    m.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
