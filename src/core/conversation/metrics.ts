// Metrics of conversational recommendation: success rate by turn, average turns, hDCG (science.md §2).

/**
 * How an episode ended. `successTurn`: the number of agent actions up to and including the successful
 * recommendation (1 … maxTurn − 1), null on failure; `rank`: the target's 1-based place in that list.
 */
export interface EpisodeOutcome {
  successTurn: number | null;
  rank: number | null;
}

/** SR@t for t = 1 … maxTurn (index t − 1): the share of episodes that succeeded within t agent actions. */
export function successRates(outcomes: readonly EpisodeOutcome[], maxTurn = 15): Float64Array {
  const sr = new Float64Array(maxTurn);
  if (outcomes.length === 0) return sr.fill(NaN);
  for (const o of outcomes) if (o.successTurn !== null) for (let t = o.successTurn; t <= maxTurn; t++) sr[t - 1]++;
  for (let t = 0; t < maxTurn; t++) sr[t] /= outcomes.length;
  return sr;
}

/** AT: mean number of agent actions per episode, a failure counting `maxTurn` (the official evaluation). Lower is better. */
export function averageTurns(outcomes: readonly EpisodeOutcome[], maxTurn = 15): number {
  if (outcomes.length === 0) return NaN;
  let s = 0;
  for (const o of outcomes) s += o.successTurn ?? maxTurn;
  return s / outcomes.length;
}

/**
 * hDCG of one outcome: success at 0-based turn t = successTurn − 1 with the target at 1-based rank r scores
 *   1/log₂(t+3) + (1/log₂(t+2) − 1/log₂(t+3)) / log₂(r+1);  0 on failure.
 * (Success at the first action, rank 1: 1/log₂3 + (1 − 1/log₂3) = 1.)
 */
export function hdcgOf(o: EpisodeOutcome): number {
  if (o.successTurn === null || o.rank === null) return 0;
  const t = o.successTurn - 1;
  const a = 1 / Math.log2(t + 3);
  const b = 1 / Math.log2(t + 2);
  return a + (b - a) / Math.log2(o.rank + 1);
}

/** Mean hDCG over episodes (higher is better). */
export function hdcg(outcomes: readonly EpisodeOutcome[]): number {
  if (outcomes.length === 0) return NaN;
  let s = 0;
  for (const o of outcomes) s += hdcgOf(o);
  return s / outcomes.length;
}
