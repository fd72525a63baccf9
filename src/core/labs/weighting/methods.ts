// One name, one line and one paper for each way the weighting lab combines objectives (no tfjs: the schema and
// the panel read it).

export const REWARD_METHODS = ['rc', 'ac', 'gdpo', 'dvao'] as const;
export const LOSS_METHODS = ['fixed', 'uw', 'dwa', 'gradnorm'] as const;
export type WeightingMethod = (typeof REWARD_METHODS)[number] | (typeof LOSS_METHODS)[number];

export interface MethodInfo {
  /** Its name in the method menu, and in one word on charts and tables. */
  name: string;
  short: string;
  kind: 'hand' | 'automatic';
  /** What it does, in one line. */
  line: string;
  paper: string;
}

export const METHOD_INFO: Record<WeightingMethod, MethodInfo> = {
  rc: {
    name: 'RC — reward combination',
    short: 'RC',
    kind: 'hand',
    line: 'Adds the rewards with your weights, then standardises within the group (GRPO’s group-relative advantage).',
    paper: 'Shao et al., DeepSeekMath (GRPO), arXiv:2402.03300, 2024; a baseline in Jiang et al. 2026',
  },
  ac: { name: 'AC — advantage combination', short: 'AC', kind: 'hand', line: 'Standardises each reward within the group, then adds them with your weights.', paper: 'a baseline in Jiang et al., arXiv:2605.25604, 2026' },
  dvao: {
    name: 'DVAO — variance-adaptive',
    short: 'DVAO',
    kind: 'automatic',
    line: 'Your weights are priorities b_k; an objective counts in proportion to b_k × its spread inside the group.',
    paper: 'Jiang et al., arXiv:2605.25604, 2026',
  },
  gdpo: {
    name: 'GDPO — equal, whitened',
    short: 'GDPO',
    kind: 'automatic',
    line: 'Equal weights on standardised rewards, then whitened across the batch (sliders ignored).',
    paper: 'group-decoupled normalisation, as compared in Jiang et al. 2026 (unverified name)',
  },
  fixed: { name: 'Fixed loss weights', short: 'Fixed', kind: 'hand', line: 'A weighted sum of differentiable surrogates of the three objectives.', paper: 'the classic scalarisation' },
  uw: {
    name: 'Uncertainty weighting',
    short: 'UW',
    kind: 'automatic',
    line: 'Learns a noise scale per loss; losses that stay high are down-weighted (sliders ignored; the noise toggle affects rewards, not these losses).',
    paper: 'Kendall, Gal, Cipolla, CVPR 2018',
  },
  dwa: { name: 'DWA — dynamic weight average', short: 'DWA', kind: 'automatic', line: 'Weights the loss that fell least over the last epochs more (sliders ignored).', paper: 'Liu, Johns, Davison, CVPR 2019' },
  gradnorm: {
    name: 'GradNorm',
    short: 'GradNorm',
    kind: 'automatic',
    line: 'Tunes weights so the losses that are training slowest pull hardest on the shared item vectors (α = 1.5; sliders ignored).',
    paper: 'Chen et al., ICML 2018',
  },
};
