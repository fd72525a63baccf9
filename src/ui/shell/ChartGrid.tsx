// The lab's charts, fed from the current run's events (long step series are thinned for drawing).
import { useMemo } from 'react';
import type { ChartSpec, Lab } from '../../core/experiment/types';
import type { EpochEvent, StepEvent } from '../../state/resultsSlice';
import { selectCurrentRun, selectLab } from '../../state/selectors';
import { useLabStore } from '../appStore';
import { downsample } from '../charts/downsample';
import { MetricChart, type ChartRow } from '../charts/MetricChart';
import { overlayRows, overlaySpec } from '../history/overlay';
import { useOverlayRuns } from '../history/useOverlayRuns';

/** At most this many points per line: enough to see the shape, few enough to redraw smoothly. */
const MAX_POINTS = 400;
const NONE: never[] = [];

const stepRows = (events: readonly Pick<StepEvent, 'step' | 'values'>[]) => events.map((e) => ({ x: e.step, ...e.values }) as ChartRow);
const epochRows = (events: readonly Pick<EpochEvent, 'epoch' | 'values'>[]) => events.map((e) => ({ x: e.epoch, ...e.values }) as ChartRow);

/** Steps averaged into each point of a path in objective space (at most): per-step rewards are noisy, the path is the trend. */
const PATH_WINDOW = 10;

/** Rows for one chart: a path in objective space plots one value against another (`xKey`), as a moving average. */
function rowsFor(spec: ChartSpec, rows: ChartRow[]): ChartRow[] {
  const first = spec.series[0].key;
  if (!spec.xKey) return downsample(rows, MAX_POINTS, (r) => r.x, (r) => r[first] ?? 0);
  const keys = [spec.xKey, ...spec.series.map((s) => s.key)];
  const valid = rows.filter((r) => keys.every((k) => Number.isFinite(r[k])));
  const path: ChartRow[] = [];
  // Steps are noisy and many: averaged (short runs average fewer, so even a few steps draw a path). Epochs are
  // few and each one counts (e.g. where NDCG peaks along β): drawn as they are.
  const window = spec.source === 'epoch' ? 1 : Math.max(1, Math.min(PATH_WINDOW, Math.floor(valid.length / 5)));
  for (let j = 0; j + window <= valid.length; j += window) {
    const chunk = valid.slice(j, j + window);
    const mean = (k: string) => chunk.reduce((a, r) => a + r[k], 0) / chunk.length;
    path.push(Object.fromEntries([['x', mean(spec.xKey)], ...spec.series.map((s) => [s.key, mean(s.key)])]) as ChartRow);
  }
  return path;
}

/** Per-epoch rows drawn against `key` (each evaluation as it is, in order): x is that value, not the epoch. */
export const againstKey = (key: string, rows: readonly ChartRow[]): ChartRow[] =>
  rows.filter((r) => Number.isFinite(r[key])).map((r) => ({ ...r, epoch: r.x, x: r[key] }) as ChartRow);

/** Steps at which one of the lab's marker values changed: where a mid-run settings change took effect. */
function markerSteps(lab: Lab, steps: readonly StepEvent[]): number[] {
  const keys = lab.markerKeys ?? [];
  const out: number[] = [];
  for (let j = 1; j < steps.length; j++) {
    if (keys.some((k) => steps[j].values[k] !== steps[j - 1].values[k])) out.push(steps[j].step);
  }
  return out;
}

/**
 * The spec with only the series that have a value in `rows` (a lab may declare every variant it can train and
 * a run train some); all of them while nothing has arrived. Specs are reused while the visible set is the same,
 * so memoised charts do not redraw for nothing.
 */
function visibleSeries(spec: ChartSpec, rows: readonly ChartRow[], cache: Map<string, ChartSpec>): ChartSpec {
  if (rows.length === 0 || spec.series.length < 2) return spec;
  const shown = spec.series.filter((s) => rows.some((r) => Number.isFinite(r[s.key])));
  if (shown.length === 0 || shown.length === spec.series.length) return spec;
  const id = `${spec.id}|${shown.map((s) => s.key).join(',')}`;
  let out = cache.get(id);
  if (!out) cache.set(id, (out = { ...spec, series: shown }));
  return out;
}

export function ChartGrid() {
  const lab = useLabStore(selectLab);
  const steps = useLabStore((s) => selectCurrentRun(s)?.steps ?? NONE);
  const epochs = useLabStore((s) => selectCurrentRun(s)?.epochs ?? NONE);
  // Separate memos: a flush that only adds steps leaves the per-epoch charts' rows (and renders) alone.
  const byStep = useMemo(() => stepRows(steps), [steps]);
  const byEpoch = useMemo(() => epochRows(epochs), [epochs]);
  const stepCharts = useMemo(() => new Map(lab.charts.filter((c) => c.source === 'step').map((c) => [c.id, rowsFor(c, byStep)])), [lab, byStep]);
  const markers = useMemo(() => markerSteps(lab, steps), [lab, steps]);
  // Kept runs chosen in the run history, drawn with the current run (each run's rows shaped as the current run's).
  // Epoch charts against another value (NDCG against β) put that value on the x-axis, not the epoch.
  const epochCharts = useMemo(() => new Map(lab.charts.filter((c) => c.source === 'epoch' && c.xKey).map((c) => [c.id, againstKey(c.xKey!, byEpoch)])), [lab, byEpoch]);
  const overlay = useOverlayRuns(lab.id);
  const hasCurrent = steps.length + epochs.length > 0;
  const overlaid = useMemo(() => {
    const shaped = overlay.map((o) => ({ steps: stepRows(o.run.steps), epochs: epochRows(o.run.epochs) }));
    return new Map(lab.charts.map((c) => [c.id, { spec: overlaySpec(c, overlay, hasCurrent), rows: shaped.map((r) => (c.source === 'step' ? rowsFor(c, r.steps) : c.xKey ? againstKey(c.xKey, r.epochs) : r.epochs)) }]));
  }, [lab, overlay, hasCurrent]);
  // Merged per source, so a flush that only adds steps leaves the per-epoch charts' rows alone, as above.
  const merge = (source: ChartSpec['source'], own: (c: ChartSpec) => ChartRow[]) =>
    new Map(lab.charts.filter((c) => c.source === source).map((c) => [c.id, overlay.length ? overlayRows(c, own(c), overlaid.get(c.id)!.rows) : own(c)]));
  const mergedSteps = useMemo(() => merge('step', (c) => stepCharts.get(c.id) ?? NONE), [lab, stepCharts, overlaid]);
  const mergedEpochs = useMemo(() => merge('epoch', (c) => (c.xKey ? (epochCharts.get(c.id) ?? NONE) : byEpoch)), [lab, byEpoch, epochCharts, overlaid]);
  const specCache = useMemo(() => new Map<string, ChartSpec>(), [lab, overlaid]);
  return (
    <div className="chart-grid">
      {lab.charts.map((spec) => {
        const rows = (spec.source === 'step' ? mergedSteps : mergedEpochs).get(spec.id) ?? NONE;
        const extra = overlaid.get(spec.id)!;
        return (
          <MetricChart
            key={spec.id}
            spec={visibleSeries(extra.spec, rows, specCache)}
            rows={rows}
            markers={spec.source === 'step' && !spec.xKey && markers.length ? markers : NONE}
          />
        );
      })}
    </div>
  );
}
