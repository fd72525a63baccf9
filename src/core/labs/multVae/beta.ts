// The weight β of the KL term per update: annealed linearly from 0 up to a cap (Liang et al. 2018), or fixed.

export interface BetaSchedule {
  /** 'linear': β grows by 1 / annealSteps per update until it reaches `cap`; 'fixed': β = cap from the start. */
  anneal: 'linear' | 'fixed';
  /** The largest β used (the paper finds NDCG peaks near 0.2 on ML-20M). */
  cap: number;
  /** Updates over which β would grow from 0 to 1 (the reference code's total_anneal_steps); the cap stops it earlier. */
  annealSteps: number;
}

/**
 * β for the update that follows `updates` completed updates (0-based, so the first update has β = 0):
 * linear: β = min(cap, updates / annealSteps); fixed: β = cap. The objective maximised is
 * E_q[log p(x | z)] − β · KL(q(z | x) ‖ N(0, I)); β = 1 is the true ELBO, β = 0 a plain (denoising) autoencoder.
 */
export function betaAt(updates: number, s: BetaSchedule): number {
  if (s.anneal === 'fixed') return s.cap;
  return Math.min(s.cap, updates / s.annealSteps);
}

/** The number of completed updates after which β has reached its cap (0 for 'fixed'). */
export function updatesToCap(s: BetaSchedule): number {
  if (s.anneal === 'fixed' || s.cap <= 0) return 0;
  return Math.ceil(s.cap * s.annealSteps);
}
