// The lab's charts, fed from the current run's events (long step series are thinned for drawing).
import { useMemo } from 'react';
import type { ChartSpec } from '../../core/experiment/types';
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

function thin(spec: ChartSpec, rows: ChartRow[]): ChartRow[] {
  const first = spec.series[0].key;
  return downsample(rows, MAX_POINTS, (r) => r.x, (r) => r[first] ?? 0);
}

export function ChartGrid() {
  const lab = useLabStore(selectLab);
  const steps = useLabStore((s) => selectCurrentRun(s)?.steps ?? NONE);
  const epochs = useLabStore((s) => selectCurrentRun(s)?.epochs ?? NONE);
  // Separate memos: a flush that only adds steps leaves the per-epoch charts' rows (and renders) alone.
  const byStep = useMemo(() => stepRows(steps), [steps]);
  const byEpoch = useMemo(() => epochRows(epochs), [epochs]);
  const thinned = useMemo(() => lab.charts.filter((c) => c.source === 'step').map((c) => [c.id, thin(c, byStep)] as const), [lab, byStep]);
  return (
    <div className="chart-grid">
      {lab.charts.map((spec) => (
        <MetricChart key={spec.id} spec={spec} rows={spec.source === 'step' ? (thinned.find(([id]) => id === spec.id)?.[1] ?? NONE) : byEpoch} />
      ))}
    </div>
  );
}
