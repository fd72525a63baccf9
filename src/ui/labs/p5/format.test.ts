import { describe, expect, it } from 'vitest';
import type { ModelRow, PlaygroundPrompt } from '../../../core/labs/p5/artifacts';
import { answerPiece, answerPieces, tick, betterOf, headlineBars, metricName, modelsOf, num, pct, playgroundTemplates, playgroundUsers, promptPieces } from './format';

const row = (id: string, families: ModelRow['families'], test: ModelRow['test']): ModelRow => ({ id, label: id, families, idMode: 'atomic', params: 10, test });

describe('the P5 panel formats', () => {
  it('writes scores with four decimals and a dash for a missing one', () => {
    expect(num(0.046666)).toBe('0.0467');
    expect(num(1)).toBe('1.0000');
    expect(num(null)).toBe('—');
    expect(num(Number.NaN)).toBe('—');
  });
  it('writes probabilities as percentages with one decimal, tiny ones as <0.1%', () => {
    expect(pct(0.03536)).toBe('3.5%');
    expect(pct(1)).toBe('100.0%');
    expect(pct(0)).toBe('0.0%');
    expect(pct(0.0004)).toBe('<0.1%');
    expect(pct(undefined)).toBe('—');
  });
  it('writes axis ticks with two significant digits', () => {
    expect(tick(0)).toBe('0');
    expect(tick(0.015)).toBe('0.015');
    expect(tick(0.045)).toBe('0.045');
    expect(tick(0.3)).toBe('0.3');
  });
  it('names metrics and says which way is better', () => {
    expect(metricName('hr@10')).toBe('HR@10');
    expect(metricName('ndcg@5')).toBe('NDCG@5');
    expect(metricName('rmse')).toBe('RMSE');
    expect(metricName('accuracy')).toBe('accuracy');
    expect(betterOf('rmse')).toBe('lower');
    expect(betterOf('mae')).toBe('lower');
    expect(betterOf('hr@10')).toBe('higher');
  });
});

describe('the results per family', () => {
  const rows = [
    row('plain', ['sequential'], { sequential: { seen: { 'hr@10': 0.05 }, unseen: null } }),
    row('per-task:sequential', ['sequential'], { sequential: { seen: { 'hr@10': 0.2 }, unseen: { 'hr@10': 0.1 } } }),
    row('per-task:direct-yesno', ['direct-yesno'], { 'direct-yesno': { seen: { accuracy: 0.6 }, unseen: { accuracy: 0.55 } } }),
    row('unified', ['sequential', 'direct-yesno'], { sequential: { seen: { 'hr@10': 0.3 }, unseen: { 'hr@10': 0.25 } }, 'direct-yesno': { seen: { accuracy: 0.7 }, unseen: { accuracy: 0.5 } } }),
    row('ids-random', ['sequential'], null),
  ];
  it('lists the unified, the per-task and the plain model of a family, in that order, and no id-mode model', () => {
    expect(modelsOf(rows, 'sequential').map((r) => r.id)).toEqual(['unified', 'per-task:sequential', 'plain']);
    expect(modelsOf(rows, 'direct-yesno').map((r) => r.id)).toEqual(['unified', 'per-task:direct-yesno']);
    expect(modelsOf(rows, 'rating')).toEqual([]);
  });
  it('draws seen and held-out bars per model, and one bar for the plain model', () => {
    expect(headlineBars(rows, 'sequential').map((b) => [b.name, b.value])).toEqual([
      ['unified, seen', 0.3],
      ['unified, held out', 0.25],
      ['per-task, seen', 0.2],
      ['per-task, held out', 0.1],
      ['plain (no words)', 0.05],
    ]);
    expect(headlineBars(rows, 'direct-yesno').map((b) => b.value)).toEqual([0.7, 0.5, 0.6, 0.55]);
    expect(modelsOf([row('unified', ['sequential'], null)], 'sequential')).toEqual([]);
    // The popularity reference closes the list, where the run scored it.
    expect(headlineBars(rows, 'sequential', { 'hr@10': 0.08 }).at(-1)).toMatchObject({ name: 'popularity (no model)', model: 'popularity', value: 0.08 });
  });
});

describe('the playground', () => {
  const items = { '<item_3>': 'Film A', '123': 'Film B' };
  it('names item tokens in a prompt and leaves words and users as they are', () => {
    expect(promptPieces('will <user_0> like <item_3> ?', items)).toEqual([{ text: 'will' }, { text: '<user_0>' }, { text: 'like' }, { text: '<item_3>', name: 'Film A' }, { text: '?' }]);
  });
  it('reads a run of digits as one item id', () => {
    expect(promptPieces('after 1 2 3 <sep> 4 5 , next', items)).toEqual([{ text: 'after' }, { text: '123', name: 'Film B' }, { text: '<sep>' }, { text: '45' }, { text: ',' }, { text: 'next' }]);
  });
  it('names an answer, and says when the answer is empty', () => {
    expect(answerPiece('<item_3>', items)).toEqual({ text: '<item_3>', name: 'Film A' });
    expect(answerPiece('yes', items)).toEqual({ text: 'yes' });
    expect(answerPiece('', items)).toEqual({ text: '(nothing)' });
  });
  it('splits a greedy answer of several tokens so each item is named', () => {
    expect(answerPieces('<item_3><item_4>', items)).toEqual([{ text: '<item_3>', name: 'Film A' }, { text: '<item_4>' }]);
    expect(answerPieces('123', items)).toEqual([{ text: '123', name: 'Film B' }]);
    expect(answerPieces('yes', items)).toEqual([{ text: 'yes' }]);
  });
  it('lists each user and each template once, in order of first appearance', () => {
    const p = (user: number, templateId: string, heldOut = false): PlaygroundPrompt => ({ user, userName: `u${user}`, family: 'sequential', templateId, heldOut, prompt: '', truth: '', answers: [] });
    const prompts = [p(2, 's-1'), p(5, 's-1'), p(2, 's-4', true), p(5, 's-4', true)];
    expect(playgroundUsers(prompts)).toEqual([
      { user: 2, name: 'u2' },
      { user: 5, name: 'u5' },
    ]);
    expect(playgroundTemplates(prompts).map((t) => [t.id, t.heldOut])).toEqual([
      ['s-1', false],
      ['s-4', true],
    ]);
  });
});
