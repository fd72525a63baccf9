// The bench's table and JSON file, shared by the Node run and the browser run.
import { REDUCED_PLAN, STANDARD_PLAN, type SuiteReport } from '../core/bench/benchmarks';
import { formatTable } from './table';

export const BENCH_TOOL = 'objective-lab bench';

export interface BenchRecord extends SuiteReport {
  tool: typeof BENCH_TOOL;
  createdAt: string;
  /** Where it ran: Node version and CPU, or the browser's user agent and WebGPU adapter. */
  environment: Record<string, unknown>;
  method: string;
}

export const METHOD =
  `ms per training step: median of ${STANDARD_PLAN.reps} timed steps after ${STANDARD_PLAN.warmup} warm-up steps, ` +
  `each awaited with a data() readback; the autoencoder on cpu and webgpu takes ${REDUCED_PLAN.reps} after ` +
  `${REDUCED_PLAN.warmup} (about a second per step there).`;

export function benchRecord(report: SuiteReport, environment: Record<string, unknown>, createdAt: Date): BenchRecord {
  return { tool: BENCH_TOOL, createdAt: createdAt.toISOString(), environment, method: METHOD, ...report };
}

/** One row per (benchmark, backend): median, min and max ms per step and the reps behind them. */
export function formatBenchTable(report: SuiteReport): string {
  const rows = report.results.map((r) => [
    r.label,
    r.backend,
    r.medianMs.toFixed(1),
    r.minMs.toFixed(1),
    r.maxMs.toFixed(1),
    `${r.reps} (+${r.warmup} warm-up)`,
  ]);
  const table = formatTable(['benchmark', 'backend', 'median ms', 'min ms', 'max ms', 'timed steps'], rows);
  const skipped = report.skipped.map((s) => `skipped ${s.backend}: ${s.reason}`);
  return [table, ...skipped].join('\n');
}
