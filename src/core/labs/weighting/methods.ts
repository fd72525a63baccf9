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
  /** What the "weight actually applied" chart shows for it, in one line. */
  applied: string;
  paper: string;
}

export const METHOD_INFO: Record<WeightingMethod, MethodInfo> = {
  rc: {
    name: 'RC — reward combination',
    short: 'RC',
    kind: 'hand',
    line: 'Adds the rewards with your weights, then standardises the sum within the group (GRPO’s group-relative advantage). Same direction as DVAO; every group is rescaled to unit variance, even one whose objectives cancel.',
    applied: 'z-weights b_k σ_k / Σ b_j σ_j — the same as DVAO: a saturated objective gets 0, a noisy one more.',
    paper: 'Shao et al., DeepSeekMath (GRPO), arXiv:2402.03300, 2024; a baseline in Jiang et al. 2026',
  },
  ac: {
    name: 'AC — advantage combination',
    short: 'AC',
    kind: 'hand',
    line: 'Standardises each reward within the group, then adds the z-scores with your weights.',
    applied: 'z-weights b_k as set — and 0 for an objective that does not vary in the group (σ_k = 0): its share is lost, not passed on.',
    paper: 'a baseline in Jiang et al., arXiv:2605.25604, 2026',
  },
  dvao: {
    name: 'DVAO — variance-adaptive',
    short: 'DVAO',
    kind: 'automatic',
    line: 'Your weights are priorities b_k; divides the weighted deviations by Σ b_j σ_j, so it points where RC points but gives a group whose objectives cancel a smaller step.',
    applied: 'z-weights λ_k = b_k σ_k / Σ b_j σ_j (the same as RC).',
    paper: 'Jiang et al., arXiv:2605.25604, 2026',
  },
  gdpo: {
    name: 'GDPO — decoupled normalisation',
    short: 'GDPO',
    kind: 'automatic',
    line: 'Standardises each reward within the group, adds the z-scores with equal weights, then whitens across the batch (sliders ignored). It argues that standardising the sum (RC) gives the same advantage to slates whose rewards differ but whose sums tie.',
    applied: 'z-weights 1/K (0 for an objective with σ_k = 0) before whitening; the whitening rescales the whole batch by one number, so the relative weights stay.',
    paper: 'GDPO: Group reward-Decoupled Normalization Policy Optimization for Multi-reward RL Optimization, NVIDIA, arXiv:2601.05242, 2026 (code: NVlabs/GDPO)',
  },
  fixed: {
    name: 'Fixed loss weights',
    short: 'Fixed',
    kind: 'hand',
    line: 'A weighted sum of differentiable surrogates of the three objectives.',
    applied: 'your weights, as multipliers of terms of different sizes (nats vs 0–1): see the loss-term and share charts.',
    paper: 'the classic scalarisation',
  },
  uw: {
    name: 'Uncertainty weighting',
    short: 'UW',
    kind: 'automatic',
    line: 'Learns a noise scale per loss; losses that stay high are down-weighted (sliders ignored; the noise toggle affects rewards, not these losses).',
    applied: 'the learned multipliers ½e^{−s_k}, normalised to sum to 1.',
    paper: 'Kendall, Gal, Cipolla, CVPR 2018',
  },
  dwa: {
    name: 'DWA — dynamic weight average',
    short: 'DWA',
    kind: 'automatic',
    line: 'Weights the loss that fell least over the last epochs more (sliders ignored).',
    applied: 'the multipliers K·softmax of the loss ratios, normalised to sum to 1.',
    paper: 'Liu, Johns, Davison, CVPR 2019',
  },
  gradnorm: {
    name: 'GradNorm',
    short: 'GradNorm',
    kind: 'automatic',
    line: 'Tunes weights so the losses that are training slowest pull hardest on the shared item vectors (α = 1.5; sliders ignored).',
    applied: 'the tuned multipliers, normalised to sum to 1.',
    paper: 'Chen et al., ICML 2018',
  },
};
