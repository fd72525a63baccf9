// The default settings of a policy's warm start, without tfjs: the weighting lab's schema and the consumption lab's
// trained comparison both read them. (The weighting lab fits its warm start on each user's training items minus
// its reward targets, so for the same seed the two warm starts differ; each is cached under its own rows.)

/** Epochs on the multinomial likelihood, users per update and the Adam step size. */
export const WARM_START_DEFAULTS = { epochs: 10, batchUsers: 64, learningRate: 0.02 } as const;
