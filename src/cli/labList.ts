// The text of `lab list`: each lab, its papers and its settings, derived from the lab's zod schema.
import { describeRange, describeSettings } from '../core/experiment/settings';
import type { Lab } from '../core/experiment/types';
import { formatTable } from './table';

export { describeRange };

export interface SettingInfo {
  key: string;
  type: string;
  default: string;
  range: string;
  description: string;
}

/** One row per setting, in schema order (from the same description the settings form uses). */
export function labSettings(lab: Lab): SettingInfo[] {
  return describeSettings(lab).map((s) => ({
    key: s.key,
    type: s.kind === 'choice' ? 'string' : s.kind,
    default: JSON.stringify(s.default),
    range: s.range,
    description: s.help,
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
