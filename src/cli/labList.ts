// The text of `lab list`: each lab, its papers and its settings, derived from the lab's zod schema.
import { z } from 'zod';
import type { Lab } from '../core/experiment/types';
import { formatTable } from './table';

interface JsonSchemaProp {
  type?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
  description?: string;
}

export interface SettingInfo {
  key: string;
  type: string;
  default: string;
  range: string;
  description: string;
}

/** "[1, 200]", "(0, 100]", "≥ 0", "tiny | small" or "" — what values a setting accepts. */
export function describeRange(p: JsonSchemaProp): string {
  if (p.enum) return p.enum.map(String).join(' | ');
  const lo = p.exclusiveMinimum ?? p.minimum;
  const hi = p.exclusiveMaximum ?? p.maximum;
  if (lo === undefined && hi === undefined) return '';
  if (hi === undefined) return `${p.exclusiveMinimum !== undefined ? '>' : '≥'} ${lo}`;
  if (lo === undefined) return `${p.exclusiveMaximum !== undefined ? '<' : '≤'} ${hi}`;
  return `${p.exclusiveMinimum !== undefined ? '(' : '['}${lo}, ${hi}${p.exclusiveMaximum !== undefined ? ')' : ']'}`;
}

/** One row per setting, in schema order. */
export function labSettings(lab: Lab): SettingInfo[] {
  const schema = z.toJSONSchema(lab.schema) as { properties?: Record<string, JsonSchemaProp> };
  return Object.entries(schema.properties ?? {}).map(([key, p]) => ({
    key,
    type: p.type ?? '',
    default: JSON.stringify(p.default ?? (lab.defaults as Record<string, unknown>)[key]),
    range: describeRange(p),
    description: p.description ?? '',
  }));
}

export function formatLabList(labs: readonly Lab[]): string {
  return labs
    .map((lab) => {
      const papers = lab.papers.map((p) => `  paper: ${p.authors}. ${p.title}. ${p.venue} ${p.year}.${p.url ? ` ${p.url}` : ''}`);
      const settings = formatTable(
        ['setting', 'type', 'default', 'range', 'description'],
        labSettings(lab).map((s) => [s.key, s.type, s.default, s.range, s.description]),
      );
      return [`${lab.id} — ${lab.title}`, `  ${lab.tagline}`, ...papers, '', indent(settings, 2)].join('\n');
    })
    .join('\n\n');
}

function indent(text: string, n: number): string {
  return text
    .split('\n')
    .map((l) => ' '.repeat(n) + l)
    .join('\n');
}
