import { describe, expect, it } from 'vitest';
import type { SuiteReport } from '../core/bench/benchmarks';
import { BENCH_TOOL, benchRecord, formatBenchTable } from './benchReport';

const report: SuiteReport = {
  results: [{ id: 'mf-bpr', label: 'BPR-MF', backend: 'wasm', warmup: 5, reps: 20, medianMs: 4.26, minMs: 3.9, maxMs: 9, samplesMs: [4.26] }],
  skipped: [{ backend: 'webgpu', reason: 'no WebGPU adapter' }],
};

describe('the bench report', () => {
  it('tabulates median, min and max per backend and lists the skipped backends with their reason', () => {
    const text = formatBenchTable(report);
    expect(text).toMatch(/BPR-MF\s+wasm\s+4\.3\s+3\.9\s+9\.0\s+20 \(\+5 warm-up\)/);
    expect(text).toContain('skipped webgpu: no WebGPU adapter');
  });

  it('writes the results with the tool, the time, the method and the environment', () => {
    const rec = benchRecord(report, { runtime: 'Node' }, new Date(0));
    expect(rec).toMatchObject({ tool: BENCH_TOOL, createdAt: '1970-01-01T00:00:00.000Z', environment: { runtime: 'Node' }, ...report });
    expect(rec.method).toMatch(/median of 20/);
  });
});
