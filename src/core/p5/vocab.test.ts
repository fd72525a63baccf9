// The vocabulary: pad is 0, ids are stable, and encoding then decoding gives the tokens back.
import { describe, expect, it } from 'vitest';
import { TEMPLATE_WORDS } from './templates';
import { itemToken, NO, PAD, ratingToken, UNK, userToken, Vocab, YES } from './vocab';

describe('Vocab', () => {
  it('gives pad id 0 and the specials the first ids', () => {
    const v = new Vocab(3, 4);
    expect(v.id(PAD)).toBe(0);
    expect(v.tokens.slice(0, 5)).toEqual(['<pad>', '<bos>', '<eos>', '<sep>', '<unk>']);
  });

  it('holds specials, words, 10 digits, 5 ratings, yes/no, then users and items', () => {
    const v = new Vocab(3, 4);
    const words = TEMPLATE_WORDS.filter((w) => w !== YES && w !== NO).length;
    expect(v.userBase).toBe(5 + words + 10 + 5 + 2);
    expect(v.size).toBe(v.userBase + 3 + 4);
    expect(v.id(userToken(2))).toBe(v.userBase + 2);
    expect(v.id(itemToken(3))).toBe(v.itemBase + 3);
  });

  it('keeps every id below the users the same whatever the dataset size', () => {
    const a = new Vocab(3, 4);
    const b = new Vocab(1000, 1700);
    expect(b.tokens.slice(0, b.userBase)).toEqual(a.tokens.slice(0, a.userBase));
  });

  it('round-trips tokens through encode and decode, and maps unknown tokens to <unk>', () => {
    const v = new Vocab(3, 4);
    const tokens = ['<bos>', 'will', userToken(1), 'like', itemToken(0), '?', '7', ratingToken(4), YES, '<eos>'];
    expect(v.decode(v.encode(tokens))).toEqual(tokens);
    expect(v.decode(v.encode(['banana']))).toEqual([UNK]);
  });

  it('rounds and clamps ratings onto the five rating tokens', () => {
    expect([0, 1.4, 3.5, 9].map(ratingToken)).toEqual(['<rating_1>', '<rating_1>', '<rating_4>', '<rating_5>']);
  });
});
