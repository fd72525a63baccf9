// The "Popularity vs matrix factorisation" lab: its identity, teaching text, charts and run.
import type { Lab } from '../../experiment/types';
import { popVsMfDefaults, popVsMfSchema } from './config';
import { K } from './k';

const MF = '#2f6fdd';
const POP = '#d9822b';

export const popVsMfLab: Lab<typeof popVsMfSchema> = {
  id: 'pop-vs-mf',
  title: 'Popularity vs matrix factorisation',
  tagline: 'Does learning each user’s taste beat recommending what is popular?',
  papers: [
    {
      title: 'BPR: Bayesian Personalized Ranking from Implicit Feedback',
      authors: 'Rendle, Freudenthaler, Gantner, Schmidt-Thieme',
      venue: 'UAI',
      year: 2009,
      url: 'https://arxiv.org/abs/1205.2618',
    },
  ],
  about:
    'Two recommenders on the same users. Popularity gives everyone the most-clicked items they have not seen. ' +
    'BPR matrix factorisation learns a vector per user and per item so that, for each user, an item they clicked ' +
    'scores above one they did not. Both are scored on 20% of each user’s clicks hidden from training.',
  whatToTry: [
    'Press play and watch MF’s NDCG@10 overtake the flat popularity line within a few epochs.',
    'Compare coverage: popularity shows everyone nearly the same items; MF spreads over the catalogue.',
    'Set L2 to 0: NDCG@10 peaks after a few epochs and then slides as MF memorises the training clicks (overfitting).',
    'Set the embedding size to 2: MF can no longer tell tastes apart — how close does it come to popularity?',
    'Switch the optimiser to SGD, raise the learning rate to 100 and cut the batch size to 16: the loss explodes and the run stops.',
    'Change the seed: the curves move a little; the ranking of the two methods does not.',
  ],
  schema: popVsMfSchema,
  defaults: popVsMfDefaults,
  charts: [
    {
      id: 'loss',
      title: 'Training loss (BPR-MF)',
      source: 'step',
      xLabel: 'training step',
      yLabel: 'BPR loss',
      unit: 'nats/triple',
      better: 'lower',
      series: [{ key: 'loss/mf', label: 'BPR-MF', color: MF }],
    },
    {
      id: 'ndcg',
      title: `NDCG@${K} on held-out clicks`,
      source: 'epoch',
      xLabel: 'epoch',
      yLabel: `NDCG@${K}`,
      unit: '0–1',
      better: 'higher',
      series: [
        { key: 'ndcg/mf', label: 'BPR-MF', color: MF },
        { key: 'ndcg/pop', label: 'Popularity', color: POP, dashed: true },
      ],
    },
    {
      id: 'recall',
      title: `Recall@${K} on held-out clicks`,
      source: 'epoch',
      xLabel: 'epoch',
      yLabel: `Recall@${K}`,
      unit: 'fraction found',
      better: 'higher',
      series: [
        { key: 'recall/mf', label: 'BPR-MF', color: MF },
        { key: 'recall/pop', label: 'Popularity', color: POP, dashed: true },
      ],
    },
    {
      id: 'coverage',
      title: `Catalogue coverage of the top-${K} lists`,
      source: 'epoch',
      xLabel: 'epoch',
      yLabel: 'coverage',
      unit: 'fraction of items',
      better: 'higher',
      series: [
        { key: 'coverage/mf', label: 'BPR-MF', color: MF },
        { key: 'coverage/pop', label: 'Popularity', color: POP, dashed: true },
      ],
    },
  ],
  // Loaded on first run: the page shows the lab without pulling tfjs into its first bundle.
  run: async (config, ctx) => (await import('./run')).runPopVsMf(config, ctx),
};
