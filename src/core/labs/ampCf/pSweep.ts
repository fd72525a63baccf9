// The P sweep: the final accuracy, taste distance, ILD and persona purity of AMP-CF for P = 1 … 6.
import type { Dataset, Interactions } from '../../data/dataset';
import type { EvalContext } from '../../experiment/evaluate';
import { evaluateModel } from '../../experiment/evaluateModel';
import type { Rng } from '../../random/rng';
import type { AmpCf } from '../../models/ampCf/model';
import { measurePersonaTruth } from './personaTruth';
import { ampCfRecommender } from '../../models/ampCf/recommender';

/** One P of the sweep, measured after training (directions: hit, ndcg, ild, purity higher = better; tasteDistance lower). */
export interface PSweepRow {
  personas: number;
  /** HR@10 on the held-out item (higher = better). */
  hit: number;
  /** NDCG@10 on the held-out item (higher = better). */
  ndcg: number;
  /** Mean JS (bits) between history and list genre mixes (lower = better calibrated). */
  tasteDistance: number;
  /** Mean genre intra-list diversity of the top 10 (higher = more varied lists). */
  ild: number;
  /** Persona purity w.r.t. the true tastes, and its chance level (synthetic data only; see personaTruth.ts). */
  purity?: number;
  chancePurity?: number;
}

/** The 'pSweep' artifact. */
export interface PSweepArtifact {
  /**
   * How the sweep was trained: 'interleaved' = every P took every step on the same batches as the main pair (same
   * initial item vectors, same negatives), so rows differ only in P. P = 1 and P = the lab's setting are the main pair.
   */
  schedule: 'interleaved';
  /** Epochs completed by every row (fewer than the setting if the run was stopped). */
  epochs: number;
  rows: PSweepRow[];
}

/** Measures one trained model for the sweep table. */
export async function sweepRow(
  model: AmpCf,
  heldOut: Interactions,
  evalCtx: EvalContext,
  train: Interactions,
  data: Dataset,
  rng: Rng,
): Promise<PSweepRow> {
  const m = await evaluateModel(ampCfRecommender(model, `amp-P${model.personas}`, `AMP-CF P=${model.personas}`), heldOut, evalCtx);
  const row: PSweepRow = { personas: model.personas, hit: m.hit, ndcg: m.ndcg, tasteDistance: m.tasteDistance, ild: m.ild };
  if (data.groundTruth) {
    const t = await measurePersonaTruth(model, train, data.groundTruth, data.itemGenres, data.genreNames.length, rng);
    if (t) {
      row.purity = t.purity;
      row.chancePurity = t.chancePurity;
    }
  }
  return row;
}

/** The sweep as a text table for the CLI report. */
export function sweepTable(a: PSweepArtifact): { title: string; columns: string[]; rows: string[][] } {
  const f = (v: number | undefined) => (v === undefined ? '–' : v.toFixed(4));
  return {
    title: `P sweep after ${a.epochs} epoch${a.epochs === 1 ? '' : 's'} (every P trained on the same batches)`,
    columns: ['P', 'HR@10 ↑', 'NDCG@10 ↑', 'taste distance ↓', 'ILD@10 ↑', 'persona purity ↑', 'chance purity'],
    rows: a.rows.map((r) => [String(r.personas), f(r.hit), f(r.ndcg), f(r.tasteDistance), f(r.ild), f(r.purity), f(r.chancePurity)]),
  };
}
