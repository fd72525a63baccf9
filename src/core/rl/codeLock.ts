// A toy MDP for testing value-based learners on variable candidate sets: a code lock opened by a sequence of codes.
import type { Rng } from '../random/rng';

/**
 * Positions 0..L (L = `length`, default 4); position p is a one-hot state vector of size L. Each turn offers
 * K ∈ {2, …, C} of the C codes (one-hot action features of size C, shuffled): always the right code for p,
 * (3p + 1) mod C, plus K − 1 others. The right code moves p → p + 1 (reaching L pays +1 and ends the episode); a
 * wrong one costs −0.1 and resets to 0. A learner must read the state to choose (the right code changes with p),
 * the offered set changes every turn, and the reward comes only at the end — so values must be bootstrapped.
 * A uniformly random policy rarely opens the lock within a dozen turns.
 */
export class CodeLock {
  readonly length: number;
  readonly codes: number;
  position = 0;
  /** The codes on offer now, in candidate order. */
  offered: number[] = [];

  constructor(
    private readonly rng: Rng,
    opts: { length?: number; codes?: number } = {},
  ) {
    this.length = opts.length ?? 4;
    this.codes = opts.codes ?? 4;
    this.reset();
  }

  get stateDim(): number {
    return this.length;
  }

  get actionDim(): number {
    return this.codes;
  }

  rightCode(p: number): number {
    return (3 * p + 1) % this.codes;
  }

  reset(): void {
    this.position = 0;
    this.deal();
  }

  state(): Float32Array {
    const s = new Float32Array(this.length);
    s[this.position] = 1;
    return s;
  }

  /** The offered codes' features, K × C row-major. */
  candidates(): Float32Array {
    const c = new Float32Array(this.offered.length * this.codes);
    this.offered.forEach((code, k) => (c[k * this.codes + code] = 1));
    return c;
  }

  /** Plays candidate `k`; returns the reward and whether the lock opened. */
  step(k: number): { reward: number; done: boolean } {
    if (this.offered[k] === this.rightCode(this.position)) {
      this.position++;
      if (this.position === this.length) {
        this.offered = [];
        return { reward: 1, done: true };
      }
      this.deal();
      return { reward: 0, done: false };
    }
    this.position = 0;
    this.deal();
    return { reward: -0.1, done: false };
  }

  private deal(): void {
    const right = this.rightCode(this.position);
    const others = this.rng.shuffle(Array.from({ length: this.codes }, (_, i) => i).filter((i) => i !== right));
    const k = 2 + this.rng.int(this.codes - 1);
    this.offered = this.rng.shuffle([right, ...others.slice(0, k - 1)]);
  }
}
