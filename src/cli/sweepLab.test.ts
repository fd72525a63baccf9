// The sweep's table, CSV, JSON record and exit code, from hand-made runs.
import { describe, expect, it } from 'vitest';
import type { SweepResult, SweepRun } from '../core/experiment/sweep';
import type { RunOutcome } from '../core/experiment/types';
import { formatSweepTable, planRuns, sweepExitCode, sweepRecord, sweepToCsv, variedValues } from './sweepLab';

const done = (epochs: number, outcome: RunOutcome, summary: Record<string, number>): SweepRun => ({
  config: { dataset: 'tiny', epochs },
  result: { labId: 'pop-vs-mf', config: { dataset: 'tiny', epochs }, backend: 'wasm', outcome, events: [], summary },
});
const runs: SweepRun[] = [
  done(1, { status: 'completed' }, { 'ndcg/mf': 0.123456789, 'ndcg/pop': 0.2 }),
  done(2, { status: 'diverged', atStep: 4, message: 'diverged at step 4' }, {}),
  { config: { dataset: 'tiny', epochs: 3 }, error: 'boom, "quoted"' },
];

describe('sweep output', () => {
  it('tables one row per run: varied settings, outcome, summary', () => {
    const t = formatSweepTable(['epochs'], runs).split('\n');
    expect(t[0]).toMatch(/^run\s+epochs\s+outcome\s+ndcg\/mf\s+ndcg\/pop$/);
    expect(t[2]).toMatch(/^\s*1\s+1\s+completed\s+0\.1235\s+0\.2$/);
    expect(t[3]).toMatch(/^\s*2\s+2\s+diverged$/);
    expect(t[4]).toMatch(/^\s*3\s+3\s+failed$/);
    expect(formatSweepTable(['epochs'], [])).toBe('(no run finished)');
  });

  it('writes a CSV row per run, in full precision, gaps empty', () => {
    expect(sweepToCsv(['epochs'], runs)).toBe(
      'run,epochs,outcome,ndcg/mf,ndcg/pop\n1,1,completed,0.123456789,0.2\n2,2,diverged,,\n3,3,failed,,\n',
    );
  });

  it('records config, outcome and summary of each run, a thrown run as failed with its message', () => {
    const sweep: SweepResult = { runs, cancelled: false };
    const rec = sweepRecord('pop-vs-mf', 'wasm', { dataset: 'tiny' }, variedValues(['epochs'], [{ epochs: 1 }, { epochs: 2 }, { epochs: 2 }]), sweep, new Date(0));
    expect(rec).toMatchObject({ tool: 'objective-lab cli', createdAt: '1970-01-01T00:00:00.000Z', labId: 'pop-vs-mf', vary: { epochs: [1, 2] }, cancelled: false });
    expect(rec.runs[2]).toEqual({ config: { dataset: 'tiny', epochs: 3 }, outcome: { status: 'failed', message: 'boom, "quoted"' }, summary: {}, epochs: [] });
    expect(rec.runs[1].outcome.status).toBe('diverged');
  });

  it("records a plan's runs with their labels, families and evaluations, and the plan's report tables", () => {
    const evaluated: SweepRun = {
      config: { method: 'dvao' },
      result: {
        labId: 'weighting',
        config: {},
        backend: 'wasm',
        outcome: { status: 'completed' },
        events: [
          { kind: 'epoch', step: 0, epoch: 0, values: { ild: 0.5 } },
          { kind: 'step', step: 1, epoch: 1, totalSteps: 1, values: { loss: 1 } },
          { kind: 'epoch', step: 1, epoch: 1, values: { ild: 0.6 } },
        ],
        summary: { ild: 0.6 },
      },
    };
    const points = [{ label: 'DVAO', kind: 'automatic', override: { method: 'dvao' } }];
    expect(planRuns(points, [evaluated, runs[2]])).toEqual([
      { label: 'DVAO', kind: 'automatic', config: { method: 'dvao' }, epochs: [{ ild: 0.5 }, { ild: 0.6 }], completed: true },
      { label: 'run 2', kind: '', config: { dataset: 'tiny', epochs: 3 }, epochs: [], completed: false },
    ]);
    const tables = [{ title: 't', columns: ['a'], rows: [['1']] }];
    const rec = sweepRecord('weighting', 'wasm', {}, {}, { runs: [evaluated], cancelled: false }, new Date(0), { id: 'pareto', points, tables });
    expect(rec).toMatchObject({ plan: { id: 'pareto' }, tables, runs: [{ label: 'DVAO', kind: 'automatic', epochs: [{ ild: 0.5 }, { ild: 0.6 }] }] });
  });

  it('exits 130 when cancelled, else 1 if a run threw, else 3 if one diverged, else 0', () => {
    expect(sweepExitCode({ runs, cancelled: true })).toBe(130);
    expect(sweepExitCode({ runs, cancelled: false })).toBe(1);
    expect(sweepExitCode({ runs: runs.slice(0, 2), cancelled: false })).toBe(3);
    expect(sweepExitCode({ runs: runs.slice(0, 1), cancelled: false })).toBe(0);
  });
});
