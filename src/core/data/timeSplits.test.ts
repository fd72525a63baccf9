import { describe, expect, it } from 'vitest';
import { Rng } from '../random/rng';
import { fromUserLists, userItems } from './dataset';
import { moodSplit, sessionSplit, temporalSplit } from './timeSplits';

const rows = (x: Parameters<typeof userItems>[0]) => Array.from({ length: x.numUsers }, (_, u) => Array.from(userItems(x, u)));

describe('temporalSplit', () => {
  it('holds out the latest round(0.2 n) clicks of each user, by timestamp not by item id', () => {
    // User 0: items 0..4 clicked at times 50, 10, 40, 20, 30 → the latest is item 0. User 1: 10 items, latest 2 are 8 and 3.
    const x = fromUserLists([[0, 1, 2, 3, 4], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [7]], 10);
    const ts = Float64Array.from([50, 10, 40, 20, 30, 1, 2, 3, 90, 4, 5, 6, 7, 95, 8, 100]);
    const s = temporalSplit(x, ts, 0.2);
    expect(rows(s.heldOut)).toEqual([[0], [3, 8], []]);
    expect(rows(s.train)).toEqual([[1, 2, 3, 4], [0, 1, 2, 4, 5, 6, 7, 9], [7]]);
    expect(s.usersHeldOut).toBe(2);
  });

  it('refuses timestamps that do not match the interactions', () => {
    const x = fromUserLists([[0, 1]], 2);
    expect(() => temporalSplit(x, new Float64Array(3))).toThrow(/timestamps has 3 entries/);
  });
});

describe('sessionSplit', () => {
  const hour = 3600;
  it('holds out the last session when there are several and it is at most half the history', () => {
    // User 0: sessions {t=0,100,200} and {t=10 000, 10 050} (gap > 1 h) → the last two clicks (items 3, 4).
    // User 1: one session only → nothing held out. User 2: last session is 3 of 4 clicks (> half) → nothing.
    const x = fromUserLists([[0, 1, 2, 3, 4], [0, 1, 2], [0, 1, 2, 3]], 5);
    const ts = Float64Array.from([0, 100, 200, 10_000, 10_050, 0, 60, 120, 0, 2 * hour, 2 * hour + 1, 2 * hour + 2]);
    const s = sessionSplit(x, ts);
    expect(rows(s.heldOut)).toEqual([[3, 4], [], []]);
    expect(rows(s.train)).toEqual([[0, 1, 2], [0, 1, 2], [0, 1, 2, 3]]);
    expect(s.usersHeldOut).toBe(1);
  });

  it('a pause of exactly the gap stays in the session; the gap and share are settings', () => {
    const x = fromUserLists([[0, 1, 2, 3]], 4);
    const ts = Float64Array.from([0, 1, 1 + hour, 1 + 3 * hour]);
    expect(rows(sessionSplit(x, ts).heldOut)).toEqual([[3]]);
    // With a two-hour gap the two-hour pause is not over it: one session, nothing held out.
    expect(rows(sessionSplit(x, ts, { gapSeconds: 2 * hour }).heldOut)).toEqual([[]]);
    // With a gap just under an hour, the last session is still item 3 alone (1 of 4 ≤ half).
    expect(rows(sessionSplit(x, ts, { gapSeconds: hour - 1 }).heldOut)).toEqual([[3]]);
    // maxFraction 0.25: 1 click of 4 is exactly a quarter, so it is held out; 0.2 is less than a quarter.
    expect(rows(sessionSplit(x, ts, { maxFraction: 0.25 }).heldOut)).toEqual([[3]]);
    expect(rows(sessionSplit(x, ts, { maxFraction: 0.2 }).heldOut)).toEqual([[]]);
    expect(() => sessionSplit(x, ts, { maxFraction: 1 })).toThrow(/maxFraction/);
  });
});

describe('moodSplit', () => {
  // Items 0–4 are genre 0, items 5–9 genre 1 (two genres).
  const genres = new Uint8Array(20);
  for (let i = 0; i < 10; i++) genres[i * 2 + (i < 5 ? 0 : 1)] = 1;

  it('holds out clicks of one genre only, drawn by the true tastes', () => {
    const x = fromUserLists([[0, 1, 2, 3, 5, 6, 7, 8, 9, 4]], 10);
    // A user who is all genre 1 in truth: every held-out item is of genre 1, round(10 · 0.2) = 2 of them.
    const s = moodSplit(x, new Rng(1), genres, 2, Float64Array.from([0, 1]), 0.2);
    expect(rows(s.heldOut)[0]).toHaveLength(2);
    expect(rows(s.heldOut)[0].every((i) => i >= 5)).toBe(true);
  });

  it('over many users, the held-out genre follows the true tastes (0.8 / 0.2)', () => {
    const n = 2000;
    const x = fromUserLists(Array.from({ length: n }, () => [0, 1, 2, 5, 6, 7]), 10);
    const tastes = new Float64Array(n * 2);
    for (let u = 0; u < n; u++) tastes.set([0.8, 0.2], u * 2);
    const s = moodSplit(x, new Rng(7), genres, 2, tastes, 0.2);
    const first = rows(s.heldOut).filter((r) => r[0] < 5).length / n;
    expect(first).toBeGreaterThan(0.76);
    expect(first).toBeLessThan(0.84);
  });

  it('keeps at least one training click and skips users with no clicked genre of positive taste', () => {
    const x = fromUserLists([[5, 6], [0, 1]], 10);
    const s = moodSplit(x, new Rng(3), genres, 2, Float64Array.from([0, 1, 0, 1]), 0.9);
    expect(rows(s.heldOut)).toEqual([[5], []]);
    expect(s.usersHeldOut).toBe(1);
  });
});
