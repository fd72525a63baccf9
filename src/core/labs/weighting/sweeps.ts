// The weighting lab's Pareto sweep: the runs it makes from the current config (pure, so a test pins them down),
// how their families are named and coloured, and the two accuracy–diversity panels that plot them.
import { ErrorCode, LabError } from '../../errors';
import type { SweepPlan, SweepPoint } from '../../experiment/sweepPlan';
import { BACKBONE_IDS, MODEL_CATALOG } from '../../models/catalog';
import { METHOD_INFO, type MethodInfo } from './methods';
import { pathsTable, type NamedAxes } from './paths';

/** The automatic weighting methods the sweep compares, in the order they run. */
export const AUTOMATIC_METHODS = ['dvao', 'gdpo', 'uw', 'dwa', 'gradnorm'] as const;

export interface SweepOptions {
  /** 2: the relevance–diversity line (11 points); 3: a simplex grid over relevance, diversity and novelty. */
  objectives?: 2 | 3;
}

/** Steps of the three-objective simplex grid: fifths, so (5+2 choose 2) = 21 points. */
const SIMPLEX_STEPS = 5;

/** RC at every (r, d, n) = (i, j, k)/5 with i + j + k = 5: 21 hand-weight points over three objectives. */
function simplexPoints(): SweepPoint[] {
  const out: SweepPoint[] = [];
  for (let i = SIMPLEX_STEPS; i >= 0; i--) {
    for (let j = SIMPLEX_STEPS - i; j >= 0; j--) {
      const k = SIMPLEX_STEPS - i - j;
      const [r, d, n] = [i, j, k].map((x) => x / SIMPLEX_STEPS);
      out.push({ label: `${r}/${d}/${n}`, kind: 'hand', override: { ...PLAIN, method: 'rc', relevance: 'precision', wRelevance: r, wDiversity: d, wNovelty: n } });
    }
  }
  return out;
}

/**
 * Teaching toggles switched off in every sweep run, so the front compares combination methods, not noise; and
 * plain top-10 lists, except in the one run that re-ranks.
 */
const PLAIN = { noisyObjective: 'none', diversityReward: 'ild', lists: 'top-n' } as const;

/** Hand weights w = 0, 0.1, …, 1 (tenths, so 0.3 is 0.3 and not 0.30000000000000004). */
const HAND_STEPS = 10;

/**
 * The weighting lab's sweep: (1) 11 hand-weight points over two objectives — reward combination (RC) with
 * wRelevance = w, wDiversity = 1 − w, wNovelty = 0 for w = 0, 0.1, …, 1; (2) each automatic method at the
 * current sliders; (3) RC at the current sliders with the consumption-style relevance reward (1 if at least
 * c of the slate hit); (4) relevance alone (the w = 1 training) with consumption-aware re-ranking of its lists
 * for a user who consumes c (Peng et al.: no weights at all); (5) each other backbone (Mult-VAE, AMP-CF) with
 * the current method at the sliders, so other models land on the same panels. Every other setting (data,
 * seed, epochs, warm start) comes from the current config, so the runs of one backbone share one warm start;
 * the hand and automatic runs use precision-style relevance and top-10 lists, so they differ only in how the
 * objectives are combined. 11 + 5 + 1 + 1 + 2 = 20 runs. Throws a RangeError if every slider is 0.
 */
export function weightingSweep(config: Record<string, unknown>, opts: SweepOptions = {}): SweepPoint[] {
  const sliders = { wRelevance: config.wRelevance, wDiversity: config.wDiversity, wNovelty: config.wNovelty };
  // Refused here rather than run: five of the 18 runs would fail on it, one after another.
  if (!(Object.values(sliders).reduce((a: number, w) => a + Number(w), 0) > 0)) {
    throw new LabError(ErrorCode.InvalidConfigValue, 'every objective weight is 0: give one objective a weight (the automatic methods and the consumption run start from the sliders)');
  }
  const hand = opts.objectives === 3 ? simplexPoints() : Array.from({ length: HAND_STEPS + 1 }, (_, i): SweepPoint => {
    const w = i / HAND_STEPS;
    return {
      label: `w=${w.toFixed(1)}`,
      kind: 'hand',
      override: { ...PLAIN, method: 'rc', relevance: 'precision', wRelevance: w, wDiversity: (HAND_STEPS - i) / HAND_STEPS, wNovelty: 0 },
    };
  });
  const automatic = AUTOMATIC_METHODS.map((method): SweepPoint => ({ label: METHOD_INFO[method].short, kind: 'automatic', override: { ...PLAIN, method, relevance: 'precision', ...sliders } }));
  const consumption: SweepPoint = { label: 'RC consumption', kind: 'consumption', override: { ...PLAIN, method: 'rc', relevance: 'consumption', ...sliders } };
  const rerank: SweepPoint = {
    label: 'Re-rank U_c',
    kind: 'rerank',
    override: { ...PLAIN, method: 'rc', relevance: 'precision', wRelevance: 1, wDiversity: 0, wNovelty: 0, lists: 'consumption' },
  };
  const method = String(config.method ?? 'dvao');
  const backbones = BACKBONE_IDS.filter((b) => b !== (config.backbone ?? 'softmax-mf')).map(
    (backbone): SweepPoint => ({ label: `${MODEL_CATALOG[backbone].label} ${(METHOD_INFO as Record<string, MethodInfo | undefined>)[method]?.short ?? method.toUpperCase()}`, kind: 'backbone', override: { ...PLAIN, method, relevance: 'precision', ...sliders, backbone } }),
  );
  return [...hand, ...automatic, consumption, rerank, ...backbones];
}

const C_METRICS = [
  { key: 'hit', label: 'HR@10 (= U₁)' },
  { key: 'consumption@2', label: 'U₂@10' },
  { key: 'consumption@3', label: 'U₃@10' },
];

/** The pairs the path view offers: diversity across, accuracy up, as on the Pareto panels. */
export const PATH_AXES: NamedAxes[] = [
  { x: 'ild', xLabel: 'ILD@10', y: 'precision', yLabel: 'Precision@10' },
  { x: 'ild', xLabel: 'ILD@10', y: 'hit', yLabel: 'HR@10' },
];

/** The Pareto sweep as the generic sweep panel draws it. */
export const paretoSweep: SweepPlan = {
  id: 'pareto',
  title: 'Pareto sweep',
  variants: {
    label: 'Hand weights over',
    choices: [
      { value: '2', label: 'relevance–diversity (11 points)' },
      { value: '3', label: 'all three objectives (21 points)' },
    ],
  },
  describe: (variant) =>
    (variant === '3'
      ? '30 runs, one after another in the worker, from the same data, seed and warm start, with this config’s epochs: hand weights (RC) on every point of the relevance/diversity/novelty simplex in fifths (labelled r/d/n), '
      : '20 runs, one after another in the worker, from the same data, seed and warm start, with this config’s epochs: hand weights (RC, w on relevance, 1 − w on diversity, w = 0, 0.1, …, 1), ') +
    'then DVAO, GDPO, UW, DWA and GradNorm at your sliders, then RC with the consumption-style relevance reward, then relevance alone with its lists re-ranked for a user who consumes c (no weights), then the other backbones (Mult-VAE, AMP-CF) with your method at your sliders. Teaching toggles (noise, the saturating reward) are off in every run. Each panel plots diversity against accuracy: as if every item is consumed, and as if the user consumes only a few.',
  points: (config, variant) => weightingSweep(config, { objectives: variant === '3' ? 3 : 2 }),
  kinds: [
    { id: 'hand', legend: 'hand weights, labelled by w (the weight on relevance) or r/d/n', color: '#7a9fe6' },
    { id: 'automatic', legend: 'automatic method', color: '#7a5af8' },
    { id: 'consumption', legend: 'consumption-style reward', color: '#d9822b' },
    { id: 'rerank', legend: 'relevance only, re-ranked for a user who consumes c (Peng et al.)', color: '#12b76a' },
    { id: 'backbone', legend: 'another backbone, same method and sliders', color: '#c11574' },
  ],
  shownSettings: ['method', 'relevance', 'lists', 'wRelevance', 'wDiversity', 'wNovelty', 'backbone'],
  panels: [
    { id: 'precision', title: 'If every item is consumed', x: { key: 'ild', label: 'ILD@10 (diversity)' }, y: [{ key: 'precision', label: 'Precision@10' }] },
    {
      id: 'hit',
      title: 'If the user consumes only a few',
      x: { key: 'ild', label: 'ILD@10 (diversity)' },
      y: C_METRICS,
      pick: { label: 'Consumes a few: c =', initial: (config) => Math.min(C_METRICS.length, Math.max(1, Number(config.consumeC) || 1)) - 1 },
    },
  ],
  // The relevance-only training (w = 1 on the line, 1/0/0 on the simplex): each panel's 0%, so both metrics share a scale.
  relativeTo: { label: 'w = 1', isReference: (p) => p.kind === 'hand' && (p.label === 'w=1.0' || p.label === '1/0/0') },
  // Short labels keep a crowded panel readable: "0.3" for w = 0.3, "consumption" for the reward variant.
  chartLabel: (p) => (p.kind === 'hand' ? p.label.replace(/^w=/, '') : p.kind === 'consumption' ? 'consumption' : p.label),
  report: (runs) => PATH_AXES.map((axes) => pathsTable(runs, axes)),
};
