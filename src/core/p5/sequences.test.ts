// The time-ordered leave-one-out split: hand-worked on one user, and consistent with the shared leaveOneOut.
import { describe, expect, it } from 'vitest';
import { userItems } from '../data/dataset';
import { leaveOneOut } from '../data/split';
import { builtinDataset } from '../data/synthetic';
import { Rng } from '../random/rng';
import { p5Split } from './sequences';
import { datasetFromSequences } from '../testing/p5Data';

describe('p5Split', () => {
  it('orders a user by time and cuts off validation (second-to-last) and test (last)', () => {
    const s = p5Split(datasetFromSequences([[2, 0, 5, 9]], 10));
    expect(Array.from(s.sequences[0])).toEqual([2, 0, 5, 9]);
    expect(Array.from(s.train[0])).toEqual([2, 0]);
    expect(s.validation[0]).toBe(5);
    expect(s.test[0]).toBe(9);
  });

  it('keeps users with fewer than 3 items wholly in training, without held-out items', () => {
    const s = p5Split(datasetFromSequences([[4, 1], [3]], 5));
    expect(Array.from(s.train[0])).toEqual([4, 1]);
    expect(s.validation[0]).toBe(-1);
    expect(s.test[1]).toBe(-1);
  });

  it('holds out the same test item as leaveOneOut on the tiny world', () => {
    const d = builtinDataset('tiny');
    const s = p5Split(d);
    const loo = leaveOneOut(d.interactions, new Rng(0), d.timestamps);
    for (let u = 0; u < d.interactions.numUsers; u++) expect(s.test[u]).toBe(userItems(loo.heldOut, u)[0]);
  });
});
