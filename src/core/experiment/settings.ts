// Describes a lab's settings (kind, range, choices, default, help) from its zod schema, for forms and `lab list`.
import { z } from 'zod';
import type { Lab } from './types';

export type SettingSpec =
  | { key: string; label: string; help: string; kind: 'choice'; choices: string[]; default: string }
  | { key: string; label: string; help: string; kind: 'integer' | 'number'; min?: number; max?: number; exclusiveMin?: boolean; default: number }
  | { key: string; label: string; help: string; kind: 'boolean'; default: boolean };

interface JsonProp {
  type?: string;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  description?: string;
  default?: unknown;
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
    const base = { key, label: humanise(key), help: p.description ?? '' };
    if (p.enum) return { ...base, kind: 'choice', choices: p.enum, default: String(p.default) };
    if (p.type === 'boolean') return { ...base, kind: 'boolean', default: Boolean(p.default) };
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
