// A kept run as a file: the versioned JSON the app exports (a superset of the CLI's `--out` record), and the
// validated import of either. Pure: the UI reads the file, this judges it.
import { z } from 'zod';
import { parseConfig } from '../experiment/config';
import { nestValues } from '../experiment/runExport';
import type { ProgressEvent } from '../experiment/types';
import { ErrorCode } from '../errors';
import { findLab, LABS } from '../labs/registry';
import { showText } from '../showText';
import { historyOrder, idRandom, MAX_SAVED_STEPS, newSavedId, summaryOf, thinForSaving, type SavedPoint, type SavedRun } from './savedRun';

export const RUN_FILE_FORMAT = 'objective-lab-run';
export const RUNS_FILE_FORMAT = 'objective-lab-runs';
/** Raised when the file's shape changes; an import refuses a newer version by name rather than misreading it. */
export const RUN_FILE_VERSION = 1;
export const APP_TOOL = 'objective-lab app';
/** The CLI's `tool` field (src/cli/output.ts TOOL); repeated here because core may not import the CLI. */
const CLI_TOOL = 'objective-lab cli';

/** Largest file the import reads: far above any real run (a kept run is tens of kB, a long CLI run a few MB). */
export const MAX_RUN_FILE_BYTES = 64 * 1024 * 1024;
const MAX_RUNS_PER_FILE = 1000;
const MAX_EVENTS = 2_000_000;
const MAX_NAME = 200;

/**
 * One run as a file. The CLI's `--out` fields come first, with the same meaning (`events`: started, the kept
 * step and epoch events in step order, then the latest artifact of each name; `steps`: the step values nested
 * by group); the rest is what the app keeps besides.
 */
export interface RunFile {
  format: typeof RUN_FILE_FORMAT;
  version: typeof RUN_FILE_VERSION;
  tool: string;
  createdAt: string;
  labId: string;
  config: Record<string, unknown>;
  backend: string;
  outcome: SavedRun['outcome'];
  summary: Record<string, number>;
  events: ProgressEvent[];
  steps: Record<string, unknown>[];
  name: string;
  pinned: boolean;
  seed: number | null;
  backendReport?: SavedRun['backendReport'];
  stepStride: number;
  stepsSeen: number;
}

/** Several runs in one file (an exported selection). */
export interface RunsFile {
  format: typeof RUNS_FILE_FORMAT;
  version: typeof RUN_FILE_VERSION;
  tool: string;
  createdAt: string;
  runs: RunFile[];
}

/** The events a kept run stands for, in the order a run emits them. */
export function eventsOf(run: SavedRun): ProgressEvent[] {
  const started: ProgressEvent = { kind: 'started', totalSteps: run.totalSteps, stepsPerEpoch: run.stepsPerEpoch, info: run.info };
  // Step before epoch at the same step: an epoch's evaluation follows its last step (epoch 0 precedes step 1).
  const timed = [
    ...run.steps.map((p) => ({ order: 0, e: { kind: 'step', step: p.step, epoch: p.epoch, totalSteps: run.totalSteps, values: p.values } as ProgressEvent })),
    ...run.epochs.map((p) => ({ order: 1, e: { kind: 'epoch', step: p.step, epoch: p.epoch, values: p.values } as ProgressEvent })),
  ].sort((a, b) => (a.e as SavedPoint).step - (b.e as SavedPoint).step || a.order - b.order);
  const artifacts = Object.entries(run.artifacts).map(([name, data]): ProgressEvent => ({ kind: 'artifact', name, data }));
  return [started, ...timed.map((t) => t.e), ...artifacts];
}

export function toRunFile(run: SavedRun): RunFile {
  return {
    format: RUN_FILE_FORMAT,
    version: RUN_FILE_VERSION,
    tool: APP_TOOL,
    createdAt: run.createdAt,
    labId: run.labId,
    config: run.config,
    backend: run.backend,
    outcome: run.outcome,
    summary: run.summary,
    events: eventsOf(run),
    steps: run.steps.map((p) => ({ step: p.step, epoch: p.epoch, ...nestValues(p.values) })),
    name: run.name,
    pinned: run.pinned,
    seed: run.seed,
    ...(run.backendReport ? { backendReport: run.backendReport } : {}),
    stepStride: run.stepStride,
    stepsSeen: run.stepsSeen,
  };
}

export function toRunsFile(runs: readonly SavedRun[], createdAt: Date): RunsFile {
  return { format: RUNS_FILE_FORMAT, version: RUN_FILE_VERSION, tool: APP_TOOL, createdAt: createdAt.toISOString(), runs: runs.map(toRunFile) };
}

// ——— import ———

/** A key from outside: bounded, and never one that reaches an object's prototype when assigned. */
const key = z
  .string()
  .max(200)
  .refine((k) => k !== '__proto__' && k !== 'constructor' && k !== 'prototype', { message: 'a key may not be __proto__, constructor or prototype' });
/** JSON writes NaN and Infinity as null: a metric the run could not measure. */
const metric = z.number().nullable();
const values = z.record(key, metric);
const count = z.number().int().min(0).max(1e9);
const point = z.object({ step: count, epoch: count, values });
const event = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('started'), totalSteps: count, stepsPerEpoch: count, info: z.record(key, z.union([z.string().max(1000), z.number()])) }),
  point.extend({ kind: z.literal('step') }),
  point.extend({ kind: z.literal('epoch') }),
  z.object({ kind: z.literal('artifact'), name: key, data: z.unknown() }),
]);
const outcome = z.discriminatedUnion('status', [
  z.object({ status: z.literal('completed') }),
  z.object({ status: z.literal('stopped'), atStep: count }),
  z.object({ status: z.literal('diverged'), atStep: count, message: z.string().max(2000) }),
  z.object({ status: z.literal('failed'), message: z.string().max(2000) }),
]);
const backendReport = z.object({
  requested: z.string().max(40),
  active: z.string().max(40),
  attempts: z.array(z.object({ name: z.string().max(40), ok: z.boolean(), reason: z.string().max(2000).optional() })).max(20),
});

/** One run: the CLI's `--out` record (its required fields), with the app's extra fields optional. */
const runSchema = z.object({
  format: z.literal(RUN_FILE_FORMAT).optional(),
  version: z.number().optional(),
  tool: z.string().max(100),
  createdAt: z.iso.datetime({ offset: true }),
  labId: z.string().max(100),
  config: z.record(key, z.unknown()),
  backend: z.string().max(40),
  outcome,
  summary: z.record(key, metric),
  events: z.array(event).max(MAX_EVENTS),
  name: z.string().optional(),
  pinned: z.boolean().optional(),
  backendReport: backendReport.optional(),
  stepStride: z.number().int().min(1).max(1e9).optional(),
  stepsSeen: count.optional(),
});
type ParsedRun = z.infer<typeof runSchema>;

const runsSchema = z.object({
  format: z.literal(RUNS_FILE_FORMAT),
  version: z.number(),
  runs: z.array(z.unknown()).max(MAX_RUNS_PER_FILE),
});

export type ImportResult = { ok: true; runs: SavedRun[] } | { ok: false; message: string };

const refuse = (file: string, text: string): ImportResult => ({ ok: false, message: `${ErrorCode.RunFileInvalid} ${showText(file)}: ${text}` });

/** "events[3].values.loss: expected number, received string" (the first problem zod found). */
function firstIssue(error: z.ZodError, prefix: string): string {
  const issue = error.issues[0];
  const path = issue.path.map((p, k) => (typeof p === 'number' ? `[${p}]` : `${k === 0 ? '' : '.'}${showText(String(p))}`)).join('');
  // A refused record key: say why (its own rule), not only "Invalid key in record".
  const inner = issue.code === 'invalid_key' ? issue.issues[0]?.message : undefined;
  return `${prefix}${path ? `${prefix && !path.startsWith('[') ? '.' : ''}${path}: ` : ''}${inner ?? issue.message}`;
}

const cleanValues = (v: Record<string, number | null>): Record<string, number> =>
  Object.fromEntries(Object.entries(v).flatMap(([k, x]) => (x === null ? [] : [[k, x]])));

/** Control characters out, length bounded: a name is shown in the list and in file names. */
const cleanName = (s: string) => s.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, ' ').trim().slice(0, MAX_NAME);

/** One parsed run as the history keeps it, or why it cannot be one (a lab this app lacks, a bad setting). */
function toSaved(p: ParsedRun, where: string, now: number, random: () => number): SavedRun | string {
  if (p.version !== undefined && p.version > RUN_FILE_VERSION) {
    return `${where}was written by a newer version of the app (file version ${p.version}; this one reads version ${RUN_FILE_VERSION} and the CLI's --out)`;
  }
  const lab = findLab(p.labId);
  if (!lab) return `${where}labId ${showText(JSON.stringify(p.labId))} is not a lab of this app (labs: ${LABS.map((l) => l.id).join(', ')})`;
  const parsed = parseConfig(lab, p.config);
  if (!parsed.ok) return `${where}config: ${parsed.issues[0].message}`;
  const config = parsed.config as Record<string, unknown>;
  let started: Extract<(typeof p.events)[number], { kind: 'started' }> | undefined;
  const steps: SavedPoint[] = [];
  const epochs: SavedPoint[] = [];
  const artifacts: Record<string, unknown> = {};
  for (const e of p.events) {
    if (e.kind === 'started') started ??= e;
    else if (e.kind === 'step') steps.push({ step: e.step, epoch: e.epoch, values: cleanValues(e.values) });
    else if (e.kind === 'epoch') epochs.push({ step: e.step, epoch: e.epoch, values: cleanValues(e.values) });
    else artifacts[e.name] = e.data;
  }
  const thinned = thinForSaving(steps, p.stepStride ?? 1, MAX_SAVED_STEPS);
  const summary = Object.keys(p.summary).length
    ? Object.fromEntries(Object.entries(p.summary).map(([k, v]) => [k, v ?? Number.NaN]))
    : summaryOf(epochs);
  const fromApp = p.format === RUN_FILE_FORMAT;
  const name = cleanName(p.name ?? '') || `${fromApp ? 'imported' : p.tool === CLI_TOOL ? 'from the CLI' : 'imported'} ${p.createdAt.slice(0, 16).replace('T', ' ')}`;
  return {
    id: newSavedId(now, random),
    name,
    pinned: p.pinned ?? false,
    createdAt: new Date(p.createdAt).toISOString(),
    labId: lab.id,
    config,
    backend: p.backend,
    ...(p.backendReport ? { backendReport: p.backendReport as SavedRun['backendReport'] } : {}),
    seed: typeof config.seed === 'number' ? config.seed : null,
    outcome: p.outcome,
    summary,
    totalSteps: started?.totalSteps ?? steps.at(-1)?.step ?? 0,
    stepsPerEpoch: started?.stepsPerEpoch ?? 0,
    info: started?.info ?? {},
    epochs,
    steps: thinned.items,
    stepStride: thinned.stride,
    stepsSeen: p.stepsSeen ?? steps.length,
    artifacts,
    origin: fromApp ? 'app file' : 'cli file',
  };
}

/**
 * Reads a run file: the app's export of one run or of a selection, or the CLI's `--out`. All or nothing: a
 * file with one bad run is refused whole, naming the file, the run and the first problem; nothing already kept
 * changes either way.
 */
export function parseRunFile(text: string, fileName: string, now = Date.now(), random: () => number = idRandom): ImportResult {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return refuse(fileName, `not JSON (${e instanceof Error ? showText(e.message) : 'unreadable'}); export a run from this app, or use the CLI's --out file`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return refuse(fileName, 'not a run: a run file is a JSON object with labId, config, outcome and events');
  const many = (json as { format?: unknown }).format === RUNS_FILE_FORMAT;
  let items: unknown[] = [json];
  if (many) {
    const r = runsSchema.safeParse(json);
    if (!r.success) return refuse(fileName, firstIssue(r.error, ''));
    if (r.data.version > RUN_FILE_VERSION) return refuse(fileName, `was written by a newer version of the app (file version ${r.data.version}; this one reads version ${RUN_FILE_VERSION})`);
    if (r.data.runs.length === 0) return refuse(fileName, 'holds no runs');
    items = r.data.runs;
  }
  const runs: SavedRun[] = [];
  for (let k = 0; k < items.length; k++) {
    const where = many ? `runs[${k}]` : '';
    const r = runSchema.safeParse(items[k]);
    if (!r.success) {
      const missing = !many && r.error.issues.every((i) => i.code === 'invalid_type' && i.path.length === 1 && (i as { input?: unknown }).input === undefined);
      if (missing) return refuse(fileName, `not a run: missing ${r.error.issues.map((i) => i.path[0]).join(', ')}`);
      return refuse(fileName, firstIssue(r.error, where));
    }
    const saved = toSaved(r.data, where ? `${where}: ` : '', now + k, random);
    if (typeof saved === 'string') return refuse(fileName, saved);
    runs.push(saved);
  }
  return { ok: true, runs: runs.sort(historyOrder) };
}
