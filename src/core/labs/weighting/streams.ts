// The random streams of one weighting run, forked from its seed in a fixed order. Anything that must reproduce
// the lab's split and warm start for a seed (the consumption lab's trained comparison) takes them from here.
import { Rng } from '../../random/rng';

export interface RunStreams {
  split: Rng;
  init: Rng;
  slates: Rng;
  warm: Rng;
}

export function runStreams(seed: number): RunStreams {
  const root = new Rng(seed);
  // Order matters: each fork advances the root.
  const split = root.fork('split');
  const init = root.fork('init');
  const slates = root.fork('slates');
  const warm = root.fork('warm');
  return { split, init, slates, warm };
}
