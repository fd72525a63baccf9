// Number formats, colours and words shared by the KGAT panel's views.
import { MODEL_COLORS } from '../../../core/labs/kgat';
import { MODEL_LABELS, MODELS, type MainModel } from '../../../core/labs/kgat/config';

export { MODELS };

/** A depth-sweep model (KGAT with another L) gets a shade by its depth: a palette apart from the four main colours. */
const DEPTH_COLORS = ['#7f8c8d', '#16a085', '#34495e', '#c0392b'];

export const isMain = (id: string): id is MainModel => (MODELS as readonly string[]).includes(id);

/** The colour of a model: the lab's for the four main ones, a depth shade for the sweep's (by its L). */
export function colorOf(id: string, layers: number): string {
  return isMain(id) ? MODEL_COLORS[id] : DEPTH_COLORS[Math.max(0, Math.min(DEPTH_COLORS.length - 1, layers - 1))];
}

/** A short name for charts: "KGAT", "BPR-MF", "no attention", "no KG", "KGAT L = 1". */
export function shortName(id: string, layers: number): string {
  const short: Record<MainModel, string> = { kgat: 'KGAT', bprmf: 'BPR-MF', 'kgat-noatt': 'KGAT, no attention', 'kgat-nokg': 'KGAT, no KG' };
  return isMain(id) ? short[id] : `KGAT, L = ${layers}`;
}

export const labelOf = (id: string, fallback: string) => (isMain(id) ? MODEL_LABELS[id] : fallback);

/** A number with `digits` decimals, or "—" for null / NaN (no data). */
export const num = (v: number | null | undefined, digits = 4) => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(digits) : '—');

/** An integer with thousands separators. */
export const int = (v: number) => v.toLocaleString('en-US');

/** A signed percentage with a real minus sign: +12.3%, −4.0%, or "—". */
export const signedPct = (v: number | null | undefined) =>
  typeof v === 'number' && Number.isFinite(v) ? `${v < 0 ? '−' : '+'}${Math.abs(v).toFixed(1)}%` : '—';

/** The relative gain of `v` over `base` in percent; null where either is missing or the base is 0. */
export function gainPct(v: number | null | undefined, base: number | null | undefined): number | null {
  if (typeof v !== 'number' || typeof base !== 'number' || !Number.isFinite(v) || !Number.isFinite(base) || base <= 0) return null;
  return ((v - base) / base) * 100;
}

/** A product of attention weights, small: two significant digits without an exponent (0.000097). */
export function product(v: number): string {
  if (!Number.isFinite(v)) return '—';
  if (v === 0) return '0';
  return v >= 0.01 ? v.toFixed(3) : Number(v.toPrecision(2)).toFixed(Math.max(0, 1 - Math.floor(Math.log10(v))));
}
