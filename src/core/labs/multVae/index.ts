// The Mult-VAE lab, "the loss is an objective": its identity, teaching text, charts and run.
import { defineLab, type ChartSpec, type SeriesSpec } from '../../experiment/types';
import { lesson } from '../findingsRecord';
import type { MultVaeArtifacts } from './artifacts';
import { multVaeDefaults, multVaeSchema } from './config';
import { multVaeFindings } from './findings';
import { multVaeLesson } from './lesson';
import { POPULARITY, POPULARITY_COLOR, VARIANT_COLORS, VARIANTS, variantLabel } from './variants';

/** One series per variant (all six declared; the UI hides those a run does not emit), optionally VAE only. */
function perVariant(metric: string, only?: 'vae'): SeriesSpec[] {
  return VARIANTS.filter((v) => !only || v.model === only).map((v) => ({ key: `${metric}/${v.id}`, label: variantLabel(v), color: VARIANT_COLORS[v.id] }));
}

const popularity = (metric: string): SeriesSpec => ({ key: `${metric}/${POPULARITY}`, label: 'Popularity', color: POPULARITY_COLOR, dashed: true });

const charts: ChartSpec[] = [
  {
    id: 'ndcg',
    title: 'Validation NDCG@100 per epoch',
    source: 'epoch',
    xLabel: 'epoch',
    yLabel: 'NDCG@100',
    unit: '0–1',
    better: 'higher',
    series: [...perVariant('ndcg@100'), popularity('ndcg@100')],
  },
  {
    id: 'recall20',
    title: 'Validation Recall@20 per epoch',
    source: 'epoch',
    xLabel: 'epoch',
    yLabel: 'Recall@20 (hits / min(20, held-out))',
    unit: '0–1',
    better: 'higher',
    series: [...perVariant('recall@20'), popularity('recall@20')],
  },
  {
    id: 'beta',
    title: 'KL weight β at the end of each epoch (Mult-VAE)',
    source: 'epoch',
    xLabel: 'epoch',
    yLabel: 'β',
    unit: '0–1',
    better: 'none',
    series: perVariant('beta', 'vae'),
  },
  {
    id: 'kl',
    title: 'KL(q(z|x) ‖ N(0, I)) per user, mean over the epoch (Mult-VAE)',
    source: 'epoch',
    xLabel: 'epoch',
    yLabel: 'KL',
    unit: 'nats per user',
    better: 'lower',
    series: perVariant('kl', 'vae'),
  },
  {
    id: 'ndcg-vs-beta',
    title: 'Validation NDCG@100 against β while β anneals',
    source: 'epoch',
    xKey: 'beta',
    xLabel: 'β',
    yLabel: 'NDCG@100',
    unit: '0–1',
    better: 'higher',
    series: perVariant('ndcg@100', 'vae'),
  },
  {
    id: 'kl-vs-beta',
    title: 'KL per user against β while β anneals',
    source: 'epoch',
    xKey: 'beta',
    xLabel: 'β',
    yLabel: 'KL',
    unit: 'nats per user',
    better: 'lower',
    series: perVariant('kl', 'vae'),
  },
  {
    id: 'loss',
    title: 'Training loss per step: −log-likelihood + β·KL (+ λ‖W‖² for the reference Mult-DAE)',
    source: 'step',
    xLabel: 'training step (all models, in turn)',
    yLabel: 'loss',
    unit: 'per user: nats (Gaussian: weighted squared error)',
    better: 'lower',
    series: perVariant('loss'),
  },
];

export const multVaeLab = defineLab<typeof multVaeSchema, MultVaeArtifacts>({
  id: 'mult-vae',
  title: 'The loss is an objective',
  tagline: 'Same network, three likelihoods: which one trains a better top-N ranker?',
  papers: [
    {
      title: 'Variational Autoencoders for Collaborative Filtering',
      authors: 'Liang, Krishnan, Hoffman, Jebara',
      venue: 'WWW',
      year: 2018,
      url: 'https://arxiv.org/abs/1802.05814',
    },
  ],
  ...lesson({
    about:
      'An autoencoder reads the items a user clicked and scores the whole catalogue. What it learns depends on the ' +
      'loss: the multinomial likelihood makes items compete for one unit of probability, as a top-N list does; the ' +
      'Gaussian one fits each click and non-click by squared error; the logistic one treats every item as an ' +
      'independent yes/no. Mult-VAE adds a KL term, weighted by a β that is annealed up from 0, and Mult-DAE drops it ' +
      'for a dropout-corrupted input. Users are held out whole, as in the paper’s code: users with fewer than 5 clicks ' +
      'are left out, a test user’s clicks on items no training user clicked are dropped, and of the rest 20% (rounded ' +
      'down) are ranked and 80% fed in; a test user with fewer than 5 such clicks is not scored.',
    // Every number below is quoted from findings.json (./findings.ts declares the experiments: workshop, seeds 42–44).
    whatToTry: [
      'Press ▶ Train: after 50 epochs Mult-VAE’s test NDCG@100 with the multinomial and the Gaussian likelihoods comes out tied ' +
        '({finding:mult-vae.mult-gauss/a} ± {sd:mult-vae.mult-gauss/a} vs {finding:mult-vae.mult-gauss/b} ± {sd:mult-vae.mult-gauss/b}), the logistic one lower ' +
        '({finding:mult-vae.mult-logistic/b}), and all three above popularity ({finding:mult-vae.mult-gauss/pop}). Means over seeds, {measured:mult-vae.mult-gauss}.',
      'The paper ranks multinomial ≥ logistic > Gaussian on ML-20M; on this synthetic world a tuned Gaussian ties the multinomial and the logistic trails. The ordering is a property of the data, not a law.',
      'Watch the logistic curve lie on the dashed popularity line: it rises two points of NDCG@100 above it only at epoch {finding:mult-vae.logistic-late/logistic:0} ' +
        '(mean over seeds), the multinomial one at epoch {finding:mult-vae.logistic-late/mult:0}. Counting every non-click as a “no”, it first learns how popular ' +
        'each item is, and only then what each user likes.',
      'Set the batch size to the paper’s 500: that is 2 updates per epoch on 800 training users, and after 50 epochs the logistic model is still at popularity ' +
        '(test NDCG@100 {finding:mult-vae.batch500-logistic/a} vs {finding:mult-vae.batch500-logistic/pop}).',
      'Set gaussianConfidence to 30, weighting each click 30 times a non-click: the Gaussian VAE falls below where it was at 3 ' +
        '({finding:mult-vae.gauss-confidence/b} vs {finding:mult-vae.gauss-confidence/a}). How the zeros are weighted matters as much as the form of the likelihood.',
      'Set compare to ‘models’: Mult-VAE ends above Mult-DAE ({finding:mult-vae.vae-dae/a} vs {finding:mult-vae.vae-dae/b}). The activity table shows where: ' +
        'the DAE leads for the lightest quarter of test users ({finding:mult-vae.dae-lightest/dae} vs {finding:mult-vae.dae-lightest/vae}), the VAE for the heaviest ' +
        '({finding:mult-vae.vae-heaviest/vae} vs {finding:mult-vae.vae-heaviest/dae}) — about 25 users per group, so expect noise.',
      'Then turn on daeReference: the DAE gets the authors’ notebook’s tanh on its code layer and weight decay λ = 0.01 / batch size on its weights, on the paper’s 600-200-600 network (the notebook’s own DAE is smaller, one 200-unit layer). Compare its curve with the lab’s DAE and with the VAE.',
      'Set betaCap to 1 and annealSteps to 400 (compare ‘none’): β climbs to 1 over the run and the β-peak view marks where validation NDCG@100 peaked: ' +
        'at β {finding:mult-vae.beta-to-one/peakBeta:2} on average (NDCG@100 {finding:mult-vae.beta-to-one/peak}), ending at {finding:mult-vae.beta-to-one/end} at β = 1. ' +
        'Here β and training time grow together, so the late peak says only that a large β costs this world little — far less than ML-20M, where the paper’s peak came near β = 0.2.',
      'Switch size to ‘tiny’ (64/16) for a slow backend: an epoch is faster, and the multinomial VAE still lands far above popularity ' +
        '({finding:mult-vae.tiny-net/a} vs {finding:mult-vae.tiny-net/pop}).',
      'Raise the learning rate to 2: the VAE’s log σ² overflows and the run stops at once as diverged, keeping what it had.',
    ],
  }),
  place: { part: 'reformulation', order: 7 },
  lessonPlan: multVaeLesson,
  findings: multVaeFindings,
  schema: multVaeSchema,
  defaults: multVaeDefaults,
  quick: { dataset: 'tiny', size: 'tiny', batchSize: 20, epochs: 2 },
  charts,
  // Loaded on first run: the page shows the lab without pulling tfjs into its first bundle.
  run: async (config, ctx) => (await import('./run')).runMultVae(config, ctx),
});
