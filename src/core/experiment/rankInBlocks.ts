// Top-k lists from a model's full-catalogue scores, a block of users at a time: one read-back per block.
import * as tf from '@tensorflow/tfjs';
import { heartbeat } from '../heartbeat';
import type { Interactions } from '../data/dataset';
import { topKFromScores } from './topK';

/**
 * For each of `users`, the k best items not in `exclude`: `scoresOf(block)` gives a block's scores, [block.length,
 * numItems] (made inside a tidy, freed after its one read-back), and the selection runs in JS (topKFromScores).
 * Kept apart from topK.ts, which the first page loads without tfjs.
 */
export async function rankInBlocks(users: Int32Array, numItems: number, exclude: Interactions, k: number, scoresOf: (block: Int32Array) => tf.Tensor, blockSize = 256): Promise<Int32Array[]> {
  const out: Int32Array[] = [];
  for (let s = 0; s < users.length; s += blockSize) {
    heartbeat();
    const block = users.subarray(s, s + blockSize);
    const scores = tf.tidy(() => scoresOf(block));
    let flat: Float32Array;
    try {
      flat = (await scores.data()) as Float32Array;
    } finally {
      scores.dispose();
    }
    out.push(...topKFromScores(flat, block, numItems, exclude, k));
  }
  return out;
}
