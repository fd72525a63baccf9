// The "Popularity vs matrix factorisation" lab: its identity, teaching text, charts and run.
import { epochChart } from '../../experiment/epochChart';
import { defineLab, type ChartSpec } from '../../experiment/types';
import { popVsMfDefaults, popVsMfSchema } from './config';
import { lesson } from '../findingsRecord';
import { K } from './k';
import { popVsMfFindings } from './findings';
import { popVsMfLesson } from './lesson';

const MF = '#2f6fdd';
const POP = '#d9822b';

/** A per-epoch chart of one metric for both methods (popularity dashed: it does not train). */
function metricChart(metric: string, title: string, yLabel: string, unit: string): ChartSpec {
  return epochChart(metric, title, { label: yLabel, unit, better: 'higher' }, [
    { key: `${metric}/mf`, label: 'BPR-MF', color: MF },
    { key: `${metric}/pop`, label: 'Popularity', color: POP, dashed: true },
  ]);
}

export const popVsMfLab = defineLab({
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
  ...lesson({
  about:
    'Two recommenders on the same users. Popularity gives everyone the most-clicked items they have not seen. ' +
    'BPR matrix factorisation learns a vector per user and per item so that, for each user, an item they clicked ' +
    'scores above one they did not. Both are scored on 20% of each user’s clicks hidden from training.',
  whatToTry: [
    'Press ▶ Train and watch MF’s NDCG@10 overtake the flat popularity line within a few epochs (after 20 epochs: {finding:pop-vs-mf.ndcg/mf} vs {finding:pop-vs-mf.ndcg/pop}; {measured:pop-vs-mf.ndcg}).',
    'Compare coverage: popularity shows everyone nearly the same items; MF spreads over the catalogue ({finding:pop-vs-mf.coverage/mf:2} vs {finding:pop-vs-mf.coverage/pop:2} of the items).',
    'Set L2 to 0: NDCG@10 peaks after a few epochs and then slides as MF memorises the training clicks (overfitting).',
    'Set the embedding size to 2: MF can no longer tell tastes apart — how close does it come to popularity?',
    'Switch the optimiser to SGD, raise the learning rate to 100 and cut the batch size to 16: the loss explodes and the run stops.',
    'Change the seed: the curves move a little; the ranking of the two methods does not.',
  ],
  }),
  place: { part: 'basics', order: 1 },
  lessonPlan: popVsMfLesson,
  findings: popVsMfFindings,
  schema: popVsMfSchema,
  defaults: popVsMfDefaults,
  quick: { dataset: 'tiny', epochs: 2 },
  charts: [
    {
      id: 'loss',
      title: 'Training loss (BPR-MF)',
      source: 'step',
      xLabel: 'training step',
      yLabel: 'BPR loss + L2',
      unit: 'nats/triple',
      better: 'lower',
      series: [{ key: 'loss/mf', label: 'BPR-MF', color: MF }],
    },
    metricChart('ndcg', `NDCG@${K} on held-out clicks`, `NDCG@${K}`, '0–1'),
    metricChart('recall', `Recall@${K} on held-out clicks`, `Recall@${K}`, 'fraction found'),
    metricChart('coverage', `Catalogue coverage of the top-${K} lists`, 'coverage', 'fraction of items'),
  ],
  // Loaded on first run: the page shows the lab without pulling tfjs into its first bundle.
  run: async (config, ctx) => (await import('./run')).runPopVsMf(config, ctx),
});
