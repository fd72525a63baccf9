// Cross-product features of the wide part: AND(user attribute, item attribute), chosen none / planted / top-N / all.
import type { Dataset } from '../../data/dataset';
import { ErrorCode, LabError } from '../../errors';
import { heartbeat } from '../../heartbeat';
import { TRAIN, type ClickTask } from './clickTask';
import type { CrossChoice } from './config';
import type { FeatureSpace } from './features';

/** A cross as one number: userFeature · size + itemFeature (both global features). */
export function crossKey(space: FeatureSpace, userFeature: number, itemFeature: number): number {
  return userFeature * space.size + itemFeature;
}

/** One candidate cross with its training counts and its G statistic. */
export interface CrossStat {
  key: number;
  userFeature: number;
  itemFeature: number;
  impressions: number;
  clicks: number;
  /** Expected clicks if the two attributes acted separately, on the odds scale (see {@link expectedClicks}). */
  expected: number;
  g: number;
}

/**
 * The clicks a cell of n impressions would get if its user attribute and item attribute acted separately on the odds of
 * a click, as the wide part's weights act on its logit: odds = odds_user · odds_item / odds_all, where each odds is
 * r / (1 − r) of that attribute's training click rate; expected clicks = n · odds / (1 + odds), always inside [0, n].
 */
export function expectedClicks(n: number, rUser: number, rItem: number, rAll: number): number {
  const odds = (r: number) => r / (1 - r);
  if (rUser <= 0 || rItem <= 0 || rAll <= 0) return 0;
  if (rUser >= 1 || rItem >= 1 || rAll >= 1) return rUser >= 1 || rItem >= 1 ? n : 0;
  const o = (odds(rUser) * odds(rItem)) / odds(rAll);
  return (n * o) / (1 + o);
}

/**
 * G-test of one cell: G = 2 [c ln(c/e) + (n − c) ln((n − c)/(n − e))], with c of n impressions clicked and e the
 * clicks expected from the two attributes' own click rates (e clipped into (0, n)). Large G = the pair behaves
 * unlike its parts: what a cross can memorise and the parts cannot.
 */
export function gStatistic(n: number, c: number, e: number): number {
  const ee = Math.min(Math.max(e, 1e-9), n - 1e-9);
  const term = (obs: number, exp: number) => (obs > 0 ? obs * Math.log(obs / exp) : 0);
  return 2 * (term(c, ee) + term(n - c, n - ee));
}

/** Every user-attribute × item-attribute pair seen in training, with its counts and G, sorted by G (largest first). */
export function crossStats(space: FeatureSpace, task: ClickTask): CrossStat[] {
  const cells = new Map<number, [number, number]>();
  const featN = new Float64Array(space.size);
  const featC = new Float64Array(space.size);
  let total = 0;
  let clicks = 0;
  for (let k = 0; k < task.user.length; k++) {
    if ((k & 4095) === 0) heartbeat();
    if (task.part[k] !== TRAIN) continue;
    const y = task.label[k];
    total++;
    clicks += y;
    const ua = space.userAttrs[task.user[k]];
    const ia = space.itemAttrs[task.item[k]];
    for (const f of ua) {
      featN[f]++;
      featC[f] += y;
    }
    for (const a of ia) {
      featN[a]++;
      featC[a] += y;
    }
    for (const f of ua) {
      for (const a of ia) {
        const key = crossKey(space, f, a);
        const cell = cells.get(key);
        if (cell) {
          cell[0]++;
          cell[1] += y;
        } else cells.set(key, [1, y]);
      }
    }
  }
  const rate = clicks / Math.max(1, total);
  const out: CrossStat[] = [];
  for (const [key, [n, c]] of cells) {
    const userFeature = Math.floor(key / space.size);
    const itemFeature = key - userFeature * space.size;
    const expected = expectedClicks(n, featC[userFeature] / featN[userFeature], featC[itemFeature] / featN[itemFeature], rate);
    out.push({ key, userFeature, itemFeature, impressions: n, clicks: c, expected, g: gStatistic(n, c, expected) });
  }
  return out.sort((p, q) => q.g - p.g || p.key - q.key);
}

/** The planted exceptions (user feature × creator) as crosses; an error on data without them. */
export function plantedCrosses(space: FeatureSpace, data: Dataset): number[] {
  const ex = data.groundTruth?.exceptions ?? [];
  if (ex.length === 0) {
    throw new LabError(ErrorCode.InvalidConfigValue, `'crosses' = planted needs a synthetic world with planted exceptions; ${data.name} has none: choose top or all`);
  }
  const keys: number[] = [];
  for (const e of ex) {
    const a = space.relationFeature(e.relation, e.entity);
    if (a !== undefined) keys.push(crossKey(space, space.userFeatureIndex[e.userFeature], a));
  }
  return keys;
}

/** The crosses the wide part gets: their keys in weight order. */
export function chooseCrosses(choice: CrossChoice, topN: number, stats: readonly CrossStat[], space: FeatureSpace, data: Dataset): number[] {
  if (choice === 'none') return [];
  if (choice === 'planted') return plantedCrosses(space, data);
  if (choice === 'all') return stats.map((s) => s.key);
  return stats.slice(0, topN).map((s) => s.key);
}

/** Cross key → its index among the chosen crosses. */
export function crossIndex(keys: readonly number[]): Map<number, number> {
  return new Map(keys.map((k, j) => [k, j]));
}
