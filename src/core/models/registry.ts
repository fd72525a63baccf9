// Every trainable model's code by stable id: what each can be built as. A new model adds its id to catalog.ts
// and its constructors here; a model that gives each user a softmax over the catalogue also becomes a backbone.
import type { Rng } from '../random/rng';
import { createAmpCfPolicy } from './ampCf/policy';
import type { BackboneId } from './catalog';
import { createMultVaePolicy } from './multVae/policy';
import { createSoftmaxMf } from './softmaxMf';
import type { SoftmaxPolicy } from './softmaxPolicy';

/** A fresh softmax policy; `dim` is the size of its user/item representation (Mult-VAE: its latent code). */
export type PolicyFactory = (numUsers: number, numItems: number, dim: number, rng: Rng) => SoftmaxPolicy;

/**
 * The models as softmax policies (the weighting lab's backbones, the consumption lab's warm start): each needs
 * per-user logits over the catalogue, its variables, and snapshot/restore for the shared warm start.
 * (Popularity, BPR-MF and the lab-specific forms — Mult-VAE's trainer, AMP-CF's candidate scores — are built by
 * their own constructors in this folder: popularity.ts, bprMf.ts, multVae/model.ts, ampCf/model.ts.)
 */
export const POLICIES: Record<BackboneId, PolicyFactory> = {
  'softmax-mf': createSoftmaxMf,
  'mult-vae': createMultVaePolicy,
  'amp-cf': createAmpCfPolicy,
};
