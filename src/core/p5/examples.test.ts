// P5 examples: hand-checked prompts, no held-out item in training, seeded negatives, determinism.
import { describe, expect, it } from 'vitest';
import { builtinDataset } from '../data/synthetic';
import { buildP5Data, evaluationExamples } from './examples';
import { ITEM_ID_MODES } from './itemIds';
import { P5_FAMILIES, templateById, templatesOf } from './templates';
import { datasetFromSequences, disjointDataset } from '../testing/p5Data';

const tiny = builtinDataset('tiny');

/** The item indices a prompt mentions, read back from atomic tokens. */
function atomicItems(tokens: string[]): number[] {
  return tokens.filter((t) => t.startsWith('<item_')).map((t) => Number(t.slice(6, -1)));
}

describe('buildP5Data', () => {
  it('writes a sequential test prompt with digit ids: user 0 watched 1, 2, 3 and the answer is 4 (the leak)', () => {
    const d = disjointDataset();
    const data = buildP5Data(d, { idMode: 'sequential-leaky', seed: 1 });
    const [ex] = evaluationExamples(data, d, 'test', templateById('sequential-1'));
    expect(data.vocab.decode(ex.prompt).join(' ')).toBe('<bos> <user_0> has watched 1 <sep> 2 <sep> 3 . what is the next item ?');
    expect(data.vocab.decode(ex.target)).toEqual(['4', '<eos>']);
    expect(ex.answer).toEqual({ item: 31 }); // user 0's 4th item: 3 · 37 mod 80
  });

  it('makes a sequential example for every position k ≥ 1 of each training prefix, history cut to the last N', () => {
    const d = datasetFromSequences([[0, 1, 2, 3, 4, 5, 6]], 8);
    const data = buildP5Data(d, { idMode: 'atomic', seed: 1, historyLength: 2 });
    const seq = data.train.filter((e) => e.family === 'sequential');
    // training prefix 0…4: targets 1, 2, 3, 4 with histories [0], [0 1], [1 2], [2 3].
    expect(seq.map((e) => e.answer)).toEqual([1, 2, 3, 4].map((item) => ({ item })));
    expect(seq.map((e) => atomicItems(data.vocab.decode(e.prompt)))).toEqual([[0], [0, 1], [1, 2], [2, 3]]);
  });

  it('builds only the families asked for, each example exactly as in the full build (per-family random streams)', () => {
    const all = buildP5Data(tiny, { idMode: 'random', seed: 5 });
    const some = buildP5Data(tiny, { idMode: 'random', seed: 5, only: ['sequential', 'direct-choose'] });
    expect(some.families).toEqual(['sequential', 'direct-choose']);
    const key = (e: (typeof all.train)[number]) => `${e.family}|${e.templateId}|${e.user}|${Array.from(e.prompt)}|${Array.from(e.target)}`;
    expect(some.train.map(key)).toEqual(all.train.filter((e) => e.family !== 'direct-yesno').map(key));
  });

  it('writes atomic lists without separators', () => {
    const data = buildP5Data(tiny, { idMode: 'atomic', seed: 1, only: ['direct-choose'] });
    const tokens = data.vocab.decode(data.train[0].prompt);
    expect(tokens).not.toContain('<sep>');
    expect(atomicItems(tokens)).toHaveLength(100);
  });

  it('uses only seen templates for training', () => {
    const data = buildP5Data(tiny, { idMode: 'atomic', seed: 3 });
    const heldOut = new Set(P5_FAMILIES.flatMap((f) => templatesOf(f, 'heldOut').map((t) => t.id)));
    expect(data.train.some((e) => heldOut.has(e.templateId))).toBe(false);
    expect(new Set(data.train.map((e) => e.templateId)).size).toBe(9); // 3 seen × 3 families (no ratings)
  });

  it('has no rating family on synthetic worlds (no ratings) and one when ratings exist', () => {
    expect(buildP5Data(tiny, { idMode: 'atomic', seed: 1 }).families).toEqual(['sequential', 'direct-yesno', 'direct-choose']);
    const d = datasetFromSequences([[0, 1, 2, 3]], 5, [[5, 1, 4, 2]]);
    const data = buildP5Data(d, { idMode: 'atomic', seed: 1 });
    expect(data.families).toContain('rating');
    const rating = data.train.filter((e) => e.family === 'rating');
    expect(rating.map((e) => data.vocab.decode(e.target))).toEqual([['<rating_5>', '<eos>'], ['<rating_1>', '<eos>']]);
    const [test] = evaluationExamples(data, d, 'test', templateById('rating-4'));
    expect(test.answer).toEqual({ rating: 2 });
    expect(data.vocab.decode(test.prompt).join(' ')).toBe('<bos> <item_3> : what score from <user_0> ?');
  });

  it('never mentions a user’s validation or test item in a training prompt or target', () => {
    const data = buildP5Data(tiny, { idMode: 'atomic', seed: 2 });
    for (const e of data.train) {
      const held = [data.split.validation[e.user], data.split.test[e.user]];
      const mentioned = [...atomicItems(data.vocab.decode(e.prompt)), ...atomicItems(data.vocab.decode(e.target))];
      for (const i of mentioned) expect(held).not.toContain(i);
    }
  });

  it('draws negatives that are never one of the user’s items (train, validation or test)', () => {
    const data = buildP5Data(tiny, { idMode: 'random', seed: 2 });
    for (const e of data.train) {
      const mine = data.userItemSets[e.user];
      // a "yes" asks about one of the user's items, a "no" about an item the user never met
      if (e.family === 'direct-yesno') expect(mine.has(e.item!)).toBe((e.answer as { yes: boolean }).yes);
      if (e.family === 'direct-choose') {
        const c = Array.from(e.candidates!);
        expect(c.length).toBe(100);
        expect(new Set(c).size).toBe(100);
        expect(c.filter((i) => mine.has(i))).toEqual([(e.answer as { item: number }).item]);
      }
    }
  });

  it('gives one negative per yes/no positive and 5 choose examples per user', () => {
    const data = buildP5Data(tiny, { idMode: 'atomic', seed: 2 });
    const yes = data.train.filter((e) => e.family === 'direct-yesno' && 'yes' in e.answer && e.answer.yes).length;
    const no = data.train.filter((e) => e.family === 'direct-yesno' && 'yes' in e.answer && !e.answer.yes).length;
    expect(no).toBe(yes);
    expect(data.train.filter((e) => e.family === 'direct-choose').length).toBe(5 * tiny.interactions.numUsers);
  });

  it('is the same for the same seed and differs for another, in every id mode', () => {
    for (const idMode of ITEM_ID_MODES) {
      const a = buildP5Data(tiny, { idMode, seed: 4 }).train;
      const b = buildP5Data(tiny, { idMode, seed: 4 }).train;
      const c = buildP5Data(tiny, { idMode, seed: 5 }).train;
      expect(b.map((e) => Array.from(e.prompt))).toEqual(a.map((e) => Array.from(e.prompt)));
      expect(c.map((e) => Array.from(e.prompt))).not.toEqual(a.map((e) => Array.from(e.prompt)));
    }
  });
});

describe('evaluationExamples', () => {
  const data = buildP5Data(tiny, { idMode: 'atomic', seed: 6 });

  it('asks for the test item after a history ending with the validation item', () => {
    const exs = evaluationExamples(data, tiny, 'test', templateById('sequential-4'));
    expect(exs.length).toBe(tiny.interactions.numUsers);
    for (const e of exs) {
      const hist = atomicItems(data.vocab.decode(e.prompt));
      expect(hist.at(-1)).toBe(data.split.validation[e.user]);
      expect(hist.length).toBeLessThanOrEqual(20);
      expect(e.answer).toEqual({ item: data.split.test[e.user] });
    }
  });

  it('asks for the validation item after the training prefix alone', () => {
    for (const e of evaluationExamples(data, tiny, 'validation', templateById('sequential-1'))) {
      expect(atomicItems(data.vocab.decode(e.prompt)).at(-1)).toBe(data.split.train[e.user].at(-1));
      expect(e.answer).toEqual({ item: data.split.validation[e.user] });
    }
  });

  it('hides the test item among 99 negatives, the same candidates under every template of the family', () => {
    const a = evaluationExamples(data, tiny, 'test', templateById('choose-1'));
    const b = evaluationExamples(data, tiny, 'test', templateById('choose-4'));
    for (let k = 0; k < a.length; k++) {
      const c = Array.from(a[k].candidates!);
      expect(c.length).toBe(100);
      expect(c.filter((i) => data.userItemSets[a[k].user].has(i))).toEqual([data.split.test[a[k].user]]);
      expect(Array.from(b[k].candidates!)).toEqual(c);
    }
  });

  it('gives a yes prompt for the test item and a no prompt for a negative, per user', () => {
    const exs = evaluationExamples(data, tiny, 'test', templateById('yesno-4'));
    expect(exs.length).toBe(2 * tiny.interactions.numUsers);
    expect(exs.filter((e) => 'yes' in e.answer && e.answer.yes).every((e) => e.item === data.split.test[e.user])).toBe(true);
    expect(exs.filter((e) => 'yes' in e.answer && !e.answer.yes).every((e) => !data.userItemSets[e.user].has(e.item!))).toBe(true);
  });
});
