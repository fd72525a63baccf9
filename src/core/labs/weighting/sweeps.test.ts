// The weighting lab's Pareto sweep: which runs it makes from a config, and what its panels plot.
import { describe, expect, it } from 'vitest';
import { resolveGrid } from '../../experiment/sweep';
import { getLab } from '../registry';
import { paretoSweep, weightingSweep } from './sweeps';

const config: Record<string, unknown> = { ...getLab('weighting').defaults, wRelevance: 0.5, wDiversity: 0.25, wNovelty: 0.25, relevance: 'consumption', method: 'ac' };

describe('the weighting sweep grid', () => {
  const plan = weightingSweep(config);

  it('has 11 hand-weight points, 5 automatic methods, the consumption reward, the re-ranking and 2 other backbones: 20 runs', () => {
    expect(plan).toHaveLength(20);
    expect(plan.map((p) => p.kind)).toEqual([...Array(11).fill('hand'), ...Array(5).fill('automatic'), 'consumption', 'rerank', 'backbone', 'backbone']);
  });

  it('puts the hand weights on the relevance–diversity edge in tenths, with RC and no novelty', () => {
    const hand = plan.filter((p) => p.kind === 'hand');
    expect(hand.map((p) => p.override.wRelevance)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    expect(hand.map((p) => p.override.wDiversity)).toEqual([1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0]);
    for (const p of hand) expect(p.override).toMatchObject({ method: 'rc', relevance: 'precision', wNovelty: 0 });
    expect(hand.map((p) => p.label)).toContain('w=0.3');
  });

  it('runs each automatic method and the consumption reward at the current sliders', () => {
    const sliders = { wRelevance: 0.5, wDiversity: 0.25, wNovelty: 0.25 };
    const auto = plan.filter((p) => p.kind === 'automatic');
    expect(auto.map((p) => p.override.method)).toEqual(['dvao', 'gdpo', 'uw', 'dwa', 'gradnorm']);
    const plain = { noisyObjective: 'none', diversityReward: 'ild', lists: 'top-n' };
    for (const p of auto) expect(p.override).toEqual({ ...plain, method: p.override.method, relevance: 'precision', ...sliders });
    expect(plan[16].override).toEqual({ ...plain, method: 'rc', relevance: 'consumption', ...sliders });
  });

  it('re-ranks the relevance-only training once, with no weights to set, and every other run keeps top-10 lists', () => {
    expect(plan[17].override).toMatchObject({ method: 'rc', relevance: 'precision', wRelevance: 1, wDiversity: 0, wNovelty: 0, lists: 'consumption' });
    for (const p of [...plan.slice(0, 17), ...plan.slice(18)]) expect(p.override.lists).toBe('top-n');
    // The w = 1 hand point is the same training, so the two differ only in how the list is built.
    const { lists: _a, ...hand1 } = plan[10].override;
    const { lists: _b, ...rerank } = plan[17].override;
    expect(rerank).toEqual(hand1);
  });

  it('gives every run a valid config of the lab, so the worker accepts the whole grid', () => {
    const configs = resolveGrid(getLab('weighting'), config, plan.map((p) => p.override));
    expect(configs).toHaveLength(20);
    expect(new Set(configs.map((c) => c.seed))).toEqual(new Set([config.seed]));
  });

  it('puts every other backbone on the panels with the current method at the sliders', () => {
    const others = plan.filter((p) => p.kind === 'backbone');
    expect(others.map((p) => p.override.backbone)).toEqual(['mult-vae', 'amp-cf']);
    for (const p of others) expect(p.override).toMatchObject({ method: 'ac', wRelevance: 0.5, wDiversity: 0.25, wNovelty: 0.25, lists: 'top-n', relevance: 'precision' });
    expect(others.map((p) => p.label)).toEqual(['Mult-VAE AC', 'AMP-CF AC']);
    expect(weightingSweep({ ...config, backbone: 'amp-cf', method: 'dvao' }).filter((p) => p.kind === 'backbone').map((p) => p.label)).toEqual(['Softmax MF DVAO', 'Mult-VAE DVAO']);
  });

  it('refuses sliders that are all 0, saying why', () => {
    expect(() => weightingSweep({ ...config, wRelevance: 0, wDiversity: 0, wNovelty: 0 })).toThrow(/^OL101: every objective weight is 0/);
  });

  it('is a pure function of the config: the same config gives the same plan', () => {
    expect(weightingSweep({ ...config })).toEqual(plan);
  });

  it('spans the three-objective simplex in fifths when asked: 21 hand points, each summing to 1', () => {
    const points = weightingSweep({ wRelevance: 0.6, wDiversity: 0.3, wNovelty: 0.1 }, { objectives: 3 });
    const hand = points.filter((p) => p.kind === 'hand');
    expect(hand).toHaveLength(21);
    for (const p of hand) expect(Number(p.override.wRelevance) + Number(p.override.wDiversity) + Number(p.override.wNovelty)).toBeCloseTo(1, 12);
    expect(new Set(hand.map((p) => p.label)).size).toBe(21);
    expect(points).toHaveLength(21 + 9);
  });

  it('switches the teaching toggles off in every run, so noise never shapes the front', () => {
    const noisy = weightingSweep({ ...config, noisyObjective: 'novelty', diversityReward: 'span' });
    for (const p of noisy) expect(p.override).toMatchObject({ noisyObjective: 'none', diversityReward: 'ild' });
    expect(weightingSweep({ ...config, lists: 'consumption' })[0].override.lists).toBe('top-n');
  });
});

describe('the Pareto sweep as a plan', () => {
  it('is the weighting lab’s one sweep, and its variants give the line or the simplex', () => {
    expect(getLab('weighting').sweeps).toEqual([paretoSweep]);
    expect(paretoSweep.points(config, '2')).toEqual(weightingSweep(config));
    expect(paretoSweep.points(config, '3').filter((p) => p.kind === 'hand')).toHaveLength(21);
    expect(paretoSweep.describe('3')).toMatch(/^30 runs/);
    expect(paretoSweep.describe('2')).toMatch(/^20 runs/);
  });

  it('names and colours every family its points use, and plots ILD against Precision and against U_c', () => {
    const kinds = new Set(paretoSweep.kinds.map((k) => k.id));
    for (const p of paretoSweep.points(config, '3')) expect(kinds.has(p.kind)).toBe(true);
    expect(paretoSweep.panels.map((p) => [p.x.key, p.y.map((y) => y.key)])).toEqual([
      ['ild', ['precision']],
      ['ild', ['hit', 'consumption@2', 'consumption@3']],
    ]);
    // The c picker starts at the config's c.
    expect(paretoSweep.panels[1].pick!.initial({ consumeC: 3 })).toBe(2);
    expect(paretoSweep.panels[1].pick!.initial({})).toBe(0);
  });

  it('labels hand points by their weight alone on the chart', () => {
    expect(paretoSweep.chartLabel!({ label: 'w=0.3', kind: 'hand' })).toBe('0.3');
    expect(paretoSweep.chartLabel!({ label: 'RC consumption', kind: 'consumption' })).toBe('consumption');
    expect(paretoSweep.chartLabel!({ label: 'DVAO', kind: 'automatic' })).toBe('DVAO');
  });
});

describe("the Pareto sweep's report", () => {
  it('tables, for each pair of axes, where each automatic method starts and ends against the hand front', () => {
    const start = { ild: 0.5, precision: 0.1, hit: 0.5 };
    const runs = [
      { label: 'w=0.0', kind: 'hand', config: { wRelevance: 0, wDiversity: 1, wNovelty: 0 }, epochs: [start, { ild: 0.9, precision: 0.1, hit: 0.5 }], completed: true },
      { label: 'w=1.0', kind: 'hand', config: { wRelevance: 1, wDiversity: 0, wNovelty: 0 }, epochs: [start, { ild: 0.5, precision: 0.3, hit: 0.9 }], completed: true },
      // Precision: the line (0.9, 0.1)–(0.5, 0.3) passes (0.7, 0.2); (0.6, 0.15) is 0.25 spans under it.
      { label: 'DVAO', kind: 'automatic', config: { method: 'dvao' }, epochs: [start, { ild: 0.6, precision: 0.15, hit: 0.9 }], completed: true },
    ];
    const [precision, hit] = paretoSweep.report!(runs);
    expect(precision.columns).toEqual(['method', 'start ILD@10', 'start Precision@10', 'end ILD@10', 'end Precision@10', 'gap', 'end lands']);
    expect(precision.rows).toEqual([['DVAO', '0.500', '0.100', '0.600', '0.150', '0.250', 'inside']]);
    // HR@10: the line (0.9, 0.5)–(0.5, 0.9) (spans 0.4); (0.6, 0.9) moved down-left by 0.05 on both axes
    // touches it at (0.55, 0.85): 0.05 / 0.4 = 0.125 spans beyond.
    expect(hit.rows).toEqual([['DVAO', '0.500', '0.500', '0.600', '0.900', '-0.125', 'beyond']]);
  });
});
