import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../experiment/types';
import { useWasm } from '../../testing/tfSetup';
import { weightingDefaults, type WeightingConfig } from './config';
import { baseWeights } from './objectives';
import { runWeighting } from './run';
import { BACKBONE_IDS } from '../../models/catalog';

beforeAll(useWasm);

const tiny = (over: Partial<WeightingConfig> = {}): WeightingConfig => ({ ...weightingDefaults, dataset: 'tiny', epochs: 2, warmStartEpochs: 2, usersPerStep: 32, ...over });
const steps = (events: ProgressEvent[]) => events.filter((e): e is Extract<ProgressEvent, { kind: 'step' }> => e.kind === 'step');
const objectives = ['relevance', 'diversity', 'novelty'];

describe('the weighting lab', () => {
  it('trains with DVAO: z-weights sum to 1 and the group mean squared advantage stays under 1', async () => {
    const r = await runWeighting(tiny({ method: 'dvao' }));
    expect(r.outcome).toEqual({ status: 'completed' });
    const s = steps(r.events);
    expect(s.length).toBe(2 * Math.ceil(100 / 32));
    for (const e of s) {
      const sum = objectives.reduce((a, o) => a + e.values[`weight/${o}`], 0);
      expect(sum).toBeCloseTo(1, 9);
      expect(e.values.meanSqAdvantage).toBeLessThanOrEqual(1 + 1e-9);
      for (const o of objectives) expect(Number.isFinite(e.values[`reward/${o}`])).toBe(true);
    }
    for (const k of ['precision', 'ndcg', 'hit', 'ild', 'coverage', 'novelty']) expect(r.summary[k]).toBeGreaterThanOrEqual(0);
  });

  it('runs every method, reward side and loss side, to completion with finite numbers', async () => {
    for (const method of ['rc', 'ac', 'gdpo', 'fixed', 'uw', 'dwa', 'gradnorm'] as const) {
      const r = await runWeighting(tiny({ method, epochs: 1 }));
      expect(r.outcome, method).toEqual({ status: 'completed' });
      for (const e of steps(r.events)) for (const o of objectives) expect(Number.isFinite(e.values[`weight/${o}`]), `${method} ${o}`).toBe(true);
    }
  });

  it('reports under RC the z-weights b σ / Σ b σ, which vary with σ from step to step, not the sliders b', async () => {
    const r = await runWeighting(tiny({ method: 'rc', epochs: 1 }));
    const b = baseWeights(weightingDefaults);
    const s = steps(r.events);
    for (const e of s) expect(objectives.reduce((a, o) => a + e.values[`weight/${o}`], 0)).toBeCloseTo(1, 9);
    const off = Math.max(...s.flatMap((e) => objectives.map((o, k) => Math.abs(e.values[`weight/${o}`] - b[k]))));
    expect(off).toBeGreaterThan(0.01);
    expect(new Set(s.map((e) => e.values['weight/relevance'])).size).toBeGreaterThan(1);
  });

  it('reports each loss term and its share of the weighted loss on the loss side, none on the reward side', async () => {
    const fixed = await runWeighting(tiny({ method: 'fixed', epochs: 1 }));
    for (const e of steps(fixed.events)) {
      const shares = objectives.map((o) => e.values[`lossShare/${o}`]);
      expect(shares.reduce((a, x) => a + x, 0)).toBeCloseTo(1, 9);
      const total = objectives.reduce((a, o) => a + e.values[`weight/${o}`] * e.values[`loss/${o}`], 0);
      objectives.forEach((o) => expect(e.values[`lossShare/${o}`]).toBeCloseTo((e.values[`weight/${o}`] * e.values[`loss/${o}`]) / total, 12));
    }
    expect(steps((await runWeighting(tiny({ method: 'dvao', epochs: 1 }))).events)[0].values['loss/relevance']).toBeUndefined();
  });

  it('emits the step-scale view: per group, RC at 1 and DVAO at the agreement ρ', async () => {
    const r = await runWeighting(tiny({ method: 'dvao', epochs: 1 }));
    const art = r.events.filter((e) => e.kind === 'artifact' && e.name === 'stepScale').at(-1) as { data: { agreement: number; rc: number; dvao: number }[] };
    expect(art.data.length).toBeGreaterThan(0);
    for (const p of art.data) {
      expect(p.dvao).toBeCloseTo(p.agreement, 9);
      // RC: std / (std + ε), ε = 1e-8: 1 up to ε / std.
      if (p.agreement > 1e-6) expect(p.rc).toBeCloseTo(1, 4);
    }
  });

  it('applies weights changed mid-run from the next step', async () => {
    let n = 0;
    const r = await runWeighting(tiny({ method: 'rc', epochs: 2 }), {
      onProgress: (e) => void (e.kind === 'step' && n++),
      live: () => (n >= 3 ? { wRelevance: 0, wDiversity: 1, wNovelty: 0 } : undefined),
    });
    const s = steps(r.events);
    expect(s[2].values['base/diversity']).toBeCloseTo(0.3, 12);
    expect(s[3].values['base/diversity']).toBe(1);
    expect(s[3].values['weight/relevance']).toBe(0);
  });

  it('builds consumption-aware lists when asked, reporting how often it kept the top 10 and what it expected', async () => {
    const top = await runWeighting(tiny({ method: 'rc', epochs: 1 }));
    const re = await runWeighting(tiny({ method: 'rc', epochs: 1, lists: 'consumption', consumeC: 1 }));
    // Same training (same seed and settings), different lists.
    expect(steps(re.events)).toEqual(steps(top.events));
    expect(re.summary.keptTopN).toBeGreaterThanOrEqual(0);
    expect(re.summary.keptTopN).toBeLessThanOrEqual(1);
    expect(re.summary.expectedPrecision).toBeGreaterThan(0);
    expect(top.summary.keptTopN).toBeUndefined();
    expect(re.summary.ild).not.toBe(top.summary.ild);
  });

  it('trains every backbone (MF, Mult-VAE, AMP-CF) with reward- and loss-side methods, freeing its tensors', async () => {
    for (const backbone of BACKBONE_IDS) {
      for (const method of ['dvao', 'gradnorm'] as const) {
        const before = tf.memory().numTensors;
        const r = await runWeighting(tiny({ backbone, method, epochs: 1, klToWarm: 0.1, seed: 11 }));
        expect(r.outcome, `${backbone} ${method}`).toEqual({ status: 'completed' });
        for (const k of ['precision', 'hit', 'ild']) expect(Number.isFinite(r.summary[k]), `${backbone} ${method} ${k}`).toBe(true);
        expect(tf.memory().numTensors, `${backbone} ${method}`).toBe(before);
      }
    }
  });

});

describe('the weighting lab under odd input', () => {
  it('keeps the last valid weights when every slider is dragged to 0 mid-run', async () => {
    let n = 0;
    const r = await runWeighting(tiny({ method: 'rc', epochs: 2 }), {
      onProgress: (e) => void (e.kind === 'step' && n++),
      live: () => (n >= 2 ? { wRelevance: 0, wDiversity: 0, wNovelty: 0 } : undefined),
    });
    expect(r.outcome).toEqual({ status: 'completed' });
    for (const e of steps(r.events)) expect(e.values['base/relevance']).toBeCloseTo(0.6, 12);
  });

  it('stops during the warm start when aborted', async () => {
    const ctrl = new AbortController();
    ctrl.abort();
    const r = await runWeighting(tiny({ warmStartEpochs: 50, seed: 99 }), { signal: ctrl.signal });
    expect(r.outcome.status).toBe('stopped');
  });
});
