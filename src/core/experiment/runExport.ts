// A run's numbers as files, shared by the CLI (`--out`, `--csv`) and the app's run history: values nested by
// group for JSON, and one CSV row per epoch. Pure: no file system, no DOM.
import type { ProgressEvent } from './types';

/** Value-key prefixes and the name of the object they are gathered under in `steps`. */
const GROUPS: Record<string, string> = { reward: 'rewards', weight: 'weights', base: 'baseWeights', loss: 'losses' };

/** `{ 'reward/relevance': 0.1, meanSqAdvantage: 0.4 }` → `{ rewards: { relevance: 0.1 }, meanSqAdvantage: 0.4 }`. */
export function nestValues(values: Record<string, number>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(values)) {
    const slash = key.indexOf('/');
    const prefix = key.slice(0, slash);
    // Own keys only: a value named 'constructor/x' must not find Object's constructor.
    const group = slash > 0 && Object.hasOwn(GROUPS, prefix) ? GROUPS[prefix] : undefined;
    if (group) ((out[group] ??= {}) as Record<string, number>)[key.slice(slash + 1)] = v;
    else out[key] = v;
  }
  return out;
}

/** A metric for a CSV cell: full precision (NaN and Infinity as text), or empty where there is no number. */
export function csvNumber(v: unknown): string {
  return typeof v === 'number' ? String(v) : '';
}

/** One CSV field: quoted only when it holds a comma, quote or newline. */
export function csvField(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

type EpochEvent = Extract<ProgressEvent, { kind: 'epoch' }>;
const epochsOf = (events: readonly ProgressEvent[]) => events.filter((e): e is EpochEvent => e.kind === 'epoch');

/** Every value key of `epochs`, in order of first appearance. */
function keysOf(epochs: readonly EpochEvent[]): string[] {
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const e of epochs) for (const k of Object.keys(e.values)) if (!seen.has(k)) (seen.add(k), keys.push(k));
  return keys;
}

/**
 * One row per epoch event: `epoch,step,<every value key>` (keys in order of first appearance). A value an
 * epoch lacks is left empty; numbers are written in full precision.
 */
export function epochsToCsv(events: readonly ProgressEvent[]): string {
  const epochs = epochsOf(events);
  const keys = keysOf(epochs);
  const lines = [['epoch', 'step', ...keys].map(csvField).join(',')];
  for (const e of epochs) {
    lines.push([String(e.epoch), String(e.step), ...keys.map((k) => csvNumber(e.values[k]))].join(','));
  }
  return lines.join('\n') + '\n';
}

/**
 * Several runs' epochs in one table: `run,epoch,step,<every value key of any run>`, the runs one after another
 * (`run` is each run's name). One file to open in a spreadsheet and compare runs side by side.
 */
export function runsEpochsToCsv(runs: readonly { name: string; events: readonly ProgressEvent[] }[]): string {
  const all = runs.map((r) => ({ name: r.name, epochs: epochsOf(r.events) }));
  const keys = keysOf(all.flatMap((r) => r.epochs));
  const lines = [['run', 'epoch', 'step', ...keys].map(csvField).join(',')];
  for (const r of all) {
    for (const e of r.epochs) lines.push([csvField(r.name), String(e.epoch), String(e.step), ...keys.map((k) => csvNumber(e.values[k]))].join(','));
  }
  return lines.join('\n') + '\n';
}
