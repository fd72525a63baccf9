// The AMP-CF lab's measured claims: personas vs one vector per user on workshop after 15 epochs.
import { defineFindings, fromSummary, type Finding, type Relation } from '../../experiment/findings';

const SEEDS = [42, 7, 1];
const BASE = { dataset: 'workshop', epochs: 15 };

/** "metric of AMP-CF vs MF" (and popularity, quoted beside them) from one run per seed. */
function ampVsMf(id: string, claim: string, metric: string, op: Relation['op'], config: Record<string, unknown> = BASE): Finding {
  return {
    id: `amp-cf.${id}`,
    labId: 'amp-cf',
    claim,
    config,
    seeds: SEEDS,
    values: { amp: { reading: fromSummary(`${metric}/amp`) }, mf: { reading: fromSummary(`${metric}/mf`) }, pop: { reading: fromSummary(`${metric}/pop`) } },
    expect: { a: 'amp', op, b: 'mf' },
  };
}

export const ampCfFindings = defineFindings('amp-cf', [
  ampVsMf('taste-distance', "AMP-CF's lists are closer to each user's genre mix than MF's (d = 8)", 'tasteDistance', '<'),
  ampVsMf('hit', 'AMP-CF is at least as accurate as MF: HR@10', 'hit', '>='),
  ampVsMf('ndcg', 'AMP-CF is at least as accurate as MF: NDCG@10', 'ndcg', '>='),
  ampVsMf('ild', "AMP-CF's lists are less varied over genres than MF's", 'ild', '<'),
  {
    id: 'amp-cf.purity',
    labId: 'amp-cf',
    claim: 'Personas sort history items by true taste better than the same persona sizes at random',
    config: BASE,
    seeds: SEEDS,
    values: { amp: { reading: fromSummary('purity/amp') }, chance: { reading: fromSummary('purity/chance') } },
    expect: { a: 'amp', op: '>', b: 'chance' },
  },
  ampVsMf('d32-taste-distance', 'With d = 32 (more than the 18 genres), MF is no farther from the users’ genre mix than AMP-CF', 'tasteDistance', '>=', { ...BASE, dim: 32 }),
  ampVsMf('d32-ndcg', 'With d = 32, AMP-CF (three times the user parameters) falls below MF on NDCG@10', 'ndcg', '<', { ...BASE, dim: 32 }),
  {
    id: 'amp-cf.entropy',
    labId: 'amp-cf',
    claim: "The attention-entropy term (weight 1) moves AMP-CF's lists away from the users' genre mix",
    config: BASE,
    arms: { entropy: { entropyWeight: 1 }, off: { entropyWeight: 0 } },
    seeds: SEEDS,
    values: {
      entropy: { arm: 'entropy', reading: fromSummary('tasteDistance/amp') },
      off: { arm: 'off', reading: fromSummary('tasteDistance/amp') },
      purityEntropy: { arm: 'entropy', reading: fromSummary('purity/amp') },
      purityOff: { arm: 'off', reading: fromSummary('purity/amp') },
    },
    expect: { a: 'entropy', op: '>', b: 'off' },
  },
]);
