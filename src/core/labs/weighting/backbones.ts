// The recommenders the weighting lab can train: anything that gives each user a softmax over the catalogue.
import type { Rng } from '../../random/rng';
import { createSoftmaxPolicy, type SoftmaxPolicy } from './policy';

export interface BackboneInfo {
  label: string;
  paper: string;
  /**
   * A fresh policy. `trainRows` are the users' training items: what a model that reads inputs looks at when
   * no inputs are passed (evaluation); `dim` is the size of its user/item representation.
   */
  create(numUsers: number, numItems: number, dim: number, rng: Rng, trainRows?: readonly Int32Array[]): SoftmaxPolicy;
}

/**
 * Backbones by stable id (the URL stores the id). A new model registers here: it needs per-user logits over
 * the catalogue, its variables, and snapshot/restore for the shared warm start.
 */
const REGISTERED = {
  'softmax-mf': { label: 'Softmax matrix factorisation', paper: 'π_u = softmax(U_u Vᵀ + b)', create: createSoftmaxPolicy },
} as const satisfies Record<string, BackboneInfo>;

export type BackboneId = keyof typeof REGISTERED;
export const BACKBONES: Record<BackboneId, BackboneInfo> = REGISTERED;
export const BACKBONE_IDS = Object.keys(BACKBONES) as [BackboneId, ...BackboneId[]];
