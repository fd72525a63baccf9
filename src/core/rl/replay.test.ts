// The replay buffer: a ring that keeps the newest transitions, pads candidate sets with a mask, samples by seed.
import { describe, expect, it } from 'vitest';
import { Rng } from '../random/rng';
import { batchOf, bytesPerTransition, ReplayBuffer, type Transition } from './replay';

const SHAPE = { stateDim: 2, actionDim: 3, maxCandidates: 4 };

/** Transition number i: its state, reward and features all carry i, with (i % 4) + 1 candidates and i % 3 next ones. */
function transition(i: number): Transition {
  const k = (i % 4) + 1;
  const k2 = i % 3;
  return {
    state: Float32Array.from([i, -i]),
    candidates: Float32Array.from({ length: k * 3 }, (_, j) => i + j / 100),
    action: i % k,
    reward: i / 10,
    done: i % 2 === 0,
    nextState: Float32Array.from([i + 1, -i - 1]),
    nextCandidates: Float32Array.from({ length: k2 * 3 }, (_, j) => -i - j / 100),
  };
}

describe('ReplayBuffer', () => {
  it('stores a transition padded to Kmax, with a mask of its real candidates', () => {
    const r = new ReplayBuffer(SHAPE, 5);
    r.push(transition(5)); // 2 candidates now, 2 next
    const b = r.at(0);
    expect(Array.from(b.states)).toEqual([5, -5]);
    expect(Array.from(b.mask)).toEqual([1, 1, 0, 0]);
    expect(Array.from(b.nextMask)).toEqual([1, 1, 0, 0]);
    expect(b.candidates.subarray(0, 6)).toEqual(transition(5).candidates);
    expect(Array.from(b.candidates.subarray(6))).toEqual(new Array(6).fill(0));
    expect([b.actions[0], b.rewards[0], b.dones[0]]).toEqual([1, Math.fround(0.5), 0]);
  });

  it('is a ring: once full, each push overwrites the oldest and the size stays at the capacity', () => {
    const r = new ReplayBuffer(SHAPE, 3);
    for (let i = 0; i < 7; i++) r.push(transition(i));
    expect(r.size).toBe(3);
    expect(r.totalPushed).toBe(7);
    expect([0, 1, 2].map((i) => r.at(i).states[0])).toEqual([4, 5, 6]);
    // The overwritten rows hold the new transition's padding, not the old one's candidates.
    const newest = r.at(2); // transition 6: 3 candidates, 0 next
    expect(Array.from(newest.mask)).toEqual([1, 1, 1, 0]);
    expect(Array.from(newest.nextMask)).toEqual([0, 0, 0, 0]);
    expect(Array.from(newest.nextCandidates)).toEqual(new Array(12).fill(0));
  });

  it('samples only held transitions, whole (every field of a row from one transition), the same for the same seed', () => {
    const r = new ReplayBuffer(SHAPE, 4);
    for (let i = 0; i < 10; i++) r.push(transition(i));
    const a = r.sample(64, new Rng(7));
    const b = r.sample(64, new Rng(7));
    expect(a).toEqual(b);
    const seen = new Set<number>();
    for (let row = 0; row < 64; row++) {
      const i = a.states[row * 2];
      seen.add(i);
      const one = batchOf(SHAPE, [transition(i)]);
      expect(a.candidates.subarray(row * 12, row * 12 + 12)).toEqual(one.candidates);
      expect(a.nextMask.subarray(row * 4, row * 4 + 4)).toEqual(one.nextMask);
      expect([a.actions[row], a.rewards[row], a.dones[row]]).toEqual([one.actions[0], one.rewards[0], one.dones[0]]);
    }
    expect([...seen].sort()).toEqual([6, 7, 8, 9]);
    expect(r.sample(64, new Rng(8))).not.toEqual(a);
  });

  it('fills a given batch in place, and rejects bad transitions with a message naming the problem', () => {
    const r = new ReplayBuffer(SHAPE, 4);
    r.push(transition(1));
    const into = r.sample(2, new Rng(1));
    expect(r.sample(2, new Rng(1), into)).toBe(into);
    expect(() => r.push({ ...transition(1), action: 2 })).toThrow(/action 2/);
    expect(() => r.push({ ...transition(1), candidates: new Float32Array(15) })).toThrow(/candidates/);
    expect(() => new ReplayBuffer(SHAPE, 3).sample(1, new Rng(1))).toThrow(/empty/);
  });

  it('counts its bytes per transition: two states, two padded candidate sets and masks, and three scalars', () => {
    expect(bytesPerTransition({ stateDim: 64, actionDim: 64, maxCandidates: 20 })).toBe(4 * (128 + 2 * 20 * 64 + 40 + 3));
  });
});
