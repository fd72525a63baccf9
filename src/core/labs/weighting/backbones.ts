// The recommenders the weighting lab can train: anything that gives each user a softmax over the catalogue.
import type { Rng } from '../../random/rng';
import { createSoftmaxPolicy, type SoftmaxPolicy } from './policy';

export interface BackboneInfo {
  label: string;
  paper: string;
  create(numUsers: number, numItems: number, dim: number, rng: Rng): SoftmaxPolicy;
}

/**
 * Backbones by stable id (the URL stores the id). A new model registers here: it needs per-user logits over
 * the catalogue, its variables, and snapshot/restore for the shared warm start.
 */
export const BACKBONES = {
  'softmax-mf': { label: 'Softmax matrix factorisation', paper: 'π_u = softmax(U_u Vᵀ + b)', create: createSoftmaxPolicy },
} as const satisfies Record<string, BackboneInfo>;

export type BackboneId = keyof typeof BACKBONES;
export const BACKBONE_IDS = Object.keys(BACKBONES) as [BackboneId, ...BackboneId[]];
