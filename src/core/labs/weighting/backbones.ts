// The recommenders the weighting lab can train: anything that gives each user a softmax over the catalogue.
import type { Rng } from '../../random/rng';
import type { BackboneId } from './backboneIds';
import { createAmpCfPolicy } from './ampCfPolicy';
import { createMultVaePolicy } from './multVaePolicy';
import { createSoftmaxPolicy, type SoftmaxPolicy } from './policy';

export interface BackboneInfo {
  label: string;
  paper: string;
  /** A fresh policy; `dim` is the size of its user/item representation (Mult-VAE: its latent code). */
  create(numUsers: number, numItems: number, dim: number, rng: Rng): SoftmaxPolicy;
}

/**
 * Backbones by stable id (the URL stores the id). A new model registers here: it needs per-user logits over
 * the catalogue, its variables, and snapshot/restore for the shared warm start; its id goes in backboneIds.ts.
 */
export const BACKBONES: Record<BackboneId, BackboneInfo> = {
  'softmax-mf': { label: 'Softmax matrix factorisation', paper: 'π_u = softmax(U_u Vᵀ + b)', create: createSoftmaxPolicy },
  'mult-vae': { label: 'Mult-VAE', paper: 'Liang et al., WWW 2018: π_u = softmax(decoder(μ(x_u)))', create: createMultVaePolicy },
  'amp-cf': { label: 'AMP-CF', paper: 'Barkan et al., RecSys 2020: π_u = softmax over ū_{u,i}ᵀ v_i', create: createAmpCfPolicy },
};
