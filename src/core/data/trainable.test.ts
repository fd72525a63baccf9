import { describe, expect, it } from 'vitest';
import { fromUserLists } from './dataset';
import { trainabilityProblem } from './trainable';

const data = (lists: number[][], numItems: number) => fromUserLists(lists, numItems);

describe('trainabilityProblem', () => {
  it('refuses one interaction, naming the counts and the minimum', () => {
    const why = trainabilityProblem(data([[0]], 1));
    expect(why).toMatch(/too small to train and evaluate on: 1 user, 1 item, 1 interaction, 0 users with 2 or more/);
    expect(why).toMatch(/at least 2 users, 2 items and 1 user with 2 or more/);
  });

  it('refuses one user, however many items, and two users with one interaction each', () => {
    expect(trainabilityProblem(data([[0, 1, 2]], 3))).toMatch(/1 user,/);
    expect(trainabilityProblem(data([[0], [1]], 2))).toMatch(/0 users with 2 or more/);
  });

  it('accepts the smallest data a held-out split can evaluate: 2 users, 2 items, one user with 2', () => {
    expect(trainabilityProblem(data([[0, 1], [0]], 2))).toBeNull();
  });

  it('takes a stricter minimum from a lab that needs one', () => {
    expect(trainabilityProblem(data([[0, 1], [0]], 2), { users: 10, items: 2, usersWithTwoOrMore: 1 })).toMatch(/at least 10 users/);
  });
});
