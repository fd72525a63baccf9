// Round tick values for an axis (what a live chart draws without recharts).

/**
 * About `count` round values covering [lo, hi]: multiples of a step of 1, 2 or 5 × 10ⁿ (the nearest to (hi − lo) / (count − 1)) (whole numbers only if
 * `integer`), from the first multiple ≥ lo to the last ≤ hi. An empty or inverted range gives [lo].
 */
export function niceTicks(lo: number, hi: number, count: number, integer = false): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / Math.max(1, count - 1);
  const p = 10 ** Math.floor(Math.log10(raw));
  // The round step nearest the raw one (by ratio).
  let step = [1, 2, 5, 10].map((m) => m * p).reduce((a, b) => (Math.abs(Math.log(b / raw)) < Math.abs(Math.log(a / raw)) ? b : a));
  if (integer) step = Math.max(1, Math.round(step));
  const out: number[] = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

/**
 * A y axis ending on round values, as recharts' 'auto' domain does: [lo, hi] widened to the step of
 * {@link niceTicks}(lo, hi, count), and the ticks over it.
 */
export function niceDomain(lo: number, hi: number, count: number): { lo: number; hi: number; ticks: number[] } {
  const rough = niceTicks(lo, hi, count);
  const step = rough.length > 1 ? rough[1] - rough[0] : 1;
  const dLo = Math.floor(lo / step + 1e-9) * step;
  const dHi = Math.ceil(hi / step - 1e-9) * step;
  return { lo: dLo, hi: dHi, ticks: niceTicks(dLo, dHi, count) };
}
