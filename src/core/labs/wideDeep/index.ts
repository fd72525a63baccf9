// The Wide & Deep lab (joint training of a memorising and a generalising tower): identity, teaching text, charts, run.
import { defineLab, type ChartSpec, type Direction } from '../../experiment/types';
import type { WideDeepArtifacts } from './artifacts';
import { wideDeepDefaults, wideDeepSchema } from './config';
import { wideDeepFindings } from './findings';
import { wideDeepLesson } from './lesson';

export const MODEL_COLORS = { wide: '#d9822b', deep: '#2f6fdd', joint: '#8e44ad', ensemble: '#27ae60' } as const;
const BAYES = '#555555';

/** A per-epoch chart of one test metric for the four models, the Bayes ceiling dashed (synthetic worlds only). */
function epochChart(metric: string, title: string, yLabel: string, unit: string, better: Direction): ChartSpec {
  return {
    id: metric,
    title,
    source: 'epoch',
    xLabel: 'epoch',
    yLabel,
    unit,
    better,
    series: [
      { key: `test/${metric}/wide`, label: 'Wide only (logistic on features + crosses)', color: MODEL_COLORS.wide },
      { key: `test/${metric}/deep`, label: 'Deep only (embeddings → MLP)', color: MODEL_COLORS.deep },
      { key: `test/${metric}/joint`, label: 'Joint Wide & Deep', color: MODEL_COLORS.joint },
      { key: `test/${metric}/ensemble`, label: 'Ensemble (trained apart, blended)', color: MODEL_COLORS.ensemble },
      { key: `test/${metric}/bayes`, label: 'True probability (Bayes ceiling)', color: BAYES, dashed: true },
    ],
  };
}

export const wideDeepLab = defineLab<typeof wideDeepSchema, WideDeepArtifacts>({
  id: 'wide-deep',
  title: 'Wide & Deep: memorise and generalise in one model',
  tagline: 'A deep tower generalises, a wide tower of crosses memorises rare exceptions: train them as one, or apart?',
  papers: [
    {
      title: 'Wide & Deep Learning for Recommender Systems',
      authors: 'Cheng, Koc, Harmsen, Shaked, Chandra, Aradhye, Anderson, Corrado, Chai, Ispir, Anil, Haque, Hong, Jain, Liu, Shah',
      venue: 'DLRS (RecSys workshop)',
      year: 2016,
      url: 'https://arxiv.org/abs/1606.07792',
    },
  ],
  about:
    'Predict whether a shown item is clicked. The deep part embeds every id and attribute and feeds them through a small ReLU network: ' +
    'it generalises to user–item pairs it has never seen, but it smooths over rare, specific exceptions. The wide part is a logistic ' +
    'regression over one-hot features and cross products (user attribute AND item attribute): it memorises exactly those exceptions, ' +
    'but only the crosses it is given. Joint training adds the two logits under one sigmoid and back-propagates one log-loss into both, ' +
    'so the wide part only has to fix what the deep part gets wrong; an ensemble trains them apart and blends them afterwards. On the ' +
    'synthetic worlds the clicks are drawn from a known probability, so the best possible score (the Bayes ceiling) is drawn too, and ' +
    'the planted exceptions (a user attribute × a creator) are marked on the error grid.',
  whatToTry: [
    'Press ▶ Train and compare the four curves with the dashed Bayes ceiling.',
    'Open the error grid and pick each model in turn: look at the ringed (planted) cells.',
    'Set crosses to none, then planted, then all, and watch the wide and joint models.',
    'Turn on the crosses sweep: how many crosses does the ensemble need to match joint?',
  ],
  place: { part: 'joint', order: 1 },
  lessonPlan: wideDeepLesson,
  findings: wideDeepFindings,
  schema: wideDeepSchema,
  defaults: wideDeepDefaults,
  quick: { dataset: 'tiny', epochs: 2, impressionsPerUser: 120 },
  charts: [
    epochChart('auc', 'AUC on held-out impressions (clicked ranked above not clicked)', 'AUC', '0.5 = chance, 1 = perfect', 'higher'),
    epochChart('logloss', 'Log-loss on held-out impressions', 'log-loss', 'nats per impression', 'lower'),
    epochChart('exceptionLogloss', 'Log-loss on the planted exceptions only (synthetic worlds)', 'log-loss', 'nats per impression', 'lower'),
    {
      id: 'loss',
      title: 'Training loss (log-loss of the batch)',
      source: 'step',
      xLabel: 'training step',
      yLabel: 'loss',
      unit: 'nats per impression',
      better: 'lower',
      series: [
        { key: 'loss/wide', label: 'Wide only', color: MODEL_COLORS.wide },
        { key: 'loss/deep', label: 'Deep only', color: MODEL_COLORS.deep },
        { key: 'loss/joint', label: 'Joint Wide & Deep', color: MODEL_COLORS.joint },
      ],
    },
  ],
  // Loaded on first run: the page shows the lab without pulling tfjs into its first bundle.
  run: async (config, ctx) => (await import('./run')).runWideDeep(config, ctx),
});
