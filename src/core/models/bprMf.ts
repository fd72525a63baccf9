// BPR matrix factorisation (Rendle et al., UAI 2009): pairwise ranking loss on user and item embeddings.
import * as tf from '@tensorflow/tfjs';
import { sortedHas, userItems, type Interactions } from '../data/dataset';
import type { Rng } from '../random/rng';
import { gatherRows, makeOptimizer, variableFrom, type OptimizerName } from '../tf/ops';
import { rankInBlocks } from '../experiment/rankInBlocks';
import { restoreVariables, snapshotVariables, type TrainableModel } from './model';
import type { Recommender } from './recommender';

export interface BprMfOptions {
  dim: number;
  learningRate: number;
  optimizer: OptimizerName;
  /** L2 penalty on the embeddings used in a step. */
  l2: number;
  /** Std of the N(0, std²) initialisation. */
  initStd: number;
}

export interface BprMf extends Recommender, TrainableModel {
  /**
   * One optimisation step on a batch of (user, positive item, negative item) triples.
   * Loss = mean_b softplus(−x̂_b) + l2 · mean_b(‖u_b‖² + ‖v_i‖² + ‖v_j‖²),  x̂ = u·v_i − u·v_j.
   * Returns the loss as a scalar tensor the caller owns (read it back in bulk, not per step).
   */
  trainStep(users: Int32Array, pos: Int32Array, neg: Int32Array): tf.Scalar;
}

export function createBprMf(numUsers: number, numItems: number, opts: BprMfOptions, rng: Rng): BprMf {
  const U = variableFrom(rng.normalArray(numUsers * opts.dim, opts.initStd), [numUsers, opts.dim]);
  const V = variableFrom(rng.normalArray(numItems * opts.dim, opts.initStd), [numItems, opts.dim]);
  const optimizer = makeOptimizer(opts.optimizer, opts.learningRate);

  return {
    id: 'mf',
    label: 'BPR-MF',
    variables: () => [U, V],
    snapshot: () => snapshotVariables([U, V]),
    restore: (w) => restoreVariables([U, V], w),
    trainStep(users, pos, neg) {
      return tf.tidy(() => {
        const u = tf.tensor1d(users, 'int32');
        const i = tf.tensor1d(pos, 'int32');
        const j = tf.tensor1d(neg, 'int32');
        const loss = optimizer.minimize(
          () => {
            const eu = gatherRows(U, u);
            const ei = gatherRows(V, i);
            const ej = gatherRows(V, j);
            const x = tf.sum(tf.mul(eu, tf.sub(ei, ej)), 1);
            const rank = tf.mean(tf.softplus(tf.neg(x)));
            const reg = tf.mean(tf.add(tf.add(tf.sum(tf.square(eu), 1), tf.sum(tf.square(ei), 1)), tf.sum(tf.square(ej), 1)));
            return tf.add(rank, tf.mul(opts.l2, reg)) as tf.Scalar;
          },
          true,
          [U, V],
        );
        return loss as tf.Scalar;
      });
    },
    // Selection in JS skips seen items exactly and copes with k > unseen items (tiny catalogues).
    recommend: (users, k, exclude) => rankInBlocks(users, numItems, exclude, k, (block) => tf.matMul(gatherRows(U, tf.tensor1d(block, 'int32')), V, false, true)),
    dispose() {
      U.dispose();
      V.dispose();
      optimizer.dispose();
    },
  };
}

/** Samples one epoch of BPR triples: every training pair once in a seeded order, each with an unseen negative. */
export function bprEpochTriples(train: Interactions, rng: Rng): { users: Int32Array; pos: Int32Array; neg: Int32Array } {
  const n = train.indptr[train.numUsers];
  const order = rng.shuffle(Int32Array.from({ length: n }, (_, i) => i));
  const owner = new Int32Array(n);
  for (let u = 0; u < train.numUsers; u++) owner.fill(u, train.indptr[u], train.indptr[u + 1]);
  const users = new Int32Array(n);
  const pos = new Int32Array(n);
  const neg = new Int32Array(n);
  for (let b = 0; b < n; b++) {
    const e = order[b];
    const u = owner[e];
    users[b] = u;
    pos[b] = train.indices[e];
    const row = userItems(train, u);
    let j: number;
    do j = rng.int(train.numItems);
    while (row.length < train.numItems && sortedHas(row, j));
    neg[b] = j;
  }
  return { users, pos, neg };
}
