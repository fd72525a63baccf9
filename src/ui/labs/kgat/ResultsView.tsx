// Every model's test scores: what it is (layers, attention, graph), the epoch it kept (best validation Recall@20), its
// test Recall@20 and NDCG@20, NDCG@20 as KGAT's official code computes it, and its size.
import { memo } from 'react';
import type { KgatArtifacts } from '../../../core/labs/kgat/artifacts';
import { colorOf, int, labelOf, num } from './format';

const yesNo = (v: boolean) => (v ? 'yes' : 'no');

export const ResultsView = memo(function ResultsView({ m }: { m: KgatArtifacts['models'] }) {
  const k = m.k;
  const done = m.rows.every((r) => r.test !== null);
  return (
    <div className="kg-section" data-testid="kgat-results" data-done={done ? 'true' : 'false'}>
      <h3>Results on test</h3>
      <p className="small muted">
        The graph: {int(m.graph.nodes)} nodes (users, items, attribute entities), {int(m.graph.edges)} edges over {m.graph.relations.length} relations (
        {m.graph.relations.join(', ')}).
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Results on test (scrolls sideways)">
        <table className="results-table kg-table">
          <thead>
            <tr>
              <th scope="col">model</th>
              <th scope="col">layers L</th>
              <th scope="col">attention</th>
              <th scope="col">knowledge graph</th>
              <th scope="col">kept epoch</th>
              <th scope="col">valid Recall@{k}</th>
              <th scope="col">test Recall@{k} ↑</th>
              <th scope="col">test NDCG@{k} ↑</th>
              <th scope="col">NDCG@{k} as KGAT’s code computes it</th>
              <th scope="col">parameters</th>
            </tr>
          </thead>
          <tbody>
            {m.rows.map((r) => (
              <tr key={r.id} data-testid="kgat-result-row" data-model={r.id}>
                <th scope="row">
                  <span className="kg-swatch" style={{ background: colorOf(r.id, r.layers) }} aria-hidden="true" /> {labelOf(r.id, r.label)}
                </th>
                <td>{r.layers === 0 ? '0 (none)' : r.layers}</td>
                <td>{yesNo(r.attention)}</td>
                <td>{yesNo(r.knowledge)}</td>
                <td>{r.bestEpoch > 0 ? r.bestEpoch : '—'}</td>
                <td>{num(r.validRecall)}</td>
                <td data-testid="kgat-test-recall">{r.test ? num(r.test.recall) : '…'}</td>
                <td data-testid="kgat-test-ndcg">{r.test ? num(r.test.ndcg) : '…'}</td>
                <td className="muted">{r.test ? num(r.test.kgatCodeNdcg) : '…'}</td>
                <td>{int(r.params)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {done ? null : (
        <p className="small" data-testid="kgat-results-pending">
          The test scores appear when the run ends: each model is scored once on test, with the weights of its best validation epoch (it is never selected on test).
        </p>
      )}
      <p className="small muted" data-testid="kgat-ndcg-note">
        Each model keeps the epoch of its best validation Recall@{k}. NDCG@{k} is the standard one, used everywhere else in these labs: the ideal DCG puts all of
        the user’s test items at the top. KGAT’s official code builds the ideal DCG from the hits inside the retrieved top {k} only, so any hit looks closer to
        ideal and NDCG comes out higher; that column is there to compare with the paper, not to rank models.
      </p>
    </div>
  );
});
