// Validates lab configs at the edges (URL, config file, CLI flags) with messages that name the bad value.
import { z } from 'zod';
import { ErrorCode, LabError } from '../errors';
import { showText, showValue } from '../showText';
import type { Lab } from './types';

export interface ConfigIssue {
  key: string;
  code: ErrorCode;
  message: string;
}

/** Reads a text value from a URL or a `--set key=value` flag: JSON if it parses (numbers, booleans), else text. */
export function coerceText(raw: string): unknown {
  const t = raw.trim();
  if (t === '') return t;
  try {
    return JSON.parse(t);
  } catch {
    return t;
  }
}

/**
 * The zod field of `key`, or undefined when `key` is not one of the lab's own settings. An own-property
 * lookup: `key in shape` and `shape[key]` also find what every object inherits ('constructor', '__proto__',
 * 'toString'…), which a link, a `--set`, a config file or a `--vary` may name.
 */
export function settingField(lab: Lab, key: string): z.ZodType | undefined {
  const shape = lab.schema.shape as Record<string, z.ZodType>;
  return Object.hasOwn(shape, key) ? shape[key] : undefined;
}

function describeIssue(key: string, value: unknown, err: z.ZodError): string {
  const why = err.issues.map((i) => i.message).join('; ');
  return `'${showText(key)}' = ${showValue(value)} is not valid (${why})`;
}

/** Validates one field of a lab config; returns an issue or the parsed value. */
export function parseField(
  lab: Lab,
  key: string,
  value: unknown,
): { ok: true; value: unknown } | { ok: false; issue: ConfigIssue } {
  const field = settingField(lab, key);
  if (!field) {
    return {
      ok: false,
      issue: {
        key,
        code: ErrorCode.UnknownConfigKey,
        message: `'${showText(key)}' is not a setting of lab '${lab.id}' (settings: ${Object.keys(lab.schema.shape).join(', ')})`,
      },
    };
  }
  const r = field.safeParse(value);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, issue: { key, code: ErrorCode.InvalidConfigValue, message: describeIssue(key, value, r.error) } };
}

/**
 * Validates one field given as text (a URL parameter, a `--vary` value): read as JSON first (numbers,
 * booleans), then, if that reading is refused and the text differs, as plain text, so a text setting whose
 * value looks like JSON ("42", "true") is still text. When both readings are refused the first one's reason
 * is reported: for `epochs=-1` that is "too small", not the text reading's "expected number, received string".
 */
export function parseFieldText(lab: Lab, key: string, raw: string): ReturnType<typeof parseField> {
  const value = coerceText(raw);
  const r = parseField(lab, key, value);
  if (r.ok || value === raw) return r;
  const asText = parseField(lab, key, raw);
  return asText.ok ? asText : r;
}

/**
 * Strict parse of a whole config object (a file, a stored run): missing keys take their defaults,
 * unknown keys and bad values are all reported.
 */
export function parseConfig<L extends Lab>(
  lab: L,
  input: unknown,
): { ok: true; config: L['defaults'] } | { ok: false; issues: ConfigIssue[] } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      ok: false,
      issues: [{ key: '(root)', code: ErrorCode.InvalidConfigFile, message: 'a config must be a JSON object of settings' }],
    };
  }
  const config: Record<string, unknown> = { ...lab.defaults };
  const issues: ConfigIssue[] = [];
  for (const [key, value] of Object.entries(input)) {
    const r = parseField(lab, key, value);
    if (r.ok) config[key] = r.value;
    else issues.push(r.issue);
  }
  return issues.length ? { ok: false, issues } : { ok: true, config: config as L['defaults'] };
}

/** Like `parseConfig`, but throws a LabError naming every bad key (for the CLI and `run`). */
export function resolveConfig<L extends Lab>(lab: L, input: unknown): L['defaults'] {
  const r = parseConfig(lab, input);
  if (!r.ok) throw new LabError(r.issues[0].code, r.issues.map((i) => i.message).join('\n'));
  return r.config;
}

/**
 * Lenient parse of text values (URL parameters): each bad value is reported and replaced by its default,
 * so a malformed link still opens the lab. Keys that are not settings are returned for the caller to judge.
 */
export function configFromText(
  lab: Lab,
  entries: Iterable<[string, string]>,
): { config: Record<string, unknown>; issues: ConfigIssue[]; unknownKeys: string[] } {
  const config: Record<string, unknown> = { ...lab.defaults };
  const issues: ConfigIssue[] = [];
  const unknownKeys: string[] = [];
  // A key given more than once: only its last value counts, so only that one is judged (an earlier bad value
  // that a later one replaces must not produce a notice about a value the run does not use).
  const lastValue = new Map<string, string>();
  for (const [key, raw] of entries) {
    lastValue.delete(key);
    lastValue.set(key, raw);
  }
  for (const [key, raw] of lastValue) {
    if (!settingField(lab, key)) {
      unknownKeys.push(key);
      continue;
    }
    const r = parseFieldText(lab, key, raw);
    if (r.ok) {
      config[key] = r.value;
      continue;
    }
    // The default, even if the same key came earlier with a valid value: the message says so.
    const fallback = (lab.defaults as Record<string, unknown>)[key];
    config[key] = fallback;
    issues.push({ ...r.issue, message: `${r.issue.message}; using the default ${showValue(fallback)}` });
  }
  return { config, issues, unknownKeys };
}

/** A config as text key/value pairs (for the URL), in schema order. */
export function configToText(lab: Lab, config: Record<string, unknown>): [string, string][] {
  return Object.keys(lab.schema.shape).map((k) => {
    const v = config[k];
    return [k, typeof v === 'string' ? v : JSON.stringify(v)];
  });
}
