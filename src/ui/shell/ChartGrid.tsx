// The lab's charts, fed from the current run's events (long step series are thinned for drawing).
import { useMemo } from 'react';
import type { ChartSpec, Lab } from '../../core/experiment/types';
import type { EpochEvent, StepEvent } from '../../state/resultsSlice';
import { selectCurrentRun, selectLab } from '../../state/selectors';
import { useLabStore } from '../appStore';
import { downsample } from '../charts/downsample';
import { MetricChart, type ChartRow } from '../charts/MetricChart';

/** At most this many points per line: enough to see the shape, few enough to redraw smoothly. */
const MAX_POINTS = 400;
const NONE: never[] = [];

const stepRows = (events: readonly StepEvent[]) => events.map((e) => ({ x: e.step, ...e.values }) as ChartRow);
const epochRows = (events: readonly EpochEvent[]) => events.map((e) => ({ x: e.epoch, ...e.values }) as ChartRow);

/** Rows for one chart: a path in objective space plots one value against another (`xKey`). */
function rowsFor(spec: ChartSpec, rows: ChartRow[]): ChartRow[] {
  const first = spec.series[0].key;
  const thinned = downsample(rows, MAX_POINTS, (r) => r.x, (r) => r[first] ?? 0);
  return spec.xKey ? thinned.filter((r) => Number.isFinite(r[spec.xKey!])).map((r) => ({ ...r, x: r[spec.xKey!] })) : thinned;
}

/** Steps at which one of the lab's marker values changed: where a mid-run settings change took effect. */
function markerSteps(lab: Lab, steps: readonly StepEvent[]): number[] {
  const keys = lab.markerKeys ?? [];
  const out: number[] = [];
  for (let j = 1; j < steps.length; j++) {
    if (keys.some((k) => steps[j].values[k] !== steps[j - 1].values[k])) out.push(steps[j].step);
  }
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
  return (
    <div className="chart-grid">
      {lab.charts.map((spec) => (
        <MetricChart
          key={spec.id}
          spec={spec}
          rows={spec.source === 'step' ? (stepCharts.get(spec.id) ?? NONE) : byEpoch}
          markers={spec.source === 'step' && !spec.xKey && markers.length ? markers : NONE}
        />
      ))}
    </div>
  );
}
