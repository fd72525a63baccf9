// The `lab findings` command (`npm run findings [lab] [--quick]`): re-run the labs' declared findings headless and
// write the committed findings file, or (--quick) check the fast variant's directions without writing it.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset } from '../core/data/dataset';
import { realDataThreshold, type FindingsRecord, type MeasuredFinding } from '../core/experiment/findings';
import { measureFindings } from '../core/experiment/findingsRunner';
import { getLab, LABS } from '../core/labs/registry';
import { selectBackend } from '../core/tf/backends';
import type { Command } from './args';
import { UsageError } from './args';
import { loadDataPath } from './dataFiles';
import { writeTextFile } from './output';
import { REPO_ROOT } from './repoRoot';
import { EXIT } from './runLab';

/** Where the measured findings live: beside the labs, whose texts import it. */
export const FINDINGS_FILE = join(REPO_ROOT, 'src', 'core', 'labs', 'findings.json');
const TOOL = 'objective-lab findings';

type FindingsCommand = Extract<Command, { kind: 'findings' }>;

/** The commit the numbers were measured at, with "-dirty" when the work tree had changes. */
export function gitCommit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${sha}-dirty` : sha;
  } catch {
    return 'unknown';
  }
}

/** One line per finding: its values (mean ± sd over seeds) and whether the relation held. */
export function formatFinding(m: MeasuredFinding): string {
  const vals = Object.entries(m.values)
    .map(([k, v]) => `${k} ${v.mean.toFixed(4)} ± ${v.sd.toFixed(4)}`)
    .join(', ');
  const seeds = m.heldPerSeed.filter(Boolean).length;
  return `${m.held ? 'held  ' : 'FAILED'} ${m.id}: ${vals}  [${m.expect}; ${seeds}/${m.heldPerSeed.length} seeds]`;
}

export async function findingsLab(cmd: FindingsCommand): Promise<number> {
  const labs = cmd.labId === undefined ? LABS : [getLab(cmd.labId)];
  const declaredHere = labs.flatMap((l) => l.findings ?? []);
  if (declaredHere.length === 0) throw new UsageError(`lab '${cmd.labId}' declares no findings`);
  const fullId = (name: string) => (name.includes('.') ? name : `${cmd.labId}.${name}`);
  const unknown = (cmd.only ?? []).filter((n) => !declaredHere.some((f) => f.id === fullId(n)));
  if (unknown.length > 0) throw new UsageError(`lab '${cmd.labId}' declares no finding ${unknown.map((n) => `'${n}'`).join(', ')} (it has: ${declaredHere.map((f) => f.id).join(', ')})`);
  const findings = cmd.only ? declaredHere.filter((f) => cmd.only!.some((n) => f.id === fullId(n))) : declaredHere;
  const backend = await selectBackend(cmd.backend);
  if (backend.active !== cmd.backend) process.stderr.write(`note: the ${cmd.backend} backend did not start; using ${backend.active}\n`);
  // The public datasets the selected findings need, from --data-dir (a missing folder: those findings are skipped).
  // Keyed by name and rating threshold: a lab may need the low ratings the default import drops.
  const real = new Map<string, Dataset>();
  if (cmd.dataDir !== undefined && !cmd.quick) {
    const wanted = new Map(findings.flatMap((f) => (f.realData ? [[`${f.realData}@${realDataThreshold(f)}`, { name: f.realData, threshold: realDataThreshold(f) }] as const] : [])));
    for (const [key, { name, threshold }] of wanted) {
      const path = join(cmd.dataDir, name);
      if (!existsSync(path)) continue;
      const { dataset, report } = await loadDataPath(path, { ratingThreshold: threshold });
      process.stderr.write(`imported ${name} from ${path} (ratings ≥ ${threshold}): ${report.users} users, ${report.items} items, ${report.kept} interactions\n`);
      real.set(key, { ...dataset, name });
    }
  }
  const started = Date.now();
  const measured = await measureFindings(findings, getLab, {
    quick: cmd.quick,
    backend: backend.active,
    date: new Date().toISOString(),
    commit: gitCommit(),
    onRun: (id, arm, seed) => process.stderr.write(`  ${id}: ${arm}, seed ${seed}…\n`),
    onFinding: (m) => process.stdout.write(formatFinding(m) + '\n'),
    realData: (name, threshold) => real.get(`${name}@${threshold}`),
    onSkip: (id, why) => process.stdout.write(`skipped ${id}: ${why}; its recorded value is kept\n`),
  });
  process.stderr.write(`${measured.length} findings in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  if (!cmd.quick || cmd.out) {
    const path = cmd.out ?? FINDINGS_FILE;
    // A run of one lab replaces that lab's findings and keeps the others' (and drops findings no longer declared).
    const old: FindingsRecord = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : { tool: TOOL, findings: {} };
    const declared = new Set(LABS.flatMap((l) => (l.findings ?? []).map((f) => f.id)));
    const merged: Record<string, MeasuredFinding> = {};
    for (const [id, f] of Object.entries(old.findings)) if (declared.has(id)) merged[id] = f;
    for (const m of measured) merged[m.id] = m;
    const sorted = Object.fromEntries(Object.keys(merged).sort().map((id) => [id, merged[id]]));
    writeTextFile(path, JSON.stringify({ tool: TOOL, findings: sorted }, null, 1) + '\n');
    process.stderr.write(`wrote ${path}\n`);
  }
  return measured.every((m) => m.held) ? EXIT.ok : EXIT.failed;
}
