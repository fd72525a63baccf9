// The Mult-VAE lab's report tables (the CLI prints them under the summary), cells already formatted.
import type { RunResult } from '../../experiment/types';
import type { AccuracyDiversityPoint, ActivityBucket } from './artifacts';
import { mean, type UserScores } from './scoring';

type Table = NonNullable<RunResult<unknown>['tables']>[number];

const f3 = (x: number | null) => (x === null ? '—' : x.toFixed(3));

/** Test accuracy and diversity per method; then NDCG@100 per activity group. Higher is better in every column. */
export function testTables(scores: Record<string, UserScores>, labels: Record<string, string>, points: AccuracyDiversityPoint[], buckets: ActivityBucket[]): Table[] {
  const ids = Object.keys(scores);
  const byId = Object.fromEntries(points.map((p) => [p.id, p]));
  return [
    {
      title: 'Test users (higher is better)',
      columns: ['method', 'NDCG@100', 'Recall@20', 'Recall@50', 'ILD@10', 'coverage@10'],
      rows: ids.map((id) => [
        labels[id] ?? id,
        f3(mean(scores[id].ndcg100)),
        f3(mean(scores[id].recall20)),
        f3(mean(scores[id].recall50)),
        f3(byId[id]?.ild10 ?? null),
        f3(byId[id]?.coverage10 ?? null),
      ]),
    },
    {
      title: 'Test NDCG@100 by clicks fed in (higher is better)',
      columns: ['clicks fed in', 'users', ...ids.map((id) => labels[id] ?? id)],
      rows: buckets.map((b) => [b.label, String(b.users), ...ids.map((id) => f3(b.ndcg100[id]))]),
    },
  ];
}
