// Where each model errs: the user attribute × item attribute calibration grid, and the seen-often / rarely / never split.
import type { Dataset } from '../../data/dataset';
import { auc, logLoss } from '../../metrics/classification';
import { TEST, TRAIN, type ClickTask } from './clickTask';
import { MODELS, type ModelId } from './config';
import type { FeatureSpace } from './features';

/** Test probabilities of each model (and the truth on synthetic worlds), aligned with the task's impressions. */
export type Predictions = Record<ModelId, Float64Array> & { bayes?: Float64Array };

/** The grid: rows = user attribute values, columns = one item attribute's values; cells row-major. */
export interface ErrorGridArtifact {
  /** The item attribute of the columns (the planted relation on synthetic worlds). */
  itemField: string;
  rows: string[];
  columns: string[];
  /** Test impressions and clicks per cell (an impression counts in every cell its user and item belong to). */
  impressions: number[];
  clicks: number[];
  /** Mean predicted click probability per cell and model (0 where the cell has no impressions). */
  predicted: Record<ModelId, number[]>;
  /** Mean true click probability per cell (synthetic worlds), else null. */
  truth: number[] | null;
  /** Indices of the planted exception cells. */
  planted: number[];
}

/** The item field whose values form the grid's columns: the planted exceptions' relation, else the one with most values. */
export function gridField(space: FeatureSpace, data: Dataset): number {
  const ex = data.groundTruth?.exceptions[0];
  const items = space.fields.map((f, k) => ({ f, k })).filter(({ f }) => f.side === 'item' && !f.isId);
  if (ex && data.attributes) {
    const name = data.attributes.relationNames[ex.relation];
    const hit = items.find(({ f }) => f.name === name);
    if (hit) return hit.k;
  }
  return items.reduce((best, c) => (best < 0 || c.f.values.length > space.fields[best].values.length ? c.k : best), -1);
}

/** The calibration grid over the test impressions. */
export function errorGrid(space: FeatureSpace, task: ClickTask, preds: Predictions, field: number, planted: readonly number[]): ErrorGridArtifact {
  const userAttrFields = space.fields.filter((f) => f.side === 'user' && !f.isId);
  const rowFeatures = userAttrFields.flatMap((f) => f.values.map((_, v) => f.offset + v));
  const rowOf = new Map(rowFeatures.map((f, r) => [f, r]));
  const col = space.fields[field];
  const C = col.values.length;
  const cells = rowFeatures.length * C;
  const impressions = new Array<number>(cells).fill(0);
  const clicks = new Array<number>(cells).fill(0);
  const sums = Object.fromEntries(MODELS.map((m) => [m, new Array<number>(cells).fill(0)])) as Record<ModelId, number[]>;
  const truth = preds.bayes ? new Array<number>(cells).fill(0) : null;
  for (let k = 0; k < task.user.length; k++) {
    if (task.part[k] !== TEST) continue;
    for (const f of space.userAttrs[task.user[k]]) {
      const r = rowOf.get(f);
      if (r === undefined) continue;
      for (const a of space.itemAttrs[task.item[k]]) {
        if (a < col.offset || a >= col.offset + C) continue;
        const cell = r * C + (a - col.offset);
        impressions[cell]++;
        clicks[cell] += task.label[k];
        for (const m of MODELS) sums[m][cell] += preds[m][k];
        if (truth && preds.bayes) truth[cell] += preds.bayes[k];
      }
    }
  }
  const mean = (s: number[]) => s.map((v, c) => (impressions[c] ? v / impressions[c] : 0));
  const plantedCells = planted
    .map((key) => {
      const f = Math.floor(key / space.size);
      const a = key - f * space.size;
      const r = rowOf.get(f);
      return r === undefined || a < col.offset || a >= col.offset + C ? -1 : r * C + (a - col.offset);
    })
    .filter((c) => c >= 0);
  return {
    itemField: col.name,
    rows: rowFeatures.map((f) => space.names[f]),
    columns: [...col.values],
    impressions,
    clicks,
    predicted: Object.fromEntries(MODELS.map((m) => [m, mean(sums[m])])) as Record<ModelId, number[]>,
    truth: truth ? mean(truth) : null,
    planted: plantedCells,
  };
}

/** Buckets of the memorisation split: how often training showed this item to a user of this profile. */
export const SPLIT_BUCKETS = [
  { id: 'often', label: 'seen often (≥ 10 training impressions)', min: 10 },
  { id: 'rarely', label: 'seen rarely (1–9)', min: 1 },
  { id: 'never', label: 'never seen (0)', min: 0 },
] as const;
export type SplitBucket = (typeof SPLIT_BUCKETS)[number]['id'];

export interface SplitArtifact {
  /** What a "pair" is, in words. */
  pair: string;
  buckets: { id: SplitBucket; label: string; impressions: number; clicks: number; auc: Record<string, number>; logloss: Record<string, number> }[];
}

/**
 * The memorisation vs generalisation split of the test impressions: how often training showed this very item to a
 * user with the same attribute profile (every user attribute, e.g. age=young & region=north). Often = the pair can be
 * memorised; never = only generalisation can score it.
 */
export function memorisationSplit(space: FeatureSpace, task: ClickTask, preds: Predictions): SplitArtifact {
  const profile = (u: number) => Array.from(space.userAttrs[u]).join(',');
  const seen = new Map<string, number>();
  for (let k = 0; k < task.user.length; k++) {
    if (task.part[k] !== TRAIN) continue;
    const key = `${profile(task.user[k])}|${task.item[k]}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const bucketOf = new Int8Array(task.user.length).fill(-1);
  for (let k = 0; k < task.user.length; k++) {
    if (task.part[k] !== TEST) continue;
    const n = seen.get(`${profile(task.user[k])}|${task.item[k]}`) ?? 0;
    bucketOf[k] = SPLIT_BUCKETS.findIndex((b) => n >= b.min);
  }
  const models = [...MODELS, ...(preds.bayes ? (['bayes'] as const) : [])];
  return {
    pair: 'user profile (every user attribute) × item',
    buckets: SPLIT_BUCKETS.map((b, j) => {
      const keep = (k: number) => bucketOf[k] === j;
      let impressions = 0;
      let clicks = 0;
      for (let k = 0; k < task.user.length; k++) if (keep(k)) (impressions++, (clicks += task.label[k]));
      const of = (m: ModelId | 'bayes') => preds[m] as Float64Array;
      return {
        id: b.id,
        label: b.label,
        impressions,
        clicks,
        auc: Object.fromEntries(models.map((m) => [m, auc(of(m), task.label, keep)])),
        logloss: Object.fromEntries(models.map((m) => [m, logLoss(of(m), task.label, keep)])),
      };
    }),
  };
}
