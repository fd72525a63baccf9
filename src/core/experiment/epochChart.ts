// The chart most labs draw: one metric per epoch, one line per model.
import type { ChartSpec, Direction, SeriesSpec } from './types';

/** A per-epoch chart: x = epoch, the y axis named with its unit and which way is better, one series per model. */
export function epochChart(id: string, title: string, y: { label: string; unit: string; better: Direction }, series: SeriesSpec[]): ChartSpec {
  return { id, title, source: 'epoch', xLabel: 'epoch', yLabel: y.label, unit: y.unit, better: y.better, series };
}
