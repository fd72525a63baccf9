// Every model by stable id, with its name and paper, without tfjs: settings, URLs, charts and sweep plans read
// these; models/registry.ts maps each id to code.

/** Stable model ids (the URL and series keys store them). */
export const MODEL_IDS = ['popularity', 'bpr-mf', 'softmax-mf', 'mult-vae', 'mult-dae', 'amp-cf'] as const;
export type ModelId = (typeof MODEL_IDS)[number];

/** The models that can be a softmax policy over the catalogue (the weighting lab's backbones), in menu order. */
export const BACKBONE_IDS = ['softmax-mf', 'mult-vae', 'amp-cf'] as const satisfies readonly ModelId[];
export type BackboneId = (typeof BACKBONE_IDS)[number];

export interface ModelCard {
  /** How charts and tables name it. */
  label: string;
  /** Where it comes from, or its formula when it is the plain baseline. */
  paper: string;
}

export const MODEL_CATALOG: Record<ModelId, ModelCard> = {
  popularity: { label: 'Popularity', paper: 'the most-clicked items a user has not seen' },
  'bpr-mf': { label: 'BPR-MF', paper: 'Rendle et al., UAI 2009' },
  'softmax-mf': { label: 'Softmax MF', paper: 'π_u = softmax(U_u Vᵀ + b)' },
  'mult-vae': { label: 'Mult-VAE', paper: 'Liang et al., WWW 2018: π_u = softmax(decoder(μ(x_u)))' },
  'mult-dae': { label: 'Mult-DAE', paper: 'Liang et al., WWW 2018 (the denoising autoencoder)' },
  'amp-cf': { label: 'AMP-CF', paper: 'Barkan et al., RecSys 2020: π_u = softmax over ū_{u,i}ᵀ v_i' },
};
