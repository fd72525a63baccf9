// State and action features of the learned policies: shapes, and every number on a hand-made catalogue.
import { describe, expect, it } from 'vitest';
import { candidateActions, DEFAULT_ENVIRONMENT, startConversation, step } from './environment';
import { handCatalogue } from '../testing/handCatalogue';
import { encodeState, encodeUnifiedActions, maxEntropyAttribute, stateDim, turnView, unifiedActionDim } from './policyFeatures';
import { SEPARATED } from './separated';
import { UNIFIED } from './unified';

// The hand catalogue: 14 items; A = items 0–11, B = 0–4, C = 5–13 (attributes 0, 1, 2); target 3 has A and B, not C.
const { table, scorer, episode } = handCatalogue();
const env = DEFAULT_ENVIRONMENT;
const sig = (x: number) => 1 / (1 + Math.exp(-x));
const H = (p: number) => -p * Math.log2(p) - (1 - p) * Math.log2(1 - p);
const viewOf = (state = startConversation(table, episode)) => turnView(scorer, 0, state, candidateActions(scorer, episode, state, env), env);

describe('the state encoder', () => {
  it('has 4d + 5 numbers and, after the opening, every one by hand', () => {
    const view = viewOf();
    const s = encodeState(view);
    expect(s.length).toBe(stateDim(1));
    // Candidates 0–11 with s_v = −v/100 (e_A = 0); offered attributes B and C, tied in entropy (p and 1 − p): lower id first.
    const w = Array.from({ length: 12 }, (_, v) => sig(-v / 100));
    const W = w.reduce((a, b) => a + b, 0);
    const pB = w.slice(0, 5).reduce((a, b) => a + b, 0) / W;
    expect(view.actions.attributes).toEqual([1, 2]);
    expect(s[0]).toBeCloseTo(-0.01, 6); // e_u
    expect(s[1]).toBeCloseTo(0, 6); // mean of accepted {A}
    expect(s[2]).toBeCloseTo(w.reduce((a, x, v) => a + x * v, 0) / W, 5); // σ-weighted mean of e_v
    expect(s[3]).toBeCloseTo((0.1 - 1) / 2, 6); // mean of offered attributes
    expect(s[4]).toBe(0); // no action yet
    expect(s[5]).toBeCloseTo(Math.log(13) / Math.log(15), 6);
    expect(s[6]).toBeCloseTo(H(pB), 5); // H(B) = H(C) here (p and 1 − p)
    expect(s[7]).toBeCloseTo(Math.tanh(0.01), 5); // s_0 − s_1
    expect(s[8]).toBe(0);
  });

  it('counts turns and the share of asks after actions', () => {
    let state = startConversation(table, episode);
    state = step(table, episode, state, { kind: 'ask', attribute: 1 }).state; // accepted: candidates 0–4
    state = step(table, episode, state, { kind: 'recommend', items: [0] }).state; // failed
    const s = encodeState(viewOf(state));
    expect(s[4]).toBeCloseTo(2 / 14, 6);
    expect(s[8]).toBeCloseTo(1 / 2, 6);
    expect(s[1]).toBeCloseTo((0 + 0.1) / 2, 6); // accepted {A, B}
    expect(s[5]).toBeCloseTo(Math.log(6) / Math.log(15), 6);
  });
});

describe('the action features', () => {
  it('unified: attributes then items, [e ; ask, recommend ; H or σ(s) ; rank/10]', () => {
    const view = viewOf();
    const c = encodeUnifiedActions(view);
    const A = unifiedActionDim(1);
    expect(A).toBe(5);
    expect(view.actions.items).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(c.length).toBe((2 + 10) * A);
    const row = (k: number) => Array.from(c.subarray(k * A, (k + 1) * A));
    const w = Array.from({ length: 12 }, (_, v) => sig(-v / 100));
    const h = +H(w.slice(0, 5).reduce((a, b) => a + b, 0) / w.reduce((a, b) => a + b, 0)).toFixed(5);
    expect(row(0).map((x) => +x.toFixed(5))).toEqual([0.1, 1, 0, h, 0]);
    expect(row(1).map((x) => +x.toFixed(5))).toEqual([-1, 1, 0, h, 0.1]);
    expect(row(2 + 3).map((x) => +x.toFixed(5))).toEqual([3, 0, 1, +sig(-0.03).toFixed(5), 0.3]);
  });

  it('unified: an attribute row asks it; any item row recommends every offered item, ordered by Q with the chosen first', () => {
    const view = viewOf();
    const q = Float64Array.from([0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(UNIFIED.toAction(view, 1, q)).toEqual({ kind: 'ask', attribute: 2 });
    expect(UNIFIED.toAction(view, 11, q)).toEqual({ kind: 'recommend', items: [9, 8, 7, 6, 5, 4, 3, 2, 1, 0] });
    expect(UNIFIED.toAction(view, 2, q)).toEqual({ kind: 'recommend', items: [0, 9, 8, 7, 6, 5, 4, 3, 2, 1] });
    expect(UNIFIED.recommendIndex(view, q)).toBe(11);
  });

  it('separated: two fixed one-hots; ask hands off to max entropy, recommend to the top items by score', () => {
    const view = viewOf();
    expect(Array.from(SEPARATED.candidates(view))).toEqual([1, 0, 0, 1]);
    expect(maxEntropyAttribute(view)).toBe(1); // tied with C: the earlier offered
    expect(SEPARATED.toAction(view, 0, new Float64Array(2))).toEqual({ kind: 'ask', attribute: 1 });
    expect(SEPARATED.toAction(view, 1, new Float64Array(2))).toEqual({ kind: 'recommend', items: view.actions.items });
    // With no attribute left only "recommend" is offered.
    let state = startConversation(table, episode);
    state = step(table, episode, state, { kind: 'ask', attribute: 1 }).state;
    state = step(table, episode, state, { kind: 'ask', attribute: 2 }).state; // rejected; nothing left to ask
    const late = viewOf(state);
    expect(late.actions.attributes).toEqual([]);
    expect(Array.from(SEPARATED.candidates(late))).toEqual([0, 1]);
    expect(SEPARATED.toAction(late, 0, new Float64Array(1)).kind).toBe('recommend');
  });
});
