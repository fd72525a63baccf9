// Describes a lab's settings (kind, range, choices, default, help) from its zod schema, for forms and `lab list`.
import { z } from 'zod';
import type { Lab } from './types';

interface Common {
  key: string;
  label: string;
  help: string;
  /** Accepted values in words: "[1, 200]", "(0, 100]", "tiny | small". */
  range: string;
}
export type SettingSpec =
  | (Common & { kind: 'choice'; choices: string[]; default: string })
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
    const base = { key, label: humanise(key), help: p.description ?? '', range: describeRange(p) };
    if (p.enum) return { ...base, kind: 'choice', choices: p.enum.map(String), default: String(p.default) };
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
