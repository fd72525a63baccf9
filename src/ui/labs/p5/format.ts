// Number formats, metric names and the reading of prompts and answers shared by the P5 panel's views (pure).
import type { ModelRow, PlaygroundPrompt, Scores } from '../../../core/labs/p5/artifacts';
import type { P5Family } from '../../../core/p5/templates';

export { FAMILY_METRICS } from '../../../core/labs/p5/config';

/** The one metric each family's bar chart shows, with its unit. */
export const HEADLINE: Record<P5Family, { metric: string; unit: string }> = {
  rating: { metric: 'rmse', unit: 'stars' },
  sequential: { metric: 'hr@10', unit: '0–1' },
  'direct-yesno': { metric: 'accuracy', unit: '0–1' },
  'direct-choose': { metric: 'hr@10', unit: '0–1' },
};

/** Which way a metric is better (the core's rule). */
export { metricDirection as betterOf } from '../../../core/labs/p5/config';

/** A metric's display name: "hr@10" → "HR@10", "ndcg@5" → "NDCG@5", "accuracy" → "accuracy". */
export function metricName(metric: string): string {
  return /^(hr|ndcg|rmse|mae)(@|$)/.test(metric) ? metric.toUpperCase() : metric;
}

/** A number with `digits` decimals, or "—" for a missing value or NaN. */
export const num = (v: number | null | undefined, digits = 4) => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(digits) : '—');

/** An integer with thousands separators. */
export const int = (v: number) => v.toLocaleString('en-US');

/** A probability as a percentage with one decimal ("3.5%"); below 0.05% it reads "<0.1%", a missing one "—". */
export function pct(p: number | null | undefined): string {
  if (typeof p !== 'number' || !Number.isFinite(p)) return '—';
  if (p > 0 && p < 0.0005) return '<0.1%';
  return `${(100 * p).toFixed(1)}%`;
}

/** Which kind of model a row id is: 'unified', 'per-task:<family>', 'plain' or 'ids-<mode>'. */
export function modelKind(id: string): 'unified' | 'per-task' | 'plain' | 'ids' {
  if (id === 'unified' || id === 'plain') return id;
  return id.startsWith('per-task:') ? 'per-task' : 'ids';
}

/** A short model name for charts and the playground. */
export function shortModel(id: string): string {
  const k = modelKind(id);
  return k === 'unified' ? 'unified P5' : k === 'per-task' ? 'per-task model' : k === 'plain' ? 'plain sequential' : `ids: ${id.slice(4)}`;
}

/** The models scored on a family, in table order: the unified one, the family's per-task one, then the plain one. */
export function modelsOf(rows: readonly ModelRow[], family: P5Family): ModelRow[] {
  const order = { unified: 0, 'per-task': 1, plain: 2, ids: 3 } as const;
  return rows.filter((r) => modelKind(r.id) !== 'ids' && r.families.includes(family) && r.test?.[family]).sort((a, b) => order[modelKind(a.id)] - order[modelKind(b.id)]);
}

export interface HeadlineBar {
  id: string;
  name: string;
  model: 'unified' | 'per-task' | 'plain' | 'popularity';
  heldOut: boolean;
  value: number | null;
}

/**
 * The bars of a family's chart: unified seen / held out, per-task seen / held out, the plain model (no template), and
 * the popularity reference where the run scored it (no model).
 */
export function headlineBars(rows: readonly ModelRow[], family: P5Family, popularity?: Scores | null): HeadlineBar[] {
  const metric = HEADLINE[family].metric;
  const v = (s: Scores | null | undefined) => (s && typeof s[metric] === 'number' && Number.isFinite(s[metric]) ? s[metric] : null);
  const out: HeadlineBar[] = [];
  for (const r of modelsOf(rows, family)) {
    const t = r.test![family]!;
    const kind = modelKind(r.id) as HeadlineBar['model'];
    if (kind === 'plain') {
      out.push({ id: r.id, name: 'plain (no words)', model: kind, heldOut: false, value: v(t.seen) });
      continue;
    }
    const name = kind === 'unified' ? 'unified' : 'per-task';
    out.push({ id: `${r.id}/seen`, name: `${name}, seen`, model: kind, heldOut: false, value: v(t.seen) });
    out.push({ id: `${r.id}/held-out`, name: `${name}, held out`, model: kind, heldOut: true, value: v(t.unseen) });
  }
  if (popularity && out.length > 0) out.push({ id: 'popularity', name: family === 'rating' ? 'mean rating (no model)' : 'popularity (no model)', model: 'popularity', heldOut: false, value: v(popularity) });
  return out;
}

/** One piece of a prompt or an answer: a word, or an item (its token or digits) with its name where known. */
export interface Piece {
  text: string;
  name?: string;
}

const isDigit = (w: string) => /^\d$/.test(w);

/**
 * A prompt (space-separated tokens) as pieces: item tokens get their names from `items`; with digit ids, a run of
 * single digits is one item ("1 2 3" → "123"), as the run writes an item's key with its digits joined.
 */
export function promptPieces(prompt: string, items: Readonly<Record<string, string>>): Piece[] {
  const words = prompt.split(' ').filter((w) => w !== '');
  const out: Piece[] = [];
  for (let i = 0; i < words.length; i++) {
    if (isDigit(words[i])) {
      let j = i;
      while (j + 1 < words.length && isDigit(words[j + 1])) j++;
      const text = words.slice(i, j + 1).join('');
      out.push(items[text] !== undefined ? { text, name: items[text] } : { text });
      i = j;
      continue;
    }
    out.push(items[words[i]] !== undefined ? { text: words[i], name: items[words[i]] } : { text: words[i] });
  }
  return out;
}

/** An answer as written by the run (tokens joined without spaces) with its name: "<item_3>" → "<item_3>", "Film A". */
export function answerPiece(answer: string, items: Readonly<Record<string, string>>): Piece {
  return items[answer] !== undefined ? { text: answer, name: items[answer] } : { text: answer === '' ? '(nothing)' : answer };
}

/** A greedy answer as pieces: a known answer whole, else split before each "<" token so each item is named. */
export function answerPieces(answer: string, items: Readonly<Record<string, string>>): Piece[] {
  if (answer === '' || items[answer] !== undefined) return [answerPiece(answer, items)];
  return answer
    .split(/(?=<)/)
    .filter((t) => t !== '')
    .map((t) => answerPiece(t, items));
}

/** An axis tick: two significant digits, so 0.015 is not rounded to 0.01 (0 → "0", 0.3 → "0.3", 0.045 → "0.045"). */
export const tick = (v: number) => (Number.isFinite(v) ? String(Number(v.toPrecision(2))) : '');

/** The users of the playground's prompts, in order of first appearance, each once. */
export function playgroundUsers(prompts: readonly PlaygroundPrompt[]): { user: number; name: string }[] {
  const seen = new Map<number, string>();
  for (const p of prompts) if (!seen.has(p.user)) seen.set(p.user, p.userName);
  return [...seen].map(([user, name]) => ({ user, name }));
}

/** The templates of the playground's prompts, in order of first appearance, each once. */
export function playgroundTemplates(prompts: readonly PlaygroundPrompt[]): { id: string; family: P5Family; heldOut: boolean }[] {
  const seen = new Map<string, { id: string; family: P5Family; heldOut: boolean }>();
  for (const p of prompts) if (!seen.has(p.templateId)) seen.set(p.templateId, { id: p.templateId, family: p.family, heldOut: p.heldOut });
  return [...seen.values()];
}
