// The Wide & Deep lab's measured claims: the four models on workshop (clicks drawn from a known probability) and on
// MovieLens-100K (every rating an impression, rating ≥ 4 a click).
import { defineFindings, fromArtifact, fromSummary, type Finding, type Relation } from '../../experiment/findings';
import type { ModelsArtifact } from './artifacts';

const SEEDS = [42, 43, 44];
const BASE = { dataset: 'workshop' };
const ALL = ['wide', 'deep', 'joint', 'ensemble'] as const;

/** One metric of every model (and of the true probability where there is one), read from the same runs. */
function metricOf(metric: string, bayes = true): Finding['values'] {
  const models = bayes ? [...ALL, 'bayes'] : [...ALL];
  return Object.fromEntries(models.map((m) => [m, { reading: fromSummary(`test/${metric}/${m}`) }]));
}

function compare(id: string, claim: string, metric: string, expect: Relation, extra: Partial<Finding> = {}): Finding {
  return { id: `wide-deep.${id}`, labId: 'wide-deep', claim, config: BASE, seeds: SEEDS, values: metricOf(metric), expect, ...extra };
}

/** The non-zero wide weights FTRL's L1 left in a model. */
const nonzero = (model: 'wide' | 'joint') => fromArtifact('models', `non-zero wide weights of ${model}`, (d) => (d as ModelsArtifact).nonzeroWide[model]);

export const wideDeepFindings = defineFindings('wide-deep', [
  compare('auc', 'Joint training ranks clicks better than the deep part alone (test AUC)', 'auc', { a: 'joint', op: '>', b: 'deep' }),
  compare('auc-wide', 'Joint training ranks clicks better than the wide part alone (test AUC)', 'auc', { a: 'joint', op: '>', b: 'wide' }),
  compare('auc-ensemble', 'Joint training ranks clicks better than the ensemble of the two trained apart (test AUC)', 'auc', { a: 'joint', op: '>', b: 'ensemble' }),
  compare('exceptions', 'On the planted exceptions, joint training’s log-loss is lower than the deep part’s alone', 'exceptionLogloss', { a: 'joint', op: '<', b: 'deep' }, {
    quick: { config: { dataset: 'tiny', epochs: 4, impressionsPerUser: 100 }, seeds: [1, 2, 3] },
  }),
  compare('exceptions-wide', 'On the planted exceptions, the wide part alone is no worse than joint training (log-loss)', 'exceptionLogloss', { a: 'wide', op: '<=', b: 'joint' }),
  compare('logloss', 'Over all impressions, joint training and the ensemble reach the same log-loss (within 0.002 nats)', 'logloss', { a: 'joint', op: '≈', b: 'ensemble', within: 0.002 }),
  {
    id: 'wide-deep.no-crosses',
    labId: 'wide-deep',
    claim: 'Without crosses, the joint model’s log-loss on the planted exceptions is higher than with the top 20',
    config: BASE,
    arms: { none: { crosses: 'none' }, top: {} },
    seeds: SEEDS,
    values: {
      none: { arm: 'none', reading: fromSummary('test/exceptionLogloss/joint') },
      top: { arm: 'top', reading: fromSummary('test/exceptionLogloss/joint') },
      noneAuc: { arm: 'none', reading: fromSummary('test/auc/joint') },
      topAuc: { arm: 'top', reading: fromSummary('test/auc/joint') },
    },
    expect: { a: 'none', op: '>', b: 'top' },
  },
  {
    id: 'wide-deep.sparse-joint',
    labId: 'wide-deep',
    claim: 'Trained jointly, the wide part keeps fewer non-zero weights under FTRL’s L1 than trained alone',
    config: BASE,
    seeds: SEEDS,
    values: { joint: { reading: nonzero('joint') }, wide: { reading: nonzero('wide') } },
    expect: { a: 'joint', op: '<', b: 'wide' },
  },
  {
    id: 'wide-deep.sweep',
    labId: 'wide-deep',
    claim: 'Even with every candidate cross, the ensemble’s log-loss on the planted exceptions stays above joint training’s with the top 30',
    config: { ...BASE, crossSweep: true },
    seeds: SEEDS,
    values: {
      excEnsembleAll: { reading: fromSummary('sweep/all/exceptionLogloss/ensemble') },
      excJoint30: { reading: fromSummary('sweep/30/exceptionLogloss/joint') },
      excJointNone: { reading: fromSummary('sweep/0/exceptionLogloss/joint') },
      excEnsembleNone: { reading: fromSummary('sweep/0/exceptionLogloss/ensemble') },
      excWideAll: { reading: fromSummary('sweep/all/exceptionLogloss/wide') },
      aucEnsembleAll: { reading: fromSummary('sweep/all/auc/ensemble') },
      aucJointNone: { reading: fromSummary('sweep/0/auc/joint') },
      aucJoint30: { reading: fromSummary('sweep/30/auc/joint') },
      aucEnsembleNone: { reading: fromSummary('sweep/0/auc/ensemble') },
    },
    expect: { a: 'excEnsembleAll', op: '>', b: 'excJoint30' },
  },
  {
    id: 'wide-deep.ml-100k',
    labId: 'wide-deep',
    claim: 'On MovieLens-100K, joint training and the deep part alone rank clicks alike (test AUC within 0.005)',
    config: {},
    seeds: SEEDS,
    realData: 'ml-100k',
    realDataThreshold: 1,
    values: metricOf('auc', false),
    expect: { a: 'joint', op: '≈', b: 'deep', within: 0.005 },
  },
  {
    id: 'wide-deep.ml-100k-wide',
    labId: 'wide-deep',
    claim: 'On MovieLens-100K, joint training ranks clicks better than the wide part alone (test AUC)',
    config: {},
    seeds: SEEDS,
    realData: 'ml-100k',
    realDataThreshold: 1,
    values: metricOf('auc', false),
    expect: { a: 'joint', op: '>', b: 'wide' },
  },
]);
