// Number formats and colours shared by the Wide & Deep panel's views.
import { MODEL_COLORS } from '../../../core/labs/wideDeep';
import type { ModelId } from '../../../core/labs/wideDeep/config';

export { MODEL_COLORS };

export const MODEL_LABELS: Record<ModelId, string> = { wide: 'wide', deep: 'deep', joint: 'joint', ensemble: 'ensemble' };

/** A number, or "—" for NaN / null / undefined (an empty bucket, an undefined AUC). */
export function num(v: number | null | undefined, digits = 4): string {
  return typeof v === 'number' && Number.isFinite(v) ? v.toFixed(digits) : '—';
}

/** A click rate (0–1) as a percentage. */
export function rate(v: number | null | undefined): string {
  return typeof v === 'number' && Number.isFinite(v) ? `${(v * 100).toFixed(1)}%` : '—';
}

/** A difference of two rates in percentage points, signed. */
export function pp(v: number | null | undefined): string {
  if (typeof v !== 'number' || !Number.isFinite(v)) return '—';
  const x = v * 100;
  return `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x).toFixed(1)} pp`;
}

/** An integer with thin thousands separators. */
export const int = (v: number) => v.toLocaleString('en-US');

/**
 * The diverging colour of a calibration error: blue below 0 (predicted too few clicks), red above (too many),
 * white at 0; `max` is the error that gets the full colour.
 */
export function divergingColor(err: number, max: number): string {
  const t = Math.max(-1, Math.min(1, max > 0 ? err / max : 0));
  const a = Math.abs(t);
  // white (255,255,255) → red (178,24,43) or blue (33,102,172), the ends of ColorBrewer's RdBu
  const end = t >= 0 ? [178, 24, 43] : [33, 102, 172];
  const mix = (k: number) => Math.round(255 + (end[k] - 255) * a);
  return `rgb(${mix(0)}, ${mix(1)}, ${mix(2)})`;
}

/** A round scale end at or above `v` (1, 2, 5 × 10^k), so the legend's ticks read cleanly. */
export function niceMax(v: number): number {
  if (!(v > 0)) return 0.01;
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of [1, 2, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}
