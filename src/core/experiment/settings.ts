// Describes a lab's settings (kind, range, choices, default, help) from its zod schema, for forms and `lab list`;
// the schema's metadata names settings and options and marks what the warm start depends on.
import { z } from 'zod';
import type { Lab } from './types';

declare module 'zod' {
  /** What a lab's schema may say about a setting besides its type, range, default and description. */
  interface GlobalMeta {
    /** The setting's name on forms (default: the key, humanised). */
    label?: string;
    /** Names of a choice's values, by value (default: the value itself). */
    options?: Record<string, string>;
    /** The lab's own panel draws this setting, so the generic form leaves it out (no setting has two controls). */
    panel?: boolean;
    /** The run's warm start depends on it: runs that differ in it never share a cached warm start. */
    warmStart?: boolean;
  }
}

interface Common {
  key: string;
  label: string;
  help: string;
  /** Accepted values in words: "[1, 200]", "(0, 100]", "tiny | small". */
  range: string;
  /** Drawn by the lab's own panel (the form skips it). */
  panel: boolean;
}
/** One value of a choice and its name. */
export interface Choice {
  value: string;
  label: string;
}
export type SettingSpec =
  | (Common & { kind: 'choice'; choices: Choice[]; default: string })
  | (Common & { kind: 'integer' | 'number'; min?: number; max?: number; exclusiveMin?: boolean; default: number })
  | (Common & { kind: 'boolean'; default: boolean })
  | (Common & { kind: 'text'; default: string });

/** The JSON-schema fields zod writes for a setting. */
export interface JsonProp {
  type?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  description?: string;
  default?: unknown;
  label?: string;
  options?: Record<string, string>;
  panel?: boolean;
}

/** "[1, 200]", "(0, 100]", "≥ 0", "tiny | small" or "" — what values a setting accepts. */
export function describeRange(p: JsonProp): string {
  if (p.enum) return p.enum.map(String).join(' | ');
  const lo = p.exclusiveMinimum ?? p.minimum;
  const hi = p.exclusiveMaximum ?? p.maximum;
  if (lo === undefined && hi === undefined) return '';
  if (hi === undefined) return `${p.exclusiveMinimum !== undefined ? '>' : '≥'} ${lo}`;
  if (lo === undefined) return `${p.exclusiveMaximum !== undefined ? '<' : '≤'} ${hi}`;
  return `${p.exclusiveMinimum !== undefined ? '(' : '['}${lo}, ${hi}${p.exclusiveMaximum !== undefined ? ')' : ']'}`;
}

/** "learningRate" → "Learning rate". */
export function humanise(key: string): string {
  const s = key.replace(/([A-Z]+)/g, ' $1').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** One spec per setting, in schema order. */
export function describeSettings(lab: Lab): SettingSpec[] {
  const props = (z.toJSONSchema(lab.schema, { io: 'input' }).properties ?? {}) as Record<string, JsonProp>;
  return Object.entries(props).map(([key, p]) => {
    const base = { key, label: p.label ?? humanise(key), help: p.description ?? '', range: describeRange(p), panel: p.panel === true };
    if (p.enum) return { ...base, kind: 'choice', choices: p.enum.map((v) => ({ value: String(v), label: p.options?.[String(v)] ?? String(v) })), default: String(p.default) };
    if (p.type === 'boolean') return { ...base, kind: 'boolean', default: Boolean(p.default) };
    if (p.type === 'string') return { ...base, kind: 'text', default: String(p.default ?? '') };
    return {
      ...base,
      kind: p.type === 'integer' ? 'integer' : 'number',
      min: p.minimum ?? p.exclusiveMinimum,
      max: p.maximum,
      exclusiveMin: p.exclusiveMinimum !== undefined,
      default: Number(p.default),
    };
  });
}

/** The settings of `schema` whose metadata marks them as affecting the warm start, with their values in `config`. */
export function warmStartFields(schema: z.ZodObject, config: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape)) if ((field as z.ZodType).meta()?.warmStart) out[key] = config[key];
  return out;
}
