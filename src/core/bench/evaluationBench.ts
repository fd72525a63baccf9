// Times a full evaluation of the workshop dataset: top-10 over the whole catalogue for every user, then every metric.
import { weakSplit } from '../data/split';
import { builtinDataset } from '../data/synthetic';
import { evalContext, evaluateLists } from '../experiment/evaluate';
import { topKFromScores } from '../experiment/topK';
import { Rng } from '../random/rng';
import { median } from './timing';

export interface EvaluationBenchResult {
  label: string;
  users: number;
  items: number;
  /** Median ms of top-k selection alone, and of top-k plus every metric. */
  topKMs: number;
  totalMs: number;
  reps: number;
}

/**
 * Scores are random (the model is not what is timed): 1,000 × 1,700 floats, the seen items excluded, k = 10,
 * then `evaluateLists` with the whole suite. Median of `reps` after 2 warm-up runs.
 */
export function benchFullEvaluation(reps = 10, now: () => number = () => performance.now()): EvaluationBenchResult {
  const d = builtinDataset('workshop');
  const rng = new Rng(1);
  const { train, heldOut } = weakSplit(d.interactions, rng.fork('split'));
  const ctx = evalContext(train, d, 10);
  const users = Int32Array.from({ length: train.numUsers }, (_, u) => u);
  const scores = Float32Array.from({ length: users.length * train.numItems }, () => rng.float());
  const topK: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < reps + 2; i++) {
    const t0 = now();
    const lists = topKFromScores(scores, users, train.numItems, train, ctx.k);
    const t1 = now();
    evaluateLists(users, lists, heldOut, ctx);
    const t2 = now();
    if (i >= 2) {
      topK.push(t1 - t0);
      total.push(t2 - t0);
    }
  }
  return { label: 'full evaluation, workshop (1,000 users × 1,700 items, k = 10)', users: users.length, items: train.numItems, topKMs: median(topK), totalMs: median(total), reps };
}
