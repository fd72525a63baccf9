// The app imports what the CLI's --out writes: a real CLI record (runRecord over a run's result) parses.
import { describe, expect, it } from 'vitest';
import { parseRunFile } from '../core/history/runFile';
import { runRecord } from './output';

describe("the CLI's --out file", () => {
  it('imports into the run history with its epochs, thinned steps and artifacts', () => {
    const steps = Array.from({ length: 1200 }, (_, k) => ({ kind: 'step' as const, step: k + 1, epoch: Math.ceil((k + 1) / 600), totalSteps: 1200, values: { 'loss/mf': 1 / (k + 1), 'weight/diversity': 0.4 } }));
    const record = runRecord(
      {
        labId: 'weighting',
        config: { dataset: 'tiny', epochs: 2, seed: 9 },
        backend: 'wasm',
        outcome: { status: 'stopped', atStep: 1200 },
        summary: { precision: 0.12, ild: Number.NaN },
        events: [
          { kind: 'started', totalSteps: 1200, stepsPerEpoch: 600, info: { users: 100 } },
          ...steps.slice(0, 600),
          { kind: 'epoch', step: 600, epoch: 1, values: { precision: 0.1 } },
          ...steps.slice(600),
          { kind: 'epoch', step: 1200, epoch: 2, values: { precision: 0.12 } },
          { kind: 'artifact', name: 'table', data: [[1, 2]] },
        ],
      },
      new Date('2026-05-01T10:00:00Z'),
    );
    const r = parseRunFile(JSON.stringify(record, null, 2), 'dvao.json');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [run] = r.runs;
    expect(run).toMatchObject({ labId: 'weighting', seed: 9, backend: 'wasm', outcome: { status: 'stopped', atStep: 1200 }, stepsSeen: 1200, stepStride: 4, origin: 'cli file', artifacts: { table: [[1, 2]] } });
    expect(run.summary.precision).toBe(0.12);
    expect(Number.isNaN(run.summary.ild)).toBe(true);
    expect(run.epochs.map((e) => e.values.precision)).toEqual([0.1, 0.12]);
    expect(run.steps.length).toBe(301); // every 4th step of 1,200, and the last
    expect(run.steps.at(-1)!.step).toBe(1200);
  });
});
