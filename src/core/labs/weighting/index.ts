// The weighting lab: hand-set objective weights versus automatic, data-driven weighting (DVAO and peers).
import { defineLab, type ChartSpec } from '../../experiment/types';
import type { WeightingArtifacts } from './artifacts';
import { weightingDefaults, weightingSchema } from './config';
import { lesson } from '../findingsRecord';
import { OBJECTIVES } from './objectives';
import { paretoSweep } from './sweeps';
import { weightingFindings } from './findings';
import { weightingLesson } from './lesson';

const perObjective = (prefix: string) => OBJECTIVES.map((o) => ({ key: `${prefix}/${o.id}`, label: o.label, color: o.color }));
const color = (id: string) => OBJECTIVES.find((o) => o.id === id)!.color;

// The two accuracy views first: on one screen with the sliders above them (the step charts follow).
const charts: ChartSpec[] = [
  {
    id: 'consumed-all',
    title: 'Accuracy if every item is consumed',
    source: 'epoch',
    xLabel: 'epoch',
    yLabel: 'score@10',
    unit: '0–1',
    better: 'higher',
    series: [
      { key: 'precision', label: 'Precision@10', color: '#2f6fdd' },
      { key: 'ndcg', label: 'NDCG@10', color: '#7a9fe6', dashed: true },
    ],
  },
  {
    id: 'consumed-few',
    title: 'Accuracy if the user consumes only a few',
    source: 'epoch',
    xLabel: 'epoch',
    yLabel: 'utility@10',
    unit: '0–1',
    better: 'higher',
    series: [
      { key: 'hit', label: 'HR@10 (= U₁)', color: '#b54708' },
      { key: 'consumption@2', label: 'U₂', color: '#d9822b', dashed: true },
      { key: 'consumption@3', label: 'U₃', color: '#f2b56b', dashed: true },
    ],
  },
  { id: 'rewards', title: 'Reward of each objective per step', source: 'step', xLabel: 'training step', yLabel: 'mean reward', unit: '0–1', better: 'higher', series: perObjective('reward') },
  {
    id: 'weights',
    title: 'Weight each objective actually gets: on its z-score (reward side) or its loss (loss side)',
    source: 'step',
    xLabel: 'training step',
    yLabel: 'weight',
    unit: 'mean over groups',
    better: 'none',
    series: perObjective('weight'),
  },
  {
    id: 'msa',
    title: 'Mean squared advantage per group (the step size; reward-side methods)',
    source: 'step',
    xLabel: 'training step',
    yLabel: 'mean A²',
    unit: 'unitless',
    better: 'none',
    series: [{ key: 'meanSqAdvantage', label: 'mean A²', color: '#7a5af8' }],
    reference: { y: 1, label: 'RC: always 1' },
  },
  {
    id: 'path',
    title: 'Path in objective space (means of up to 10 steps)',
    source: 'step',
    xKey: 'reward/relevance',
    xLabel: 'relevance reward',
    yLabel: 'diversity reward',
    unit: '0–1',
    better: 'higher',
    series: [{ key: 'reward/diversity', label: 'diversity vs relevance', color: color('diversity') }],
  },
  {
    id: 'beyond',
    title: 'Diversity, coverage and novelty of the top-10',
    source: 'epoch',
    xLabel: 'epoch',
    yLabel: 'value',
    unit: '0–1',
    better: 'higher',
    series: [
      { key: 'ild', label: 'ILD@10 (genres)', color: color('diversity') },
      { key: 'coverage', label: 'coverage', color: '#667085', dashed: true },
      { key: 'novelty', label: 'novelty (EPC)', color: color('novelty') },
    ],
  },
];

/**
 * The loss side's scales, drawn by the lab's panel below the charts only for loss-side runs (a reward-side run
 * has no loss terms): each term's size, and its share of the weighted loss.
 */
export const lossScaleCharts: ChartSpec[] = [
  {
    id: 'loss-terms',
    title: 'Size of each loss term (loss-side methods): the weights multiply these',
    source: 'step',
    xLabel: 'training step',
    yLabel: 'L_k',
    unit: 'relevance nats, others 0–1',
    better: 'lower',
    series: perObjective('loss'),
  },
  {
    id: 'loss-shares',
    title: 'Share of the weighted loss, w_k L_k / Σ w_j L_j (loss-side methods)',
    source: 'step',
    xLabel: 'training step',
    yLabel: 'share',
    unit: 'sums to 1',
    better: 'none',
    series: perObjective('lossShare'),
  },
];

export const weightingLab = defineLab<typeof weightingSchema, WeightingArtifacts>({
  id: 'weighting',
  title: 'Weighting objectives',
  tagline: 'Drag objective weights, or let the data set them — and see what "accurate" means.',
  papers: [
    { title: 'DVAO: Dynamic Variance-adaptive Advantage Optimization', authors: 'Jiang et al.', venue: 'arXiv:2605.25604', year: 2026 },
    { title: 'GDPO: Group reward-Decoupled Normalization Policy Optimization for Multi-reward RL Optimization', authors: 'NVIDIA (code: NVlabs/GDPO)', venue: 'arXiv:2601.05242', year: 2026 },
    { title: 'Multi-Task Learning Using Uncertainty to Weigh Losses', authors: 'Kendall, Gal, Cipolla', venue: 'CVPR', year: 2018 },
    { title: 'GradNorm: Gradient Normalization for Adaptive Loss Balancing', authors: 'Chen, Badrinarayanan, Lee, Rabinovich', venue: 'ICML', year: 2018 },
    { title: 'End-to-End Multi-Task Learning with Attention (DWA)', authors: 'Liu, Johns, Davison', venue: 'CVPR', year: 2019 },
    { title: 'Reconciling the Accuracy-Diversity Trade-off in Recommendations', authors: 'Peng, Raghavan, Pierson, Kleinberg, Garg', venue: 'WWW', year: 2024 },
  ],
  ...lesson({
  about:
    'A softmax recommender is first trained for accuracy alone, then on three objectives at once: relevance ' +
    '(hits on 20% of each user’s training items, held out of the warm start), diversity (genre ILD of the slate) ' +
    'and novelty. Reward-side methods sample 8 slates per user. RC adds the rewards with your weights b and ' +
    'standardises the sum in the group; DVAO divides the same weighted deviations by Σ b_j σ_j. So RC and DVAO ' +
    'point the same way in every group, and both weight objective k’s z-score by b_k σ_k / Σ b_j σ_j: an ' +
    'objective that does not vary gets 0, a noisy one gets more. They differ in the step: RC rescales every group ' +
    'to unit variance, even one whose objectives cancel; DVAO gives that group a smaller step. AC and GDPO ' +
    'standardise each reward first and add the z-scores with b (AC) or equal weights (GDPO, then whitened across ' +
    'the batch) — an objective with σ = 0 still adds nothing. Loss-side methods weight differentiable ' +
    'surrogates (fixed, uncertainty weighting, DWA, GradNorm); their terms have different sizes, so a weight is ' +
    'not a share. Accuracy is scored twice: as if the user consumed all ten items (Precision, NDCG) and as if ' +
    'they consumed only a few (HR, U_c).',
  whatToTry: [
    'Raise the diversity weight while it trains: a dashed marker shows the step it took effect. Compare what happens to Precision@10, HR@10 and ILD@10: does Precision fall faster than HR?',
    'Switch between RC and DVAO: the weights chart shows the same z-weights b σ / Σ b σ for both — they point the same way. The difference is on the mean A² chart and the step-scale view below: RC sits at 1, DVAO below it.',
    'With RC or DVAO, add noise to novelty: its spread inside each group grows, so its z-weight b σ / Σ b σ rises — the failure mode of variance-based weighting, shared by both. With AC the noisy z-score keeps the weight you set. Measured with noise 0.3: novelty’s mean z-weight {finding:weighting.noisy-weight-dvao/noisy:2} under DVAO against {finding:weighting.noisy-weight-dvao/quiet:2} without noise, and {finding:weighting.noisy-weight-rc/noisy:2} against {finding:weighting.noisy-weight-rc/quiet:2} under RC ({measured:weighting.noisy-weight-dvao}).',
    "Set the diversity reward to 'span' (1 if a slate covers two genres): nearly every slate does, so σ = 0 and no method gets anything from it. RC and DVAO hand its share to the other objectives; AC and GDPO simply lose it, and their steps shrink. Under DVAO its mean z-weight is {finding:weighting.saturated-off/span:3}, against {finding:weighting.saturated-off/ild:2} with the ILD reward ({measured:weighting.saturated-off}).",
    'Weight relevance and novelty alone (0.5 / 0.5, diversity 0): one might expect popular hits and novel items to pull apart inside each group, but on this data they do not disagree more than under the default weights — mean agreement {finding:weighting.conflict-agreement/conflict:2} against {finding:weighting.conflict-agreement/defaults:2} ({measured:weighting.conflict-agreement}). Either way the step-scale view shows the definitions at work: DVAO’s step is the agreement itself ({finding:weighting.conflict-step/dvao:2} on average), RC’s is always 1, so RC amplifies the groups whose objectives cancel.',
    'Try GDPO: it z-scores each reward before adding them, so two slates whose summed reward ties but whose rewards differ get different advantages (under RC they tie). Its whitening rescales the whole batch at once and changes no relative weight.',
    'Try a loss-side method: the loss-term chart shows the likelihood in nats, several times the [0, 1] diversity and novelty terms, so with fixed weights 0.6 / 0.3 / 0.1 the likelihood takes far more than 60% of the loss (the share chart). Measured with the fixed weights: the likelihood averages {finding:weighting.loss-share/likelihood:1} nats against {finding:weighting.loss-share/diversity:2} for diversity, and its share of the weighted loss is {finding:weighting.loss-share/share:2}, not 0.6 ({measured:weighting.loss-share}). UW, DWA and GradNorm move their weights for other reasons: how each loss falls, not how much slates differ.',
    'Run the Pareto sweep, then read the path view under it: each automatic method’s scores epoch by epoch, drawn against the line of hand weights. Does a method that sets its own weights end beyond what some hand weight reaches, on it, or inside it — and does its path head for the line at all?',
    "Switch relevance to 'consumption' (the user takes one): most slates already hold a hit, so its spread is small, and the top-10 barely changes at the default step size. Give it room (a larger learning rate, more epochs) and compare the ILD of the lists.",
  ],
  }),
  place: { part: 'weighting', order: 4 },
  lessonPlan: weightingLesson,
  findings: weightingFindings,
  schema: weightingSchema,
  defaults: weightingDefaults,
  quick: { dataset: 'tiny', epochs: 1, warmStartEpochs: 2, usersPerStep: 32 },
  charts,
  markerKeys: OBJECTIVES.map((o) => `base/${o.id}`),
  liveKeys: OBJECTIVES.map((o) => o.weightKey),
  sweeps: [paretoSweep],
  run: async (config, ctx) => (await import('./run')).runWeighting(config, ctx),
});
