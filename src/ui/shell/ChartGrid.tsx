// The lab's charts, fed from the current run's events (long step series are thinned for drawing).
import { useMemo } from 'react';
import type { ChartSpec } from '../../core/experiment/types';
import type { RunRecord } from '../../state/resultsSlice';
import { selectCurrentRun, selectLab } from '../../state/selectors';
import { useLabStore } from '../appStore';
import { downsample } from '../charts/downsample';
import { MetricChart, type ChartRow } from '../charts/MetricChart';

/** At most this many points per line: enough to see the shape, few enough to redraw smoothly. */
const MAX_POINTS = 400;

function rowsFor(spec: ChartSpec, run: RunRecord | undefined): ChartRow[] {
  if (!run) return [];
  const events = spec.source === 'step' ? run.steps : run.epochs;
  const rows = events.map((e) => ({ x: spec.source === 'step' ? e.step : e.epoch, ...e.values }) as ChartRow);
  const first = spec.series[0].key;
  return downsample(rows, MAX_POINTS, (r) => r.x, (r) => r[first] ?? 0);
}

export function ChartGrid() {
  const lab = useLabStore(selectLab);
  const run = useLabStore(selectCurrentRun);
  const steps = run?.steps;
  const epochs = run?.epochs;
  const data = useMemo(() => lab.charts.map((spec) => ({ spec, rows: rowsFor(spec, run) })),
    // Re-derive only when the event arrays change, not on every store update.
    [lab, steps, epochs]);
  return (
    <div className="chart-grid">
      {data.map(({ spec, rows }) => (
        <MetricChart key={spec.id} spec={spec} rows={rows} />
      ))}
    </div>
  );
}
