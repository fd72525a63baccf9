// Conversation episodes (user, target item, the user's opening attribute) from train / test interactions.
import { weakSplit } from '../data/split';
import { type Interactions } from '../data/dataset';
import type { Rng } from '../random/rng';
import { itemAttributes, type AttributeTable } from './attributes';

/** One conversation: `user` looks for `target` and opens by naming `opening`, one of the target's attributes. */
export interface Episode {
  user: number;
  target: number;
  opening: number;
}

/**
 * Splits each user's interactions into train / test: per user a random `testFraction` (at least one, at least
 * one left to train) goes to test; users with fewer than 2 items keep everything in train (`weakSplit`).
 * Train and test episodes therefore come from disjoint interactions, and the scorer sees only train.
 */
export function splitForConversation(x: Interactions, rng: Rng, testFraction = 0.2): { train: Interactions; test: Interactions } {
  const { train, heldOut } = weakSplit(x, rng, testFraction);
  return { train, test: heldOut };
}

/**
 * One episode per interaction of `x` whose item has an attribute (items without any cannot open a conversation
 * and are skipped), in user then item order. The opening attribute is drawn uniformly from the target's
 * attributes, as the official UNICORN / SCPR environments do (`random.choice(item['belong_to'])`).
 */
export function buildEpisodes(x: Interactions, table: AttributeTable, rng: Rng): Episode[] {
  const out: Episode[] = [];
  for (let u = 0; u < x.numUsers; u++) {
    for (let e = x.indptr[u]; e < x.indptr[u + 1]; e++) {
      const target = x.indices[e];
      const attrs = itemAttributes(table, target);
      if (attrs.length === 0) continue;
      out.push({ user: u, target, opening: attrs[rng.int(attrs.length)] });
    }
  }
  return out;
}
