// The six trainable variants of the Mult-VAE lab (model × likelihood), their stable ids, labels and colours.

import { MODEL_KINDS, type ModelKind } from '../../models/multVae/options';

export { MODEL_KINDS, type ModelKind };

/** The per-user log-likelihood the decoder is trained under (likelihoods.ts). */
export const LIKELIHOODS = ['multinomial', 'gaussian', 'logistic'] as const;
export type LikelihoodName = (typeof LIKELIHOODS)[number];

/** A variant id: `${model}-${likelihood}`, e.g. 'vae-multinomial'. Series keys end in it. */
export type VariantId = `${ModelKind}-${LikelihoodName}`;

export interface Variant {
  id: VariantId;
  model: ModelKind;
  likelihood: LikelihoodName;
}

/** All six, in chart order (VAE first, then DAE; multinomial, Gaussian, logistic). */
export const VARIANTS: readonly Variant[] = MODEL_KINDS.flatMap((model) =>
  LIKELIHOODS.map((likelihood) => ({ id: `${model}-${likelihood}` as VariantId, model, likelihood })),
);

export const VARIANT_IDS: readonly VariantId[] = VARIANTS.map((v) => v.id);

export function variantOf(model: ModelKind, likelihood: LikelihoodName): Variant {
  return { id: `${model}-${likelihood}`, model, likelihood };
}

const MODEL_LABEL: Record<ModelKind, string> = { vae: 'Mult-VAE', dae: 'Mult-DAE' };
const LIKELIHOOD_LABEL: Record<LikelihoodName, string> = { multinomial: 'multinomial', gaussian: 'Gaussian', logistic: 'logistic' };

/** "Mult-VAE, multinomial" — the paper names the model after its multinomial likelihood; the lab varies it. */
export function variantLabel(v: Variant): string {
  return `${MODEL_LABEL[v.model]}, ${LIKELIHOOD_LABEL[v.likelihood]}`;
}

/** One hue per likelihood; the VAE is drawn dark, the DAE light. */
export const VARIANT_COLORS: Record<VariantId, string> = {
  'vae-multinomial': '#2f6fdd',
  'vae-gaussian': '#b54708',
  'vae-logistic': '#12b76a',
  'dae-multinomial': '#8fb3f0',
  'dae-gaussian': '#f2b56b',
  'dae-logistic': '#7fdcae',
};

/** The popularity baseline's series suffix and colour. */
export const POPULARITY = 'popularity';
export const POPULARITY_COLOR = '#667085';
