import { describe, expect, it } from 'vitest';
import type { ChartSpec } from '../../core/experiment/types';
import { overlayKey, overlayRows, overlaySpec } from './overlay';

const spec: ChartSpec = {
  id: 'ndcg',
  title: 'NDCG@10',
  source: 'epoch',
  xLabel: 'epoch',
  yLabel: 'NDCG@10',
  unit: 'fraction',
  better: 'higher',
  series: [
    { key: 'ndcg/mf', label: 'BPR-MF', color: '#2f6fdd' },
    { key: 'ndcg/pop', label: 'Popularity', color: '#d9822b', dashed: true },
  ],
};

describe('overlaying kept runs on a chart', () => {
  it('labels each series with its run, colours each run, keeps the dashes, and leaves a chart with no overlay alone', () => {
    expect(overlaySpec(spec, [], true)).toBe(spec);
    const s = overlaySpec(spec, [{ name: 'l2=0', color: '#0e9384' }], true);
    expect(s.series.map((x) => [x.key, x.label, x.color, Boolean(x.dashed)])).toEqual([
      ['ndcg/mf', 'BPR-MF · this run', '#2f6fdd', false],
      ['ndcg/pop', 'Popularity · this run', '#d9822b', true],
      [overlayKey('ndcg/mf', 0), 'BPR-MF · l2=0', '#0e9384', false],
      [overlayKey('ndcg/pop', 0), 'Popularity · l2=0', '#0e9384', true],
    ]);
    expect(overlaySpec(spec, [{ name: 'a', color: '#000' }], false).series).toHaveLength(2); // no current run: only the kept one
  });

  it('merges rows at the same epoch, so two runs of different lengths share one axis', () => {
    const rows = overlayRows(spec, [{ x: 1, 'ndcg/mf': 0.1 }], [[{ x: 1, 'ndcg/mf': 0.2, other: 9 }, { x: 2, 'ndcg/mf': 0.3 }]]);
    expect(rows).toEqual([
      { x: 1, 'ndcg/mf': 0.1, [overlayKey('ndcg/mf', 0)]: 0.2 },
      { x: 2, [overlayKey('ndcg/mf', 0)]: 0.3 },
    ]);
  });

  it('keeps a path in objective space in its own order, run after run', () => {
    const path = { ...spec, xKey: 'ild' };
    const rows = overlayRows(path, [{ x: 0.5, 'ndcg/mf': 0.1 }, { x: 0.4, 'ndcg/mf': 0.2 }], [[{ x: 0.9, 'ndcg/mf': 0.3 }, { x: 0.1, 'ndcg/mf': 0.4 }]]);
    expect(rows.map((r) => r.x)).toEqual([0.5, 0.4, 0.9, 0.1]);
  });
});
