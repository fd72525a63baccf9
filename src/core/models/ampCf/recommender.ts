// An AMP-CF model as a Recommender: full-catalogue scores in user batches, top-k of the unseen items in JS.
import * as tf from '@tensorflow/tfjs';
import { rankInBlocks } from '../../experiment/rankInBlocks';
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
    recommend: (users, k, exclude) => rankInBlocks(users, model.numItems, exclude, k, (block) => model.logits(tf.tensor1d(block, 'int32')), EVAL_BATCH),
    dispose() {},
  };
}
