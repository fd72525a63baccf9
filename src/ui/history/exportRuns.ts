// Kept runs as files: JSON (the versioned run record, or a selection of them), CSV per epoch, PNG per chart.
import { epochsToCsv, runsEpochsToCsv } from '../../core/experiment/runExport';
import { eventsOf, toRunFile, toRunsFile } from '../../core/history/runFile';
import type { SavedRun } from '../../core/history/savedRun';
import { downloadBlob, fileStamp, svgToPng } from '../sweep/download';

/** A run's name as part of a file name: letters, digits, dots and dashes. */
const slug = (s: string) => s.replace(/[^\p{L}\p{N}.=-]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'run';

const stem = (runs: readonly SavedRun[]) => fileStamp(runs.length === 1 ? `${runs[0].labId}-${slug(runs[0].name)}` : `${runs[0].labId}-${runs.length}-runs`, new Date());

export function downloadRunsJson(runs: readonly SavedRun[]): void {
  if (runs.length === 0) return;
  const file = runs.length === 1 ? toRunFile(runs[0]) : toRunsFile(runs, new Date());
  downloadBlob(new Blob([JSON.stringify(file, null, 2) + '\n'], { type: 'application/json' }), `${stem(runs)}.json`);
}

/** One row per epoch (`epoch,step,<metrics>`, as the CLI's --csv); a selection adds a leading `run` column. */
export function downloadRunsCsv(runs: readonly SavedRun[]): void {
  if (runs.length === 0) return;
  const text = runs.length === 1 ? epochsToCsv(eventsOf(runs[0])) : runsEpochsToCsv(runs.map((r) => ({ name: r.name, events: eventsOf(r) })));
  downloadBlob(new Blob([text], { type: 'text/csv' }), `${stem(runs)}.csv`);
}

/** Saves one drawn chart of the grid (`chart-<id>`) as a PNG, titled; false when it has nothing drawn yet. */
export async function downloadChartPng(chartId: string, labId: string): Promise<boolean> {
  const figure = document.querySelector(`.chart-grid [data-testid="chart-${CSS.escape(chartId)}"]`);
  const svg = figure?.querySelector<SVGSVGElement>('svg.chart-surface');
  if (!figure || !svg) return false;
  const title = figure.querySelector('.chart-title')?.textContent ?? chartId;
  downloadBlob(await svgToPng(svg, title), `${fileStamp(`${labId}-${chartId}`, new Date())}.png`);
  return true;
}
