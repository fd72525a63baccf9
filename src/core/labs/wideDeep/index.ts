// The Wide & Deep lab (joint training of a memorising and a generalising tower): identity, teaching text, charts, run.
import { epochChart } from '../../experiment/epochChart';
import { defineLab, type ChartSpec, type Direction } from '../../experiment/types';
import { lesson } from '../findingsRecord';
import type { WideDeepArtifacts } from './artifacts';
import { wideDeepDefaults, wideDeepSchema } from './config';
import { wideDeepFindings } from './findings';
import { wideDeepLesson } from './lesson';

export const MODEL_COLORS = { wide: '#d9822b', deep: '#2f6fdd', joint: '#8e44ad', ensemble: '#27ae60' } as const;
const BAYES = '#555555';

/** A per-epoch chart of one test metric for the four models, the Bayes ceiling dashed (synthetic worlds only). */
function metricChart(metric: string, title: string, yLabel: string, unit: string, better: Direction): ChartSpec {
  return epochChart(metric, title, { label: yLabel, unit, better }, [
    { key: `test/${metric}/wide`, label: 'Wide only (logistic on features + crosses)', color: MODEL_COLORS.wide },
    { key: `test/${metric}/deep`, label: 'Deep only (embeddings → MLP)', color: MODEL_COLORS.deep },
    { key: `test/${metric}/joint`, label: 'Joint Wide & Deep', color: MODEL_COLORS.joint },
    { key: `test/${metric}/ensemble`, label: 'Ensemble (trained apart, blended)', color: MODEL_COLORS.ensemble },
    { key: `test/${metric}/bayes`, label: 'True probability (Bayes ceiling)', color: BAYES, dashed: true },
  ]);
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
  ...lesson({
    about:
      'Predict whether a shown item is clicked. The deep part embeds every id and attribute and feeds them through a small ReLU network: ' +
      'it generalises to user–item pairs it has never seen, but it smooths over rare, specific exceptions. The wide part is a logistic ' +
      'regression over one-hot features and cross products (user attribute AND item attribute), trained with FTRL and an L1 penalty as in the paper: ' +
      'it memorises exactly those exceptions, but only the crosses it is given. Joint training adds the two logits under one sigmoid and back-propagates ' +
      'one log-loss into both (FTRL for the wide weights, Adam for the deep part), so the wide part only has to fix what the deep part gets wrong; ' +
      'the ensemble trains them apart and blends their logits with weights fitted on validation impressions. On the synthetic worlds the clicks are ' +
      'drawn from a known probability, so the best possible score (the Bayes ceiling) is drawn too, and the planted exceptions (a user attribute × a ' +
      'creator) are ringed on the error grid. The paper reports offline AUC 0.726 wide, 0.722 deep and 0.728 joint on its app-store data (not re-measured here).',
    whatToTry: [
      'Press ▶ Train and compare the four AUC curves with the dashed ceiling. Recorded on workshop: joint {finding:wide-deep.auc/joint} ± {sd:wide-deep.auc/joint}, ' +
        'ensemble {finding:wide-deep.auc/ensemble}, deep {finding:wide-deep.auc/deep} ± {sd:wide-deep.auc/deep}, wide {finding:wide-deep.auc/wide}, against ' +
        '{finding:wide-deep.auc/bayes} for the true probability ({measured:wide-deep.auc}): joint leads, but by less than the spread over seeds.',
      'Open the error grid, pick deep and then joint, and look at the ringed cells: the deep part under-predicts the exceptions. Their log-loss falls from ' +
        '{finding:wide-deep.exceptions/deep} for deep to {finding:wide-deep.exceptions/joint} for joint, close to the wide model’s ' +
        '{finding:wide-deep.exceptions/wide}, which has the crosses but none of the deep part’s generalisation ({measured:wide-deep.exceptions}).',
      'Set crosses to none: the joint model forgets the exceptions (log-loss {finding:wide-deep.no-crosses/none} against {finding:wide-deep.no-crosses/top} ' +
        'with the top 20) while its AUC hardly moves ({finding:wide-deep.no-crosses/noneAuc} against {finding:wide-deep.no-crosses/topAuc}): the exceptions are a ' +
        'small share of the impressions, so the crosses show on the grid and the exception chart, not in the overall AUC.',
      'Turn on the crosses sweep and pick “log-loss on the exceptions”: even with every candidate cross the ensemble stays at ' +
        '{finding:wide-deep.sweep/excEnsembleAll}, against {finding:wide-deep.sweep/excJoint30} for joint training with the top 30 ({measured:wide-deep.sweep}). ' +
        'Trained apart, the wide model must explain every click alone and the blend mixes it with a deep model that smooths the exceptions away.',
      'Read the sizes table: FTRL’s L1 keeps a wide weight at exactly zero until its features’ accumulated error is large, and trained jointly the wide part ' +
        'keeps {finding:wide-deep.sparse-joint/joint:0} non-zero weights against {finding:wide-deep.sparse-joint/wide:0} trained alone — the paper’s point that ' +
        'a joint model needs a smaller wide part.',
      'On MovieLens-100K (imported with rating threshold 1: every rating is an impression, 4 or more a click; gender, occupation, age, genres and decade as ' +
        'attributes) joint training and the deep part tie: AUC {finding:wide-deep.ml-100k/joint} against {finding:wide-deep.ml-100k/deep}, the ensemble ' +
        '{finding:wide-deep.ml-100k/ensemble}, the wide part {finding:wide-deep.ml-100k/wide} ({measured:wide-deep.ml-100k}). This is the known pitfall: ' +
        'without rare, specific effects to memorise there is little for the wide part to add — which is why the synthetic worlds plant them.',
    ],
  }),
  place: { part: 'joint', order: 2 },
  lessonPlan: wideDeepLesson,
  findings: wideDeepFindings,
  schema: wideDeepSchema,
  defaults: wideDeepDefaults,
  quick: { dataset: 'tiny', epochs: 2, impressionsPerUser: 120 },
  charts: [
    metricChart('auc', 'AUC on held-out impressions (clicked ranked above not clicked)', 'AUC', '0.5 = chance, 1 = perfect', 'higher'),
    metricChart('logloss', 'Log-loss on held-out impressions', 'log-loss', 'nats per impression', 'lower'),
    metricChart('exceptionLogloss', 'Log-loss on the planted exceptions only (synthetic worlds)', 'log-loss', 'nats per impression', 'lower'),
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
