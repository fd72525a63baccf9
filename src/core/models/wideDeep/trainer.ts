// One training step of a Wide & Deep model: one log-loss, FTRL on the wide weights and Adam on the rest.
import * as tf from '@tensorflow/tfjs';
import { makeOptimizer } from '../../tf/ops';
import { Ftrl, type FtrlOptions } from './ftrl';
import { logLossFromLogits, type WideDeepBatch, type WideDeepModel } from './model';

export interface WideDeepTrainer {
  /** One step on a batch; the batch's mean log-loss (without the penalty) as a scalar the caller owns (read back in bulk). */
  step(batch: WideDeepBatch): tf.Scalar;
  dispose(): void;
}

/**
 * The reference's optimisers (TF's DNNLinearCombinedClassifier): FTRL for the linear part, an adaptive optimiser
 * for the DNN (the reference uses AdaGrad; Adam here, the lab's usual optimiser — AdaGrad was not compared). Both take the
 * gradient of the same loss, computed once: a joint model's wide and deep parts learn from one error.
 */
export function createWideDeepTrainer(model: WideDeepModel, opts: { learningRate: number; l2: number; ftrl: FtrlOptions }): WideDeepTrainer {
  const adam = makeOptimizer('adam', opts.learningRate);
  const ftrl = model.wide ? new Ftrl(model.wide, opts.ftrl) : null;
  const vars = [...model.adamVariables, ...(model.wide ? [model.wide] : [])];
  return {
    step(batch) {
      return tf.tidy(() => {
        let logLoss: tf.Scalar | null = null;
        const { grads } = tf.variableGrads(() => {
          const f = model.forward(batch);
          // Kept so the step reports the log-loss alone, without the L2 penalty.
          logLoss = tf.keep(logLossFromLogits(f.logits, batch.labels));
          return opts.l2 > 0 ? tf.add(logLoss, tf.mul(opts.l2, f.sqNorm)) : logLoss;
        }, vars);
        const adamGrads: tf.NamedTensorMap = {};
        for (const v of model.adamVariables) adamGrads[v.name] = grads[v.name];
        adam.applyGradients(adamGrads);
        // FTRL takes the gradient of the loss summed over the batch, as the reference does (its λ₁ is then per impression).
        if (ftrl && model.wide) ftrl.apply(tf.mul(grads[model.wide.name], batch.labels.shape[0]));
        return logLoss!;
      });
    },
    dispose() {
      adam.dispose();
      ftrl?.dispose();
    },
  };
}
