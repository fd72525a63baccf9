// Click-prediction metrics over plain arrays: AUC (ties counted half) and log-loss.

/**
 * Area under the ROC curve: the probability that a random clicked impression scores above a random non-clicked
 * one, ties counting ½ (Mann–Whitney U / (n₊·n₋)), over the positions where `keep` is true (all when omitted).
 * NaN when one class is missing or a score is not a finite number. 0.5 = chance, 1 = perfect ranking.
 */
export function auc(scores: ArrayLike<number>, labels: ArrayLike<number>, keep?: (k: number) => boolean): number {
  const idx: number[] = [];
  for (let k = 0; k < scores.length; k++) {
    if (keep && !keep(k)) continue;
    // A NaN would make the sort's comparisons inconsistent and the result silently wrong.
    if (!Number.isFinite(scores[k])) return NaN;
    idx.push(k);
  }
  idx.sort((a, b) => scores[a] - scores[b]);
  let pos = 0;
  let rankSum = 0;
  for (let s = 0; s < idx.length; ) {
    let e = s;
    while (e + 1 < idx.length && scores[idx[e + 1]] === scores[idx[s]]) e++;
    // Tied scores share the mean of their ranks (1-based): (s + 1 + e + 1) / 2.
    const rank = (s + e + 2) / 2;
    for (let j = s; j <= e; j++) {
      if (labels[idx[j]]) {
        pos++;
        rankSum += rank;
      }
    }
    s = e + 1;
  }
  const neg = idx.length - pos;
  if (pos === 0 || neg === 0) return NaN;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** Smallest probability a log-loss term uses: a confident wrong answer costs at most −ln(1e-7) ≈ 16 nats. */
export const PROB_FLOOR = 1e-7;

/**
 * Mean log-loss (binary cross-entropy) of probabilities p against labels y ∈ {0, 1}:
 * −mean[ y·ln p + (1 − y)·ln(1 − p) ], p clipped to [PROB_FLOOR, 1 − PROB_FLOOR]; nats per impression, lower = better.
 * NaN over an empty selection.
 */
export function logLoss(probs: ArrayLike<number>, labels: ArrayLike<number>, keep?: (k: number) => boolean): number {
  let sum = 0;
  let n = 0;
  for (let k = 0; k < probs.length; k++) {
    if (keep && !keep(k)) continue;
    const p = Math.min(Math.max(probs[k], PROB_FLOOR), 1 - PROB_FLOOR);
    sum -= labels[k] ? Math.log(p) : Math.log(1 - p);
    n++;
  }
  return n ? sum / n : NaN;
}

/** σ(x) = 1 / (1 + e^(−x)). */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
