// What the "Measured findings" section shows: a finding's recorded numbers and a re-run's, side by side, as text.
import { armsOf, type Finding, type MeasuredFinding, type MeasuredValue } from '../../core/experiment/findings';

/** "0.344 ± 0.010" (mean ± sample sd over seeds); one seed has no spread: "0.344". */
export function formatSpread(v: MeasuredValue, digits = 3): string {
  return v.perSeed.length > 1 ? `${v.mean.toFixed(digits)} ± ${v.sd.toFixed(digits)}` : v.mean.toFixed(digits);
}

/** "workshop, 3 seeds (42, 43, 44), wasm, 2026-11-29": where and when a measurement was made. */
export function describeWhere(m: MeasuredFinding): string {
  const seeds = `${m.seeds.length} seed${m.seeds.length === 1 ? '' : 's'} (${m.seeds.join(', ')})`;
  return `${m.dataset}, ${seeds}, ${m.backend}, ${m.date.slice(0, 10)}`;
}

/** "held" / "did not hold", with how many seeds it held on when there are several. */
export function heldLabel(m: MeasuredFinding): string {
  const word = m.held ? 'held' : 'did not hold';
  if (m.heldPerSeed.length < 2) return word;
  return `${word} (on ${m.heldPerSeed.filter(Boolean).length} of ${m.heldPerSeed.length} seeds)`;
}

/** One quoted value: its name, the arm it is read from, how, and the recorded and re-run numbers (null: none). */
export interface FindingRow {
  name: string;
  arm: string;
  read: string;
  recorded: string | null;
  rerun: string | null;
}

/**
 * The rows of a finding's table: every value the declaration quotes, in its order, with the recorded and the
 * re-run measurement where there is one.
 */
export function findingRows(finding: Finding, recorded: MeasuredFinding | undefined, rerun: MeasuredFinding | null | undefined): FindingRow[] {
  return Object.entries(finding.values).map(([name, v]) => {
    const rec = recorded?.values[name];
    const now = rerun?.values[name];
    return { name, arm: v.arm ?? 'run', read: v.reading.what, recorded: rec ? formatSpread(rec) : null, rerun: now ? formatSpread(now) : null };
  });
}

/** What a re-run of the finding runs: its dataset, seeds and number of runs (arms × seeds), full or quick. */
export function variantPlan(finding: Finding, quick: boolean): { dataset: string; seeds: number[]; runs: number; label: string; short: string } | null {
  if (quick && !finding.quick) return null;
  const arms = armsOf(finding, quick);
  const seeds = quick && finding.quick ? finding.quick.seeds : finding.seeds;
  const dataset = finding.realData ?? String(Object.values(arms)[0]?.dataset ?? 'the lab default');
  const runs = Object.keys(arms).length * seeds.length;
  const label = `${quick ? 'quick check' : 'full'} on ${dataset}, ${seeds.length} seed${seeds.length === 1 ? '' : 's'}, ${runs} run${runs === 1 ? '' : 's'}`;
  return { dataset, seeds, runs, label, short: `${runs} run${runs === 1 ? '' : 's'} on ${dataset}` };
}
