// The small interface every model shares: fit step by step, then rank unseen items for users.
import type { Interactions } from '../data/dataset';

export interface Recommender {
  /** Stable id, used in URLs, series keys and the model registry. */
  readonly id: string;
  readonly label: string;
  /**
   * Top-k unseen items for each of `users` (items in `exclude` are never recommended).
   * Resolves to one Int32Array of item ids per user, best first.
   */
  recommend(users: Int32Array, k: number, exclude: Interactions): Promise<Int32Array[]>;
  /** Frees any tensors the model owns. */
  dispose(): void;
}
