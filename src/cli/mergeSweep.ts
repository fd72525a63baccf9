// The `lab merge` command: joins the parts of a sharded sweep into the record the unsharded sweep writes.
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { getLab } from '../core/labs/registry';
import type { PlanRun } from '../core/experiment/sweepPlan';
import type { Command } from './args';
import { UsageError } from './args';
import { TOOL, writeOutputs } from './output';
import { checkOutputPaths } from './preflight';
import { EXIT } from './runLab';
import { gridFingerprint, shardPositions } from './sweepShard';
import { assembleRecord, exitCodeOf, formatSweepTable, sweepToCsv, type SweepPartRecord, type SweepRecord } from './sweepLab';
import { formatTable } from './table';

type MergeCommand = Extract<Command, { kind: 'merge' }>;

// A metric is a number, or null where the sweep measured NaN (JSON has no NaN).
const values = z.record(z.string(), z.number().nullable());
/** What a part must hold; checked on the parsed JSON, which is then used as it is (zod's copy would drop keys). */
const partSchema = z.object({
  tool: z.literal(TOOL),
  createdAt: z.string(),
  labId: z.string(),
  backend: z.string(),
  base: z.record(z.string(), z.unknown()),
  vary: z.record(z.string(), z.array(z.unknown())),
  plan: z.object({ id: z.string(), variant: z.string().optional() }).optional(),
  runs: z.array(
    z.object({
      config: z.record(z.string(), z.unknown()),
      label: z.string().optional(),
      kind: z.string().optional(),
      outcome: z.object({ status: z.enum(['completed', 'stopped', 'diverged', 'failed']) }),
      summary: values,
      epochs: z.array(values),
    }),
  ),
  tables: z.array(z.unknown()).optional(),
  cancelled: z.boolean(),
  shard: z.object({ index: z.number().int().min(0), count: z.number().int().min(1), runs: z.number().int().min(0), grid: z.string(), data: z.string().optional() }),
});

/** One part file as read: its path (for messages) and text. */
export interface PartFile {
  path: string;
  text: string;
}

function readPart({ path, text }: PartFile): SweepPartRecord {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${path}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (json && typeof json === 'object' && !Array.isArray(json) && !('shard' in json) && 'runs' in json) {
    throw new UsageError(`${path} is a whole sweep, not a part (it has no "shard"): parts are written by sweep --shard i/n --out`);
  }
  const r = partSchema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new UsageError(`${path} is not a part of a sharded sweep: ${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`);
  }
  const part = json as SweepPartRecord;
  if (part.shard.index >= part.shard.count) throw new UsageError(`${path}: shard ${part.shard.index}/${part.shard.count} does not exist (i runs from 0 to n-1)`);
  return part;
}

/** The first key of two objects whose values differ, e.g. "epochs: 1 vs 2". */
function firstDifference(a: Record<string, unknown>, b: Record<string, unknown>): string {
  const key = [...new Set([...Object.keys(a), ...Object.keys(b)])].find((k) => !isDeepStrictEqual(a[k], b[k]));
  return key === undefined ? 'same keys, another order' : `${key}: ${JSON.stringify(a[key]) ?? 'absent'} vs ${JSON.stringify(b[key]) ?? 'absent'}`;
}

/** Throws unless `part` comes from the same sweep as `first`, naming what differs. */
function checkSameSweep(first: { path: string; part: SweepPartRecord }, other: { path: string; part: SweepPartRecord }): void {
  const a = first.part;
  const b = other.part;
  const differs = (what: string) => {
    throw new UsageError(`${other.path} and ${first.path} are parts of different sweeps: ${what}`);
  };
  if (a.labId !== b.labId) differs(`labs ${b.labId} and ${a.labId}`);
  if (a.backend !== b.backend) differs(`backends ${b.backend} and ${a.backend} (the same seed gives other numbers on another backend)`);
  if (!isDeepStrictEqual(a.base, b.base)) differs(`their base configs differ (${firstDifference(b.base, a.base)})`);
  if (!isDeepStrictEqual(a.plan, b.plan)) differs(`plans ${JSON.stringify(b.plan ?? null)} and ${JSON.stringify(a.plan ?? null)}`);
  if (!isDeepStrictEqual(a.vary, b.vary)) differs(`their varied settings differ (${firstDifference(b.vary, a.vary)})`);
  if (a.shard.count !== b.shard.count) differs(`one is cut into ${b.shard.count} shards, the other into ${a.shard.count}`);
  if (a.shard.data !== b.shard.data) differs('they trained on different --data (the imported files differ)');
  if (a.shard.runs !== b.shard.runs || a.shard.grid !== b.shard.grid) differs(`their runs differ (${b.shard.runs} and ${a.shard.runs} runs, or other settings)`);
}

/** A metric read back: null stood for NaN in the JSON. */
const revive = (v: Record<string, number | null>): Record<string, number> => Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x ?? NaN]));

/**
 * Joins the parts (in any order) into the record the unsharded sweep writes: the same runs in the same order,
 * the plan's tables recomputed from all of them. Throws a UsageError naming the file and the problem when a part
 * is malformed, cancelled, from another sweep, missing or given twice.
 */
export function mergeParts(files: readonly PartFile[], createdAt: Date): SweepRecord {
  if (files.length === 0) throw new UsageError('merge needs at least one part');
  const parts = files.map((f) => ({ path: f.path, part: readPart(f) }));
  for (const p of parts.slice(1)) checkSameSweep(parts[0], p);
  const { count, runs: total, grid } = parts[0].part.shard;

  const byIndex = new Map<number, { path: string; part: SweepPartRecord }>();
  for (const p of parts) {
    const twice = byIndex.get(p.part.shard.index);
    if (twice) throw new UsageError(`shard ${p.part.shard.index}/${count} is given twice: ${twice.path} and ${p.path}`);
    byIndex.set(p.part.shard.index, p);
  }
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !byIndex.has(i));
  if (missing.length) throw new UsageError(`${missing.length === 1 ? 'shard' : 'shards'} ${missing.map((i) => `${i}/${count}`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing (${count} parts make the sweep; ${parts.length} given)`);
  for (const { path, part } of byIndex.values()) {
    const expected = shardPositions(total, part.shard).length;
    if (part.cancelled || part.runs.length !== expected) {
      throw new UsageError(`${path}: shard ${part.shard.index}/${count} ${part.cancelled ? 'was stopped' : 'is incomplete'}: it holds ${part.runs.length} of its ${expected} runs (run that shard again)`);
    }
  }

  // Run j of the sweep is run ⌊j/n⌋ of shard j mod n (round-robin slices).
  const runs = Array.from({ length: total }, (_, j) => byIndex.get(j % count)!.part.runs[Math.floor(j / count)]);
  if (gridFingerprint(runs.map((r) => r.config)) !== grid) throw new UsageError(`the parts' runs are not the sweep they name: a run's config was changed (fingerprint mismatch)`);

  const first = parts[0].part;
  const lab = getLab(first.labId);
  let tables: SweepRecord['tables'];
  if (first.plan) {
    const plan = lab.sweeps?.find((p) => p.id === first.plan!.id);
    if (!plan) throw new UsageError(`lab ${lab.id} has no sweep plan '${first.plan.id}'`);
    // The plan's points for the base config must be the runs the parts hold, so its report reads them right.
    const points = plan.points(first.base, first.plan.variant);
    const j = runs.findIndex((r, i) => r.label !== points[i]?.label || r.kind !== points[i]?.kind);
    if (points.length !== total || j >= 0) throw new UsageError(`the parts do not hold the runs of the plan ${plan.id} (${j >= 0 ? `run ${j + 1} is '${runs[j].label}', the plan's is '${points[j]?.label}'` : `${points.length} runs, not ${total}`})`);
    const planRuns: PlanRun[] = runs.map((r) => ({ label: r.label!, kind: r.kind!, config: r.config, epochs: r.epochs.map(revive), completed: r.outcome.status === 'completed' }));
    tables = plan.report ? plan.report(planRuns) : [];
  }
  return assembleRecord({ createdAt, labId: first.labId, backend: first.backend, base: first.base, vary: first.vary, plan: first.plan, runs, tables, cancelled: false });
}

/** The settings that tell the record's runs apart: a plan's shown settings, or the varied keys. */
export function variedKeys(rec: SweepRecord): string[] {
  if (!rec.plan) return Object.keys(rec.vary);
  return getLab(rec.labId).sweeps?.find((p) => p.id === rec.plan!.id)?.shownSettings ?? Object.keys(rec.vary);
}

/** Writes a merged record (--out, --csv) and prints its table; resolves with the sweep's exit code. */
export function emitMerged(rec: SweepRecord, out: string | undefined, csv: string | undefined): number {
  const varied = variedKeys(rec);
  const rows = rec.runs.map((r) => ({ config: r.config, outcome: r.outcome, summary: revive(r.summary) }));
  const writeFailed = !writeOutputs([
    [out, () => JSON.stringify(rec, null, 2) + '\n'],
    [csv, () => sweepToCsv(varied, rows)],
  ]);
  const tables = (rec.tables ?? []).map((t) => `\n${t.title}\n${formatTable(t.columns, t.rows)}\n`).join('');
  process.stdout.write(`${formatSweepTable(varied, rows)}\n${tables}\nlab: ${rec.labId}   backend: ${rec.backend}   runs: ${rec.runs.length}/${rec.runs.length}\n`);
  const code = exitCodeOf(false, rows);
  return code === EXIT.ok && writeFailed ? EXIT.badInput : code;
}

/** `lab merge <part>… --out --csv`: every input is checked before anything is written. */
export function mergeCmd(cmd: MergeCommand): number {
  checkOutputPaths([['--out', cmd.out], ['--csv', cmd.csv]]);
  const files = cmd.parts.map((path) => {
    try {
      return { path, text: readFileSync(path, 'utf8') };
    } catch (e) {
      throw new UsageError(`cannot read part ${path} (${e instanceof Error ? e.message : String(e)})`);
    }
  });
  const rec = mergeParts(files, new Date());
  process.stderr.write(`merged ${files.length} parts: ${rec.runs.length} runs of ${rec.labId}\n`);
  return emitMerged(rec, cmd.out, cmd.csv);
}
