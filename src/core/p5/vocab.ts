// The P5 token vocabulary: specials, template words, digits, ratings, yes/no, user and item tokens, stable ids.
import { TEMPLATE_WORDS } from './templates';

export const PAD = '<pad>';
export const BOS = '<bos>';
export const EOS = '<eos>';
export const SEP = '<sep>';
export const UNK = '<unk>';
/** Special tokens, in id order: pad is 0. */
export const SPECIAL_TOKENS = [PAD, BOS, EOS, SEP, UNK] as const;
export const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
/** Rating answers: tokens of their own, so a rating never shares an embedding with an item id's digit. */
export const RATING_TOKENS = ['<rating_1>', '<rating_2>', '<rating_3>', '<rating_4>', '<rating_5>'] as const;
export const YES = 'yes';
export const NO = 'no';

/** The atomic token of user u. */
export function userToken(u: number): string {
  return `<user_${u}>`;
}
/** The atomic token of item i (atomic id mode). */
export function itemToken(i: number): string {
  return `<item_${i}>`;
}
/** The answer token of a rating 1..5 (rounded and clamped). */
export function ratingToken(r: number): string {
  return RATING_TOKENS[ratingClass(r) - 1];
}

/** A rating as one of the five classes: rounded, then clamped to 1–5. */
export function ratingClass(r: number): number {
  return Math.min(5, Math.max(1, Math.round(r)));
}

/**
 * A fixed token ↔ id table. Ids are stable for given (numUsers, numItems): specials 0–4 (pad = 0), then the
 * template words (sorted), digits, rating tokens, yes / no (unless already template words), users, items —
 * so every id below the user block is the same for every dataset.
 */
export class Vocab {
  readonly tokens: readonly string[];
  private readonly index: Map<string, number>;
  /** Id of the first user token; user u is `userBase + u`. */
  readonly userBase: number;
  /** Id of the first item token; item i is `itemBase + i`. */
  readonly itemBase: number;

  constructor(numUsers: number, numItems: number, words: readonly string[] = TEMPLATE_WORDS) {
    const fixed: string[] = [...SPECIAL_TOKENS];
    for (const t of [...words, ...DIGITS, ...RATING_TOKENS, YES, NO]) if (!fixed.includes(t)) fixed.push(t);
    this.userBase = fixed.length;
    this.itemBase = this.userBase + numUsers;
    const tokens = fixed.slice();
    for (let u = 0; u < numUsers; u++) tokens.push(userToken(u));
    for (let i = 0; i < numItems; i++) tokens.push(itemToken(i));
    this.tokens = tokens;
    this.index = new Map(tokens.map((t, k) => [t, k]));
  }

  get size(): number {
    return this.tokens.length;
  }

  /** The id of a token; unknown tokens map to `<unk>`. */
  id(token: string): number {
    return this.index.get(token) ?? this.index.get(UNK)!;
  }

  /** Tokens → ids. */
  encode(tokens: readonly string[]): Int32Array {
    return Int32Array.from(tokens, (t) => this.id(t));
  }

  /** Ids → tokens (out-of-range ids decode to `<unk>`). */
  decode(ids: ArrayLike<number>): string[] {
    return Array.from(ids, (k) => this.tokens[k] ?? UNK);
  }
}
