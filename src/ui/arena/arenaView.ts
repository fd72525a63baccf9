// The arena record as the sweep charts draw it: each entry a point (mean over seeds) with its family and numbers,
// and the verdict table's cells. No React here.
import { ARENA_METRICS, arenaPoints, compareStrategies, type ArenaComparison, type ArenaPoint, type ArenaRecord } from '../../core/arena/arena';
import type { SweepKind } from '../../core/experiment/sweepPlan';
import type { SweepRunRecord } from '../../state/sweepSlice';

/** The families on the plane: balancing in blues and greys, reformulating in greens and orange. */
export const ARENA_KINDS: SweepKind[] = [
  { id: 'hand-policy', legend: 'balancing: hand weights w (weighting lab, RC)', color: '#7a9fe6' },
  { id: 'automatic-policy', legend: 'balancing: automatic weights (DVAO, GDPO, UW, DWA, GradNorm)', color: '#7a5af8' },
  { id: 'mmr-warm', legend: 'balancing: MMR diversity weight m on the warm-start scores (consumption lab)', color: '#667085' },
  { id: 'reward-policy', legend: 'reformulating the reward: consumption-style relevance (RC)', color: '#d9822b' },
  { id: 'rerank-policy', legend: 'reformulating the list: relevance-only policy re-ranked for c (weighting lab)', color: '#12b76a' },
  { id: 'rerank-warm', legend: 'reformulating the list: warm-start scores re-ranked for c (consumption lab)', color: '#067647' },
];

/** Each entry as a sweep run record, so the sweep's Pareto chart (and its hover table) can draw it. */
export function arenaRuns(record: ArenaRecord): { runs: SweepRunRecord[]; points: ArenaPoint[] } {
  const points = arenaPoints(record);
  const runs = points.map(
    (p, index): SweepRunRecord => ({
      index,
      label: p.label,
      kind: `${p.family}-${p.base}`,
      config: { lab: p.lab, strategy: p.strategy, base: p.base === 'policy' ? 'weighting policy' : 'warm start' },
      outcome: { status: 'completed' },
      summary: Object.fromEntries(Object.entries(p.values).map(([k, v]) => [k, v.mean])),
    }),
  );
  return { runs, points };
}

/** The label next to a point: "0.3" for a hand weight, "m0.3" for an MMR weight, else the entry's label. */
export const arenaChartLabel = (p: { label: string; kind: string }) =>
  p.kind === 'hand-policy' ? p.label.replace(/^w=/, '') : p.kind === 'mmr-warm' ? p.label.replace(/^MMR /, 'm') : p.label;

/** "+0.012 ± 0.003", signed, in accuracy units. */
export const signedGap = (c: ArenaComparison) => `${c.gap.mean >= 0 ? '+' : '−'}${Math.abs(c.gap.mean).toFixed(3)} ± ${c.gap.sd.toFixed(3)}`;

/** Per metric: how many reformulating entries lie above their own base's balancing front (on the seed means). */
export function tally(cmp: readonly ArenaComparison[]): { metric: string; label: string; above: number; weak: number; beyond: number; below: number; mixed: number; total: number }[] {
  return ARENA_METRICS.map((m) => {
    const mine = cmp.filter((c) => c.metric === m.key);
    const n = (v: ArenaComparison['verdict']) => mine.filter((c) => c.verdict === v).length;
    // Above on most seeds, but by a mean gap no larger than its seed-to-seed sd.
    const weak = mine.filter((c) => c.verdict === 'above' && c.gap.mean <= c.gap.sd).length;
    return { metric: m.key, label: m.label, above: n('above'), weak, beyond: n('beyond'), below: n('below'), mixed: n('mixed'), total: mine.length };
  });
}

export { compareStrategies };
