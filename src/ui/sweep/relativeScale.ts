// Puts Pareto panels on one scale: each accuracy as its % change from a reference run (the relevance-only point),
// with one y range shared by every panel, so "the trade-off shrinks under another metric" reads at a glance.

/** 100 · (y / ref − 1): the % change from the reference; NaN when the reference is not a positive number. */
export const percentChange = (y: number, ref: number) => (ref > 0 && Number.isFinite(ref) ? 100 * (y / ref - 1) : NaN);

/**
 * One y range for several panels: from the lowest to the highest value of any (0 always inside, as the reference
 * sits there), widened to whole steps of `step` % so the ticks read 0, −10, −20 … on every panel.
 */
export function sharedRange(values: readonly number[], step = 5): [number, number] {
  const ok = values.filter(Number.isFinite);
  const lo = Math.min(0, ...ok);
  const hi = Math.max(0, ...ok);
  return [Math.floor(lo / step) * step - (lo % step === 0 && lo < 0 ? step : 0), Math.ceil(hi / step) * step + (hi % step === 0 ? step : 0)];
}

/** A signed percentage for ticks and labels: "+4%", "−27%", "0%". */
export function signedPercent(v: number, digits = 0): string {
  const r = Number(v.toFixed(digits));
  if (r === 0) return '0%';
  return `${r > 0 ? '+' : '−'}${Math.abs(r).toFixed(digits)}%`;
}
