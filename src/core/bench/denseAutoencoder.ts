// A dense autoencoder with its own layers (fast-gradient matmuls, seeded init): the bench's dense workload.
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../random/rng';
import { logSoftmax, makeOptimizer, matMulFast, tanh, variableFrom } from '../tf/ops';

export interface DenseAutoencoder {
  /**
   * One Adam step on a batch x (rows are multi-hot item vectors). Hidden layers use tanh; the output is a
   * softmax over items, scored by the multinomial log-likelihood of Mult-DAE (Liang et al., WWW 2018):
   * loss = −mean_b Σ_i x_bi · log softmax(z_b)_i, in nats per row. Returns the loss; the caller owns it.
   */
  trainStep(x: tf.Tensor2D): tf.Scalar;
  readonly numParams: number;
  dispose(): void;
}

/**
 * Builds layers `sizes[0] → sizes[1] → … → sizes[n]` (e.g. [2000, 256, 64, 256, 2000]).
 * Weights ~ N(0, 2 / (fan_in + fan_out)) (Glorot normal) from our seeded RNG, biases 0.
 */
export function createDenseAutoencoder(sizes: readonly number[], learningRate: number, rng: Rng): DenseAutoencoder {
  const layers = sizes.slice(1).map((out, l) => {
    const fanIn = sizes[l];
    return {
      w: variableFrom(rng.normalArray(fanIn * out, Math.sqrt(2 / (fanIn + out))), [fanIn, out]),
      // Inside tidy: tf.variable keeps the zeros' data, and tidy frees the zeros tensor itself.
      b: tf.tidy(() => tf.variable(tf.zeros([out]))),
    };
  });
  const vars = layers.flatMap((l) => [l.w, l.b]);
  const optimizer = makeOptimizer('adam', learningRate);

  return {
    numParams: vars.reduce((n, v) => n + v.size, 0),
    trainStep(x) {
      return tf.tidy(
        () =>
          optimizer.minimize(
            () => {
              let h: tf.Tensor2D = x;
              layers.forEach((l, i) => {
                const z = tf.add(matMulFast(h, l.w), l.b) as tf.Tensor2D;
                h = i < layers.length - 1 ? tanh(z) : z;
              });
              return tf.neg(tf.mean(tf.sum(tf.mul(x, logSoftmax(h)), 1))) as tf.Scalar;
            },
            true,
            vars,
          ) as tf.Scalar,
      );
    },
    dispose() {
      vars.forEach((v) => v.dispose());
      optimizer.dispose();
    },
  };
}
