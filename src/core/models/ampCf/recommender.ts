// An AMP-CF model as a Recommender: full-catalogue scores in user batches, top-k of the unseen items in JS.
import * as tf from '@tensorflow/tfjs';
import { heartbeat } from '../../heartbeat';
import { topKFromScores } from '../../experiment/topK';
import type { Recommender } from '../../models/recommender';
import type { AmpCf } from './model';

/** Users scored per logits call (B·P × I floats on the device at once). */
const EVAL_BATCH = 256;

/**
 * Ranks every item the user has not seen (`exclude`) by s(u, i) over the whole catalogue (full ranking, no sampled
 * candidates). `dispose` is a no-op: the model belongs to its creator.
 */
export function ampCfRecommender(model: AmpCf, id: string, label: string): Recommender {
  return {
    id,
    label,
    async recommend(users, k, exclude) {
      const out: Int32Array[] = [];
      for (let s = 0; s < users.length; s += EVAL_BATCH) {
        heartbeat();
        const batch = users.subarray(s, s + EVAL_BATCH);
        const scores = tf.tidy(() => model.logits(tf.tensor1d(batch, 'int32')));
        const flat = (await scores.data()) as Float32Array;
        scores.dispose();
        out.push(...topKFromScores(flat, batch, model.numItems, exclude, k));
      }
      return out;
    },
    dispose() {},
  };
}
