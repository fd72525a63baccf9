import { describe, expect, it } from 'vitest';
import { answerText, noteOf, shortLabel, signed } from './format';

describe('conversation panel formats', () => {
  it('names every answer, with the rank on a success', () => {
    expect(answerText('success', 3)).toBe('success: target at rank 3');
    expect(answerText('failedRecommendation')).toContain('miss');
    expect(answerText('emptyCandidates')).toBe('no candidates left');
  });
  it('splits a policy label into its name and its parenthesis', () => {
    expect(shortLabel('Max Entropy (ask until ≤ 10 left)')).toBe('Max Entropy');
    expect(noteOf('Max Entropy (ask until ≤ 10 left)')).toBe('ask until ≤ 10 left');
    expect(shortLabel('Ask n, then recommend')).toBe('Ask n, then recommend');
    expect(noteOf('Ask n, then recommend')).toBe('');
  });
  it('signs rewards with a real minus', () => {
    expect(signed(-0.1)).toBe('−0.10');
    expect(signed(1)).toBe('+1.00');
  });
});
