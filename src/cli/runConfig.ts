// Builds a run's config from its layers: defaults < config file < --set < --seed, each validated per key.
import { parseConfig, parseField, parseFieldText, resolveConfig } from '../core/experiment/config';
import { showText } from '../core/showText';
import type { Lab } from '../core/experiment/types';

export interface ConfigSources {
  /** The config file's path (for messages) and its text, if one was given. */
  file?: { path: string; text: string };
  sets: [key: string, raw: string][];
  seed?: number;
}

/** The resolved config, or every problem found, each naming the file, key or value at fault. */
export function buildRunConfig(
  lab: Lab,
  src: ConfigSources,
): { ok: true; config: Record<string, unknown> } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  let config: Record<string, unknown> = { ...lab.defaults };

  if (src.file) {
    const { path, text } = src.file;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      return { ok: false, errors: [`config file ${path}: not valid JSON (${e instanceof Error ? e.message : String(e)})`] };
    }
    const r = parseConfig(lab, json);
    if (r.ok) config = { ...r.config };
    else errors.push(...r.issues.map((i) => `config file ${path}: ${i.message}`));
  }

  for (const [key, raw] of src.sets) {
    // Read as the URL reads it (JSON if that parses and fits, else text), so a link and --set agree.
    const r = parseFieldText(lab, key, raw);
    if (r.ok) config[key] = r.value;
    else errors.push(`--set ${showText(`${key}=${raw}`)}: ${r.issue.message}`);
  }

  if (src.seed !== undefined) {
    const r = parseField(lab, 'seed', src.seed);
    if (r.ok) config.seed = r.value;
    else errors.push(`--seed ${src.seed}: ${r.issue.message}`);
  }

  if (errors.length) return { ok: false, errors };
  // The merged whole is checked once more, so a lab-level rule can never be bypassed by layering.
  return { ok: true, config: resolveConfig(lab, config) as Record<string, unknown> };
}
