// The consumption lab's measured claims: trained model on workshop, consumption-aware lists vs the top 10.
import { gapToFront, upperFront } from '../../experiment/frontGap';
import { DIVERSITY_WEIGHTS, sweepKey } from './tables';
import { defineFindings, fromSummary, type Finding, type Reading, type RealDatasetName, type Relation } from '../../experiment/findings';

/** One model per seed (trainSeeds 1, seeds 42–44: the same models as the lab's default 3 seeds from 42). */
const TRAINED = { dataset: 'workshop', trainSeeds: 1 };
const SEEDS = [42, 43, 44];
/** The fast check: tiny data, a small model, two seeds. */
const QUICK = { config: { dataset: 'tiny', warmStartEpochs: 3, embeddingDim: 8 }, seeds: [42, 43] };

/** A finding on one trained-comparison run per seed (TRAINED, SEEDS unless `extra` says otherwise). */
function oneRun(id: string, claim: string, values: Finding['values'], expect: Relation, extra: Partial<Finding>): Finding {
  return { id: `consumption.${id}`, labId: 'consumption', claim, config: TRAINED, seeds: SEEDS, values, expect, ...extra };
}

/** "list beats/loses to the top 10 on metric": values `aware` and `top` read from one run. */
function vsTop(id: string, claim: string, list: string, metric: string, op: Relation['op'], extra: Partial<Finding> = {}): Finding {
  const values = { aware: { reading: fromSummary(`${list}/${metric}`) }, top: { reading: fromSummary(`topN/${metric}`) } };
  return oneRun(id, claim, values, { a: 'aware', op, b: 'top' }, extra);
}

/** A list's lead over the top 10 on one metric, read from one run (positive: the re-ranked list wins). */
const lead = (list: string, metric: string): Reading => ({
  what: `summary ${list}/${metric} − topN/${metric}`,
  read: (r) => r.summary[`${list}/${metric}`] - r.summary[`topN/${metric}`],
});

/** How much a metric falls along the MMR sweep, from w = 0 (the top 10) to w, as a share of its value at w = 0. */
const sweepDrop = (w: number, metric: string): Reading => ({
  what: `1 − summary mmr@${w}/${metric} / mmr@0/${metric}`,
  read: (r) => 1 - r.summary[`mmr@${w}/${metric}`] / r.summary[`mmr@0/${metric}`],
});

/** "Along the diversity-weight sweep, Precision falls by a larger share than `metric`", on `config`'s data. */
function sweepFinding(id: string, claim: string, metric: string, extra: Partial<Finding> = {}): Finding {
  const values = { precision: { reading: sweepDrop(0.3, 'precision') }, other: { reading: sweepDrop(0.3, metric) } };
  return oneRun(id, claim, values, { a: 'precision', op: '>', b: 'other' }, extra);
}

/**
 * The strategy arena's test inside one run: a consumption-aware list's accuracy minus the MMR diversity-weight line's
 * at the list's own ILD@10 (linear between the sweep's non-dominated points; see experiment/frontGap). Positive: the
 * reformulated list beats balancing accuracy against diversity by a weight, on the same scores.
 */
const aboveMmr = (list: string, metric: string): Reading => ({
  what: `summary ${list}/${metric} − the MMR sweep's front (mmr@w/ild, mmr@w/${metric}) at ${list}/ild`,
  read: (r) => {
    const front = upperFront(DIVERSITY_WEIGHTS.map((w) => ({ x: r.summary[sweepKey(w, 'ild')], y: r.summary[sweepKey(w, metric)] })));
    return gapToFront(front, { x: r.summary[`${list}/ild`], y: r.summary[`${list}/${metric}`] }).gap;
  },
});

/** "`list` lies above the MMR line under `metric`" (gap > 0), with both ILDs for the record. */
function vsMmr(id: string, claim: string, list: string, metric: string, op: Relation['op'] = '>'): Finding {
  const values = {
    gap: { reading: aboveMmr(list, metric) },
    listIld: { reading: fromSummary(`${list}/ild`) },
    listAccuracy: { reading: fromSummary(`${list}/${metric}`) },
  };
  return oneRun(`arena-${id}`, claim, values, { a: 'gap', op, b: 0 }, {});
}

/**
 * The protocols and taste models on real data (issue 12, point 3). Declared after an exploratory grid over
 * protocol × types × taste source on both datasets (3 seeds each; the closing note of issue 12 has the table), to
 * record what it showed — both the wins and the losses — as re-runnable numbers.
 */
function onReal(data: RealDatasetName, id: string, claim: string, config: Record<string, unknown>, list: string, metric: string, op: Relation['op'], within?: number): Finding {
  return vsTop(`${data === 'ml-100k' ? 'ml100k' : 'mlsmall'}-${id}`, claim, list, metric, op, {
    config: { ...TRAINED, ...config },
    realData: data,
    ...(op === '≈' ? { expect: { a: 'aware', op, b: 'top', within } } : {}),
  });
}

export const consumptionFindings = defineFindings('consumption', [
  // Declared first as gap > 0 on all three (the arena's "reformulating beats balancing"), then measured: HR@10 held on
  // the mean and on 2 of 3 seeds (a small gap, about its sd); U₂ held, but the c = 2 list is less diverse than the
  // top 10, so it lies left of the MMR line's range (a different trade, not a win at equal diversity) and the claim
  // now says so; Precision@10 did not hold on any seed, so that finding states the loss.
  vsMmr('hr-c1', 'The consumption-aware list for c = 1 lies above the MMR diversity-weight line under HR@10 at its own diversity, by a gap about the size of its seed-to-seed spread', 'c1', 'hit'),
  {
    ...vsMmr('u2-c2', 'The consumption-aware list for c = 2 has a higher U₂ than any MMR diversity weight on the same scores, at a lower ILD@10 than the top 10: off the MMR line, not above it at equal diversity', 'c2', 'consumption@2'),
    values: {
      gap: { reading: aboveMmr('c2', 'consumption@2') },
      listIld: { reading: fromSummary('c2/ild') },
      topIld: { reading: fromSummary('topN/ild') },
    },
  },
  vsMmr('precision-c1', 'Under Precision@10 the consumption-aware list for c = 1 lies below the MMR diversity-weight line at its own diversity: there, balancing by a weight wins', 'c1', 'precision', '<'),
  vsTop('u2-c2', 'The consumption-aware list for c = 2 beats the top 10 on U₂', 'c2', 'consumption@2', '>', { quick: QUICK }),
  vsTop('u3-c3', 'The consumption-aware list for c = 3 beats the top 10 on U₃', 'c3', 'consumption@3', '>', { quick: QUICK }),
  // A tie, declared as one: within 0.02 HR@10 (two points; the top 10's seed-to-seed sd is about 0.005–0.01).
  // First declared as '>' and then '>=': the list was ahead on 1 of 3 seeds only, so "beats" was not supported.
  vsTop('hr-c1', 'For c = 1 the consumption-aware list ties the top 10 on HR@10 (= U₁): within 0.02 on every seed', 'c1', 'hit', '≈', { expect: { a: 'aware', op: '≈', b: 'top', within: 0.02 } }),
  vsTop('precision-c2', 'The c = 2 list loses Precision@10 to the top 10', 'c2', 'precision', '<'),
  vsTop('precision-c3', 'The c = 3 list loses Precision@10 to the top 10', 'c3', 'precision', '<'),
  vsTop('truth-c3', 'The c = 3 list’s genre mix is closer to the users’ true tastes (Jensen–Shannon)', 'c3', 'truthDistance', '<'),
  vsTop('ild-c3', 'The c = 3 list has a lower genre ILD than the top 10', 'c3', 'ild', '<'),
  {
    id: 'consumption.history-estimate',
    labId: 'consumption',
    claim: "The raw history's genre mix is farther from the true tastes than history above the base rate",
    config: TRAINED,
    arms: { lift: { tasteSource: 'history-lift' }, history: { tasteSource: 'history' } },
    seeds: SEEDS,
    values: { history: { arm: 'history', reading: fromSummary('estimate/truth') }, lift: { arm: 'lift', reading: fromSummary('estimate/truth') } },
    expect: { a: 'history', op: '>', b: 'lift' },
  },
  vsTop('history-hr-c1', "With tastes from the raw history, the c = 1 list loses HR@10 to the top 10", 'c1', 'hit', '<', {
    config: { ...TRAINED, tasteSource: 'history' },
  }),
  vsTop('truth-precision-c3', 'With the true tastes (an oracle), the c = 3 list wins Precision@10 too', 'c3', 'precision', '>', {
    config: { ...TRAINED, tasteSource: 'truth' },
  }),
  // The premise as a protocol: each user's held-out items from ONE taste (a mood), on synthetic data.
  {
    id: 'consumption.mood-lead',
    labId: 'consumption',
    claim: "When a user's held-out items come from one taste (the 'mood' protocol), the c = 3 list's lead over the top 10 on U₃ is larger than under a random 20%",
    config: TRAINED,
    arms: { mood: { protocol: 'mood' }, random: { protocol: 'random' } },
    seeds: SEEDS,
    values: { mood: { arm: 'mood', reading: lead('c3', 'consumption@3') }, random: { arm: 'random', reading: lead('c3', 'consumption@3') } },
    expect: { a: 'mood', op: '>', b: 'random' },
  },
  vsTop('mood-truth-hr-c1', "Under the 'mood' protocol with the true tastes (an oracle), the c = 1 list beats the top 10 on HR@10 by a wide margin", 'c1', 'hit', '>', {
    config: { ...TRAINED, protocol: 'mood', tasteSource: 'truth' },
  }),
  vsTop('model-tastes-u2-c2', "With tastes from the model's own softmax, the c = 2 list loses U₂ to the top 10 (the softmax's genre mix is not the user's)", 'c2', 'consumption@2', '<', {
    config: { ...TRAINED, tasteSource: 'model' },
  }),
  sweepFinding('sweep-precision-hr', 'A hand-set diversity weight (MMR, w = 0.3) costs Precision@10 a larger share than HR@10: the trade-off is steeper under the metric that assumes all 10 are consumed', 'hit'),
  sweepFinding('sweep-precision-u2', 'A hand-set diversity weight (MMR, w = 0.3) costs Precision@10 a larger share than U₂', 'consumption@2'),
  sweepFinding('ml100k-sweep-precision-hr', 'MovieLens-100K: a hand-set diversity weight (MMR, w = 0.3) costs Precision@10 a larger share than HR@10', 'hit', { realData: 'ml-100k' }),
  // Real data: MovieLens-100K and ml-latest-small (ratings ≥ 4 as clicks), not shipped.
  onReal('ml-100k', 'random-u2-c2', 'MovieLens-100K, random 20%: the c = 2 list loses U₂ — the utility it is built for — to the top 10', {}, 'c2', 'consumption@2', '<'),
  onReal('ml-100k', 'temporal-u3-c3', 'MovieLens-100K, latest 20% by time: the c = 3 list ties the top 10 on U₃ (within 0.01)', { protocol: 'temporal' }, 'c3', 'consumption@3', '≈', 0.01),
  onReal('ml-100k', 'temporal-oracle-u3-c3', 'MovieLens-100K, latest 20% by time, r_i calibrated against the held-out hits (an oracle): the c = 3 list beats the top 10 on U₃', { protocol: 'temporal', calibration: 'oracle' }, 'c3', 'consumption@3', '>'),
  onReal('ml-100k', 'random-oracle-u2-c2', 'MovieLens-100K, random 20%, r_i calibrated against the held-out hits (an oracle): the c = 2 list still loses U₂', { calibration: 'oracle' }, 'c2', 'consumption@2', '<'),
  onReal('ml-100k', 'clusters-u2-c2', 'MovieLens-100K, random 20%, clusters of item vectors as types with the model’s tastes: the c = 2 list loses U₂', { typeSource: 'clusters', tasteSource: 'model' }, 'c2', 'consumption@2', '<'),
  onReal('ml-latest-small', 'random-u2-c2', 'ml-latest-small, random 20%: the c = 2 list beats the top 10 on U₂', {}, 'c2', 'consumption@2', '>'),
  onReal('ml-latest-small', 'random-u3-c3', 'ml-latest-small, random 20%: the c = 3 list beats the top 10 on U₃', {}, 'c3', 'consumption@3', '>'),
  onReal('ml-latest-small', 'session-hr-c1', "ml-latest-small, each user's last session held out: the c = 1 list beats the top 10 on HR@10", { protocol: 'session' }, 'c1', 'hit', '>'),
  onReal('ml-latest-small', 'clusters-u2-c2', 'ml-latest-small, random 20%, clusters of item vectors as types with the model’s tastes: the c = 2 list loses U₂', { typeSource: 'clusters', tasteSource: 'model' }, 'c2', 'consumption@2', '<'),
  {
    id: 'consumption.ml100k-forecast',
    labId: 'consumption',
    claim: "MovieLens-100K, random 20%: the model's own forecast of its top 10's Precision@10 (Σ r_i / 10) is above the measured Precision@10 — r_i is over-confident",
    config: TRAINED,
    realData: 'ml-100k',
    seeds: SEEDS,
    values: { forecast: { reading: fromSummary('expected/topN') }, measured: { reading: fromSummary('topN/precision') } },
    expect: { a: 'forecast', op: '>', b: 'measured' },
  },
]);
