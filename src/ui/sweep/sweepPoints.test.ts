import { describe, expect, it } from 'vitest';
import { getLab } from '../../core/labs/registry';
import type { SweepRunRecord } from '../../state/sweepSlice';
import { sweepCsv, sweepJson } from './exportSweep';
import { frontLine, metricDirections, metricKeys, metricLabels, outcomeText, paretoPoints } from './sweepPoints';

const plan = getLab('weighting').sweeps![0];

const run = (index: number, ild: number, precision: number, outcome: SweepRunRecord['outcome'] = { status: 'completed' }): SweepRunRecord => ({
  index,
  label: `w=${index / 10}`,
  kind: 'hand',
  config: { method: 'rc', relevance: 'precision', wRelevance: index / 10, wDiversity: 1 - index / 10, wNovelty: 0 },
  outcome,
  summary: outcome.status === 'failed' ? {} : { ild, precision, hit: precision * 5 },
});

describe('the points of a Pareto panel', () => {
  const runs = [
    run(0, 0.9, 0.05),
    run(1, 0.7, 0.1),
    run(2, 0.6, 0.08), // beaten by run 1 on both axes
    run(3, 0.5, 0.12),
    run(4, 0.95, 0.2, { status: 'diverged', atStep: 7, message: 'diverged at step 7' }),
    run(5, 0.99, 0.3, { status: 'stopped', atStep: 2 }),
    run(6, 0, 0, { status: 'failed', message: 'boom' }),
  ];
  const points = paretoPoints(runs, 'ild', 'precision', plan.chartLabel);

  it('shows completed and diverged runs, not stopped or failed ones', () => {
    expect(points.map((p) => p.index)).toEqual([0, 1, 2, 3, 4]);
  });

  it('marks the non-dominated completed runs; a diverged run is marked and never on the front', () => {
    expect(points.filter((p) => p.front).map((p) => p.index)).toEqual([0, 1, 3]);
    expect(points.find((p) => p.index === 4)).toMatchObject({ diverged: true, front: false });
  });

  it("labels points by the plan's short form (hand weights by their w alone), or by their label", () => {
    expect(points[3].chartLabel).toBe('0.3');
    const auto = paretoPoints([{ ...run(0, 0.5, 0.1), label: 'DVAO', kind: 'automatic' }], 'ild', 'precision', plan.chartLabel);
    expect(auto[0].chartLabel).toBe('DVAO');
    expect(paretoPoints([run(3, 0.5, 0.1)], 'ild', 'precision')[0].chartLabel).toBe('w=0.3');
  });

  it('gives runs that land on the same spot one shared label', () => {
    const same = paretoPoints([run(0, 0.5, 0.1), { ...run(1, 0.5, 0.1), label: 'UW', kind: 'automatic' }, run(2, 0.6, 0.1)], 'ild', 'precision', plan.chartLabel);
    expect(same.map((p) => p.chartLabel)).toEqual(['0 / UW', '', '0.2']);
  });

  it('connects the front from left to right', () => {
    expect(frontLine(points).map((p) => p.x)).toEqual([0.5, 0.7, 0.9]);
  });

  it('reads any summary metric as y', () => {
    expect(paretoPoints(runs, 'ild', 'hit')[1].y).toBeCloseTo(0.5);
  });
});

describe('naming and exporting a sweep', () => {
  const charts = getLab('weighting').charts;

  it("names metrics as the lab charts do (else as the plan's panels do), and orders them as the charts list them", () => {
    expect(metricLabels(charts, plan)).toMatchObject({ precision: 'Precision@10', ild: 'ILD@10 (genres)', hit: 'HR@10 (= U₁)', 'consumption@2': 'U₂' });
    const runs = [{ ...run(0, 0.5, 0.1), summary: { zeta: 1, ild: 0.5, precision: 0.1, ndcg: 0.2 } }];
    expect(metricKeys(runs, charts)).toEqual(['precision', 'ndcg', 'ild', 'zeta']);
  });

  it('writes one CSV row per run, quoting a message with a comma', () => {
    const runs = [run(0, 0.9, 0.05), run(1, 0.5, 0.1, { status: 'failed', message: 'bad, very bad' })];
    const csv = sweepCsv({ runs }, ['precision', 'ild'], plan.shownSettings).trim().split('\n');
    expect(csv[0]).toBe('run,label,kind,method,relevance,lists,wRelevance,wDiversity,wNovelty,backbone,outcome,precision,ild');
    expect(csv[1]).toBe('1,w=0,hand,rc,precision,,0,1,0,,completed,0.05,0.9');
    expect(csv[2]).toBe('2,w=0.1,hand,rc,precision,,0.1,0.9,0,,"failed: bad, very bad",,');
  });

  it('writes JSON with the status, the time taken and every run', () => {
    const sweep = { runId: 's', labId: 'weighting', planId: 'pareto', variant: '2', status: 'done', total: 1, runs: [run(0, 0.9, 0.05)], currentIndex: 0, currentEpoch: 1, currentEpochs: 1, currentStep: 4, currentTotalSteps: 4, message: null, settled: true, startedAt: 1000, endedAt: 3500 } as const;
    const parsed = JSON.parse(sweepJson({ ...sweep, runs: [...sweep.runs] }, new Date(0)));
    expect(parsed).toMatchObject({ labId: 'weighting', status: 'done', total: 1, elapsedMs: 2500, runs: [{ index: 0, summary: { ild: 0.9 } }] });
  });

  it('says how each run ended', () => {
    expect(outcomeText({ status: 'diverged', atStep: 3, message: 'x' })).toBe('diverged at step 3');
    expect(outcomeText({ status: 'stopped', atStep: 2 })).toBe('stopped at step 2');
  });
});

describe('metricDirections', () => {
  it('gives each metric its chart’s direction, the panels’ metrics higher, and weights and β none', () => {
    const charts = [
      { id: 'a', title: '', source: 'epoch', xLabel: '', yLabel: '', unit: '', better: 'higher', series: [{ key: 'precision', label: 'P', color: '#000' }] },
      { id: 'b', title: '', source: 'step', xLabel: '', yLabel: '', unit: '', better: 'none', series: [{ key: 'weight/diversity', label: 'w', color: '#000' }] },
      { id: 'c', title: '', source: 'epoch', xLabel: '', yLabel: '', unit: '', better: 'none', series: [{ key: 'beta', label: 'β', color: '#000' }] },
    ] as const;
    const d = metricDirections(charts as never);
    expect(d).toEqual({ precision: 'higher', 'weight/diversity': 'none', beta: 'none' });
    expect(d.unknown).toBeUndefined();
  });
});
