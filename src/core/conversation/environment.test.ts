// The simulated user's rules and rewards on a hand-made catalogue, one rule of science.md §2 per test.
import { describe, expect, it } from 'vitest';
import { candidateActions, DEFAULT_ENVIRONMENT, startConversation, step, type ConversationState } from './environment';
import { handCatalogue } from '../testing/handCatalogue';
import { itemScore, weightedEntropies } from './scorer';

// The hand catalogue: 14 items; A = items 0–11, B = 0–4, C = 5–13 (attributes 0, 1, 2); target 3 has A and B, not C.
const { table, scorer, episode } = handCatalogue();
const opened = startConversation(table, episode);
const ask = (attribute: number) => ({ kind: 'ask' as const, attribute });
const rec = (...items: number[]) => ({ kind: 'recommend' as const, items });

describe('the simulated user', () => {
  it("opens at turn 1 with the opening attribute accepted and the candidates filtered to the items that have it", () => {
    expect(opened.turn).toBe(1);
    expect(opened.accepted).toEqual([0]);
    expect(Array.from(opened.candidates)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('accepts an attribute of the target: +0.01, and only the items with it stay candidates', () => {
    const r = step(table, episode, opened, ask(1));
    expect(r).toMatchObject({ reward: 0.01, done: false, event: 'accepted' });
    expect(r.state.accepted).toEqual([0, 1]);
    expect(Array.from(r.state.candidates)).toEqual([0, 1, 2, 3, 4]);
    expect(r.state.turn).toBe(2);
  });

  it('rejects an attribute the target lacks: −0.1, recorded, and the candidates are not filtered', () => {
    const r = step(table, episode, opened, ask(2));
    expect(r).toMatchObject({ reward: -0.1, done: false, event: 'rejected' });
    expect(r.state.rejected).toEqual([2]);
    expect(r.state.candidates).toEqual(opened.candidates);
  });

  it('succeeds when the target is in the list: +1, done, with its 1-based rank', () => {
    expect(step(table, episode, opened, rec(7, 3, 1))).toMatchObject({ reward: 1, done: true, event: 'success', rank: 2 });
  });

  it('removes a rejected list from the candidates while more than 10 remain: −0.1', () => {
    const r = step(table, episode, opened, rec(0, 1));
    expect(r).toMatchObject({ reward: -0.1, done: false, event: 'failedRecommendation' });
    expect(Array.from(r.state.candidates)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(r.state.rejectedItems).toEqual([0, 1]);
  });

  it('keeps a rejected list among the candidates when 10 or fewer remain', () => {
    const ten = step(table, episode, opened, rec(0, 1)).state;
    const r = step(table, episode, ten, rec(2, 4));
    expect(r.reward).toBe(-0.1);
    expect(r.state.candidates.length).toBe(10);
    expect(r.state.rejectedItems).toEqual([0, 1, 2, 4]);
  });

  it('ends an ask that finds no candidates with −0.1', () => {
    const empty: ConversationState = { ...opened, candidates: new Int32Array(0) };
    expect(step(table, episode, empty, ask(1))).toMatchObject({ reward: -0.1, done: true, event: 'emptyCandidates' });
  });

  it('lets the agent act 14 times: the 14th action without success ends the episode with the quit −0.3 added', () => {
    let s = opened;
    for (let k = 1; k <= 13; k++) {
      const r = step(table, episode, s, ask(2));
      expect(r.done).toBe(false);
      s = r.state;
    }
    const last = step(table, episode, s, rec(0));
    expect(last).toMatchObject({ done: true, quit: true, event: 'failedRecommendation' });
    expect(last.reward).toBeCloseTo(-0.1 - 0.3, 12);
    expect(last.state.turn).toBe(15);
    expect(() => step(table, episode, last.state, rec(3))).toThrow(/OL101/);
  });

  it('still rewards a success on the 14th action with +1 and no quit', () => {
    let s = opened;
    for (let k = 1; k <= 13; k++) s = step(table, episode, s, ask(2)).state;
    expect(step(table, episode, s, rec(3))).toMatchObject({ reward: 1, done: true, quit: false });
  });

  it('refuses an empty list or one longer than 10', () => {
    expect(() => step(table, episode, opened, rec())).toThrow(/OL101/);
    expect(() => step(table, episode, opened, rec(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10))).toThrow(/OL101/);
  });
});

describe('the item score and the action space', () => {
  it('adds ⟨e_p, e_v⟩ for accepted attributes and subtracts σ(⟨e_p, e_v⟩) for rejected ones the item has', () => {
    // item 6: ⟨u,v⟩ = −0.06; accepted B adds 0.6; rejected C (6 has it): −σ(−6)
    expect(itemScore(scorer, 0, 6, [1], [2])).toBeCloseTo(-0.06 + 0.6 - 1 / (1 + Math.exp(6)), 6);
    // item 2 lacks C: a rejected C does not touch it
    expect(itemScore(scorer, 0, 2, [], [2])).toBeCloseTo(-0.02, 6);
  });

  it('weights entropy by σ(score): an attribute on half the weight has 1 bit, one on every candidate 0', () => {
    const h = weightedEntropies(table, [0, 1, 5, 6], [0, 0, 0, 0]);
    expect(h[0]).toBe(0); // A on all four
    expect(h[1]).toBeCloseTo(1, 12); // B on 0, 1
    expect(h[2]).toBeCloseTo(1, 12); // C on 5, 6
    // unequal weights: p₁(B) = (σ(2) + σ(0)) / (σ(2) + σ(0) + 2σ(−2))
    const s = (x: number) => 1 / (1 + Math.exp(-x));
    const p1 = (s(2) + s(0)) / (s(2) + s(0) + 2 * s(-2));
    expect(weightedEntropies(table, [0, 1, 5, 6], [2, 0, -2, -2])[1]).toBeCloseTo(-p1 * Math.log2(p1) - (1 - p1) * Math.log2(1 - p1), 12);
  });

  it('offers the top 10 candidates by score and only attributes not yet asked', () => {
    const a = candidateActions(scorer, episode, opened);
    expect(a.items).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(a.attributes.sort()).toEqual([1, 2]);
    const afterReject = step(table, episode, opened, ask(2)).state;
    expect(candidateActions(scorer, episode, afterReject).attributes).toEqual([1]);
    // preference ⟨e_u, e_p⟩ + ⟨e_p, e_A⟩ (A accepted, e_A = 0): B → −0.01·0.1 = −0.001, C → −0.01·−1 = 0.01
    expect(candidateActions(scorer, episode, opened, { ...DEFAULT_ENVIRONMENT, attributeRanking: 'preference' }).attributes).toEqual([2, 1]);
  });
});
