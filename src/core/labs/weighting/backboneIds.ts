// The weighting lab's backbone ids and names, without the models: settings, URLs and sweep plans need only
// these, so the page does not load tfjs to show them (backbones.ts maps each id to its model).

export const BACKBONE_IDS = ['softmax-mf', 'mult-vae', 'amp-cf'] as const;
export type BackboneId = (typeof BACKBONE_IDS)[number];

/** How charts and tables name each backbone. */
export const BACKBONE_LABELS: Record<BackboneId, string> = { 'softmax-mf': 'Softmax MF', 'mult-vae': 'Mult-VAE', 'amp-cf': 'AMP-CF' };
