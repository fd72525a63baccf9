// The sequential task under each item-id mode: how often the test item's id is the history's largest + 1 (the leak
// Hua et al. found in P5's numbering), and the test scores of a model trained with those ids.
import { memo } from 'react';
import type { P5Artifacts } from '../../../core/labs/p5/artifacts';
import { num } from './format';

const METRICS = [
  ['hr@5', 'HR@5'],
  ['hr@10', 'HR@10'],
  ['ndcg@5', 'NDCG@5'],
  ['ndcg@10', 'NDCG@10'],
] as const;

export const IdModesView = memo(function IdModesView({ id }: { id: P5Artifacts['idModes'] }) {
  const done = id.rows.every((r) => r.scores !== null);
  return (
    <div className="p5-section" data-testid="p5-idmodes" data-done={done ? 'true' : 'false'}>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Item-id modes (scrolls sideways)">
        <table className="results-table p5-table">
          <thead>
            <tr>
              <th scope="col">item ids</th>
              <th scope="col">users scored</th>
              <th scope="col">test item’s id = history’s largest + 1</th>
              {METRICS.map(([, l]) => (
                <th scope="col" key={l}>
                  test {l} ↑
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {id.rows.map((r) => (
              <tr key={r.mode} data-testid="p5-idmode-row" data-mode={r.mode}>
                <th scope="row">{r.label}</th>
                <td>{r.scores ? r.users : '…'}</td>
                <td data-testid="p5-leak" title={`${r.leak.hits} of ${r.leak.users} users`}>
                  {`${(100 * r.leak.share).toFixed(1)}%`}
                </td>
                {METRICS.map(([k]) => (
                  <td key={k} data-testid="p5-idmode-score">
                    {r.scores ? num(r.scores[k]) : '…'}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {done ? null : <p className="small">The leak shares are counted before training; the scores appear when the run ends.</p>}
      <p className="small muted">
        Each row is a sequential model of the same size trained with those ids (atomic: the per-task sequential model), scored on the first seen template over
        the first users with a test item (ranking every item by the likelihood of its digits is slow). A leak share far above the others means the id alone
        gives the answer away.
      </p>
    </div>
  );
});
