// Packs P5 examples into the transformer's padded, teacher-forced batches.
import { PAD, type P5Batch } from '../models/p5/transformer';
import type { Rng } from '../random/rng';
import type { P5Example } from './examples';
import { BOS, SPECIAL_TOKENS } from './vocab';

/** The id of `<bos>`: specials have fixed ids in every Vocab (pad 0, bos 1, …). */
export const BOS_ID = SPECIAL_TOKENS.indexOf(BOS);

/**
 * The prompt as source tokens of at most `maxSrc`: unchanged when it fits, otherwise `<bos>` followed by its LAST
 * maxSrc − 1 tokens. Cutting from the left keeps the most recent history items (sequential prompts list the history
 * oldest first) at the cost of the opening task words; keep prompts short with `historyLength` instead where possible —
 * this is a last resort so that a long prompt never exceeds the model's position table.
 */
export function clipPrompt(prompt: Int32Array, maxSrc = Infinity): Int32Array {
  if (prompt.length <= maxSrc) return prompt;
  if (maxSrc < 2) throw new RangeError(`maxSrc ${maxSrc} leaves no room after <bos>`);
  const out = new Int32Array(maxSrc);
  out[0] = prompt[0];
  out.set(prompt.subarray(prompt.length - (maxSrc - 1)), 1);
  return out;
}

/** Source rows [size · srcLen], each prompt (clipped to `maxSrc`) left-aligned and padded with 0 to the longest. */
export function packPrompts(prompts: readonly Int32Array[], maxSrc = Infinity): { src: Int32Array; srcLen: number } {
  const clipped = prompts.map((p) => clipPrompt(p, maxSrc));
  const srcLen = Math.max(1, ...clipped.map((p) => p.length));
  const src = new Int32Array(clipped.length * srcLen).fill(PAD);
  clipped.forEach((p, b) => src.set(p, b * srcLen));
  return { src, srcLen };
}

/**
 * Teacher-forced decoder rows for targets t (each ending with `<eos>`): tgtIn_b = [<bos>, t_0, …, t_{n−2}],
 * tgtOut_b = [t_0, …, t_{n−1}], both padded with 0 to the longest target.
 */
export function packTargets(targets: readonly Int32Array[]): { tgtIn: Int32Array; tgtOut: Int32Array; tgtLen: number } {
  const tgtLen = Math.max(1, ...targets.map((t) => t.length));
  const tgtIn = new Int32Array(targets.length * tgtLen).fill(PAD);
  const tgtOut = new Int32Array(targets.length * tgtLen).fill(PAD);
  targets.forEach((t, b) => {
    if (t.length === 0) return;
    tgtIn[b * tgtLen] = BOS_ID;
    tgtIn.set(t.subarray(0, t.length - 1), b * tgtLen + 1);
    tgtOut.set(t, b * tgtLen);
  });
  return { tgtIn, tgtOut, tgtLen };
}

/** One training batch from examples: prompts as source (see {@link packPrompts}), targets teacher-forced. */
export function toBatch(examples: readonly P5Example[], maxSrc?: number): P5Batch {
  if (examples.length === 0) throw new RangeError('an empty batch');
  const { src, srcLen } = packPrompts(
    examples.map((e) => e.prompt),
    maxSrc,
  );
  const { tgtIn, tgtOut, tgtLen } = packTargets(examples.map((e) => e.target));
  return { src, srcLen, tgtIn, tgtOut, tgtLen, size: examples.length };
}

/** A seeded visiting order 0..n−1 for one epoch (Fisher–Yates from `rng`). */
export function epochOrder(n: number, rng: Rng): Int32Array {
  return rng.shuffle(Int32Array.from({ length: n }, (_, i) => i));
}
