// The code-lock toy MDP: the right code advances, a wrong one resets, every offer holds the right code.
import { describe, expect, it } from 'vitest';
import { Rng } from '../random/rng';
import { CodeLock } from './codeLock';

describe('CodeLock', () => {
  it('offers 2…C distinct codes, always including the right one, as one-hot rows', () => {
    const env = new CodeLock(new Rng(1));
    const sizes = new Set<number>();
    for (let i = 0; i < 200; i++) {
      expect(env.offered).toContain(env.rightCode(env.position));
      expect(new Set(env.offered).size).toBe(env.offered.length);
      sizes.add(env.offered.length);
      const c = env.candidates();
      env.offered.forEach((code, k) => expect(Array.from(c.subarray(k * 4, k * 4 + 4))).toEqual([0, 1, 2, 3].map((j) => (j === code ? 1 : 0))));
      const k = new Rng(i).int(env.offered.length);
      if (env.step(k).done) env.reset();
    }
    expect([...sizes].sort()).toEqual([2, 3, 4]);
  });

  it('opens after the right code at every position (+1, done), and a wrong code costs −0.1 and resets to 0', () => {
    const env = new CodeLock(new Rng(2));
    const right = () => env.offered.indexOf(env.rightCode(env.position));
    for (let p = 0; p < 3; p++) expect(env.step(right())).toEqual({ reward: 0, done: false });
    expect(env.position).toBe(3);
    expect(Array.from(env.state())).toEqual([0, 0, 0, 1]);
    const wrong = env.offered.findIndex((c) => c !== env.rightCode(3));
    expect(env.step(wrong)).toEqual({ reward: -0.1, done: false });
    expect(env.position).toBe(0);
    for (let p = 0; p < 3; p++) env.step(right());
    expect(env.step(right())).toEqual({ reward: 1, done: true });
    expect(env.candidates()).toHaveLength(0);
  });
});
