// The default settings of a policy's warm start, without tfjs: the weighting lab's schema and the consumption lab's
// trained comparison both read them, so the same seed gives the same warm start in both.

/** Epochs on the multinomial likelihood, users per update and the Adam step size. */
export const WARM_START_DEFAULTS = { epochs: 10, batchUsers: 64, learningRate: 0.02 } as const;
