// One line and one paper for each way the weighting lab combines objectives.
import type { WeightingMethod } from '../../../core/labs/weighting/config';

export const METHOD_INFO: Record<WeightingMethod, { name: string; kind: 'hand' | 'automatic'; line: string; paper: string }> = {
  rc: {
    name: 'RC — reward combination',
    kind: 'hand',
    line: 'Adds the rewards with your weights, then standardises within the group (GRPO’s group-relative advantage).',
    paper: 'Shao et al., DeepSeekMath (GRPO), arXiv:2402.03300, 2024; a baseline in Jiang et al. 2026',
  },
  ac: { name: 'AC — advantage combination', kind: 'hand', line: 'Standardises each reward within the group, then adds them with your weights.', paper: 'a baseline in Jiang et al., arXiv:2605.25604, 2026' },
  dvao: {
    name: 'DVAO — variance-adaptive',
    kind: 'automatic',
    line: 'Your weights are priorities b_k; an objective counts in proportion to b_k × its spread inside the group.',
    paper: 'Jiang et al., arXiv:2605.25604, 2026',
  },
  gdpo: {
    name: 'GDPO — equal, whitened',
    kind: 'automatic',
    line: 'Equal weights on standardised rewards, then whitened across the batch (sliders ignored).',
    paper: 'group-decoupled normalisation, as compared in Jiang et al. 2026 (unverified name)',
  },
  fixed: { name: 'Fixed loss weights', kind: 'hand', line: 'A weighted sum of differentiable surrogates of the three objectives.', paper: 'the classic scalarisation' },
  uw: {
    name: 'Uncertainty weighting',
    kind: 'automatic',
    line: 'Learns a noise scale per loss; losses that stay high are down-weighted (sliders ignored; the noise toggle affects rewards, not these losses).',
    paper: 'Kendall, Gal, Cipolla, CVPR 2018',
  },
  dwa: { name: 'DWA — dynamic weight average', kind: 'automatic', line: 'Weights the loss that fell least over the last epochs more (sliders ignored).', paper: 'Liu, Johns, Davison, CVPR 2019' },
  gradnorm: {
    name: 'GradNorm',
    kind: 'automatic',
    line: 'Tunes weights so the losses that are training slowest pull hardest on the shared item vectors (α = 1.5; sliders ignored).',
    paper: 'Chen et al., ICML 2018',
  },
};
