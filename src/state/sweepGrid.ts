// The grid a lab's "Pareto sweep" runs, built from the current config: pure, so a test pins it down.

/** Which family a sweep point belongs to: the hand-weight line, an automatic method, or a reward variant. */
export type SweepPointKind = 'hand' | 'automatic' | 'consumption' | 'rerank' | 'backbone';

/** One run of a planned sweep: a short label for charts, its family, and the settings it overrides. */
export interface SweepPoint {
  label: string;
  kind: SweepPointKind;
  override: Record<string, unknown>;
}

import { BACKBONE_IDS, BACKBONE_LABELS } from '../core/labs/weighting/backboneIds';

/** The automatic weighting methods the weighting lab's sweep compares, in the order they run. */
export const AUTOMATIC_METHODS = ['dvao', 'gdpo', 'uw', 'dwa', 'gradnorm'] as const;

/** How each automatic method is named on charts and in tables. */
const METHOD_LABEL: Record<(typeof AUTOMATIC_METHODS)[number], string> = { dvao: 'DVAO', gdpo: 'GDPO', uw: 'UW', dwa: 'DWA', gradnorm: 'GradNorm' };

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
    throw new RangeError('every objective weight is 0: give one objective a weight (the automatic methods and the consumption run start from the sliders)');
  }
  const hand = opts.objectives === 3 ? simplexPoints() : Array.from({ length: HAND_STEPS + 1 }, (_, i): SweepPoint => {
    const w = i / HAND_STEPS;
    return {
      label: `w=${w.toFixed(1)}`,
      kind: 'hand',
      override: { ...PLAIN, method: 'rc', relevance: 'precision', wRelevance: w, wDiversity: (HAND_STEPS - i) / HAND_STEPS, wNovelty: 0 },
    };
  });
  const automatic = AUTOMATIC_METHODS.map((method): SweepPoint => ({ label: METHOD_LABEL[method], kind: 'automatic', override: { ...PLAIN, method, relevance: 'precision', ...sliders } }));
  const consumption: SweepPoint = { label: 'RC consumption', kind: 'consumption', override: { ...PLAIN, method: 'rc', relevance: 'consumption', ...sliders } };
  const rerank: SweepPoint = {
    label: 'Re-rank U_c',
    kind: 'rerank',
    override: { ...PLAIN, method: 'rc', relevance: 'precision', wRelevance: 1, wDiversity: 0, wNovelty: 0, lists: 'consumption' },
  };
  const method = String(config.method ?? 'dvao');
  const backbones = BACKBONE_IDS.filter((b) => b !== (config.backbone ?? 'softmax-mf')).map(
    (backbone): SweepPoint => ({ label: `${BACKBONE_LABELS[backbone]} ${METHOD_LABEL[method as never] ?? method.toUpperCase()}`, kind: 'backbone', override: { ...PLAIN, method, relevance: 'precision', ...sliders, backbone } }),
  );
  return [...hand, ...automatic, consumption, rerank, ...backbones];
}

/** Sweep plans by lab id; a lab without one has no sweep panel. */
export const SWEEP_PLANS: Partial<Record<string, (config: Record<string, unknown>, opts?: SweepOptions) => SweepPoint[]>> = {
  weighting: weightingSweep,
};
