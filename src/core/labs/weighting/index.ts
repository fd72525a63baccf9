// The weighting lab: hand-set objective weights versus automatic, data-driven weighting (DVAO and peers).
import { defineLab, type ChartSpec } from '../../experiment/types';
import { weightingDefaults, weightingSchema } from './config';
import { OBJECTIVES } from './objectives';
import { paretoSweep } from './sweeps';

const perObjective = (prefix: string) => OBJECTIVES.map((o) => ({ key: `${prefix}/${o.id}`, label: o.label, color: o.color }));
const color = (id: string) => OBJECTIVES.find((o) => o.id === id)!.color;

const charts: ChartSpec[] = [
  { id: 'rewards', title: 'Reward of each objective per step', source: 'step', xLabel: 'training step', yLabel: 'mean reward', unit: '0–1', better: 'higher', series: perObjective('reward') },
  { id: 'weights', title: 'Weights actually applied, λ_k(t)', source: 'step', xLabel: 'training step', yLabel: 'weight', unit: 'sums to 1', better: 'none', series: perObjective('weight') },
  {
    id: 'msa',
    title: 'Mean squared advantage per group',
    source: 'step',
    xLabel: 'training step',
    yLabel: 'mean A²',
    unit: 'reward-side methods',
    better: 'lower',
    series: [{ key: 'meanSqAdvantage', label: 'mean A²', color: '#7a5af8' }],
    reference: { y: 1, label: "DVAO's bound" },
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

export const weightingLab = defineLab({
  id: 'weighting',
  title: 'Weighting objectives',
  tagline: 'Drag objective weights, or let the data set them — and see what "accurate" means.',
  papers: [
    { title: 'DVAO: Dynamic Variance-adaptive Advantage Optimization', authors: 'Jiang et al.', venue: 'arXiv:2605.25604', year: 2026 },
    { title: 'Multi-Task Learning Using Uncertainty to Weigh Losses', authors: 'Kendall, Gal, Cipolla', venue: 'CVPR', year: 2018 },
    { title: 'GradNorm: Gradient Normalization for Adaptive Loss Balancing', authors: 'Chen, Badrinarayanan, Lee, Rabinovich', venue: 'ICML', year: 2018 },
    { title: 'End-to-End Multi-Task Learning with Attention (DWA)', authors: 'Liu, Johns, Davison', venue: 'CVPR', year: 2019 },
    { title: 'Reconciling the Accuracy-Diversity Trade-off in Recommendations', authors: 'Peng, Raghavan, Pierson, Kleinberg, Garg', venue: 'WWW', year: 2024 },
  ],
  about:
    'A softmax recommender is first trained for accuracy alone, then on three objectives at once: relevance, ' +
    'diversity (genre ILD of the slate) and novelty. Reward-side methods sample 8 slates per user and weight ' +
    "each objective's advantage — by hand (RC, AC), equally and whitened (GDPO), or by the objective's spread " +
    'inside the group (DVAO: λ_k = b_k σ_k / Σ b_j σ_j). Loss-side methods weight differentiable surrogates: ' +
    'fixed, uncertainty weighting, DWA, GradNorm. Accuracy is scored twice: as if the user consumed all ten ' +
    'items (Precision, NDCG) and as if they consumed only a few (HR, U_c).',
  whatToTry: [
    'Raise the diversity weight while it trains: a dashed marker shows the step it took effect. On workshop (3 seeds), moving the diversity share from 0 to 0.8 cost Precision@10 24% (0.344 → 0.262) but HR@10 only 6% (0.915 → 0.859), while genre ILD rose from 0.58 to 0.90.',
    'With DVAO, add noise to novelty: its spread inside each group grows, so DVAO raises its weight (measured: 0.05 → 0.27 on average) — the failure mode of variance-based weighting. AC keeps the weights you set.',
    'Compare DVAO and AC on the mean-squared-advantage chart: DVAO never crosses the line at 1.',
    "Set the diversity reward to 'span' (1 if a slate covers two genres): every slate already does, so DVAO's weight on it drops to 0.001 while AC keeps the 0.3 you set — an objective that is already met switches itself off.",
    'Make objectives conflict: relevance 0.5, novelty 0.5, diversity 0 — popular items are the likely hits, so the two pull apart inside each group and DVAO shrinks the step: mean A² 1.00 with relevance alone, 0.55 here.',
    "Switch relevance to 'consumption' (the user takes one): at the default step size most slates already hold a hit (reward ≈ 0.83) and the top-10 barely changes (ILD 0.58 either way). Give it room — learning rate 0.03, 16 epochs — and the consumption-trained lists are more diverse (ILD 0.64 vs 0.59 over 3 seeds), though both lose accuracy against the warm start: a score per item is a blunt tool for 'cover several tastes'.",
    'Try a loss-side method (uncertainty weighting, DWA, GradNorm): their weights move for other reasons — how fast each loss falls, not how much slates differ.',
  ],
  schema: weightingSchema,
  defaults: weightingDefaults,
  quick: { dataset: 'tiny', epochs: 1, warmStartEpochs: 2, usersPerStep: 32 },
  charts,
  markerKeys: OBJECTIVES.map((o) => `base/${o.id}`),
  liveKeys: OBJECTIVES.map((o) => o.weightKey),
  sweeps: [paretoSweep],
  run: async (config, ctx) => (await import('./run')).runWeighting(config, ctx),
});
