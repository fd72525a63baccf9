// Per task family: the unified model against the per-task model (and the plain one for next item) on the family's
// metrics, seen templates beside the held-out one — a table and a bar chart of the headline metric per family.
import { memo } from 'react';
import type { P5Artifacts } from '../../../core/labs/p5/artifacts';
import { FAMILY_LABELS, referenceLabel } from '../../../core/labs/p5/config';
import type { P5Family } from '../../../core/p5/templates';
import { FamilyChart } from './FamilyChart';
import { betterOf, FAMILY_METRICS, int, metricName, modelsOf, num } from './format';

const arrow = (metric: string) => (betterOf(metric) === 'lower' ? '↓' : '↑');

function FamilyTable({ m, family }: { m: P5Artifacts['models']; family: P5Family }) {
  const metrics = FAMILY_METRICS[family];
  const rows = modelsOf(m.rows, family);
  const popularity = m.popularity?.[family];
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={`${FAMILY_LABELS[family]}: test scores (scrolls sideways)`}>
      <table className="results-table p5-table" data-testid="p5-family-table" data-family={family}>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              model
            </th>
            {metrics.map((k) => (
              <th scope="colgroup" colSpan={2} key={k}>
                test {metricName(k)} {arrow(k)}
              </th>
            ))}
            <th scope="col" rowSpan={2}>
              parameters
            </th>
          </tr>
          <tr>
            {metrics.map((k) => [
              <th scope="col" key={`${k}-s`}>
                seen
              </th>,
              <th scope="col" key={`${k}-h`}>
                held out
              </th>,
            ])}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const t = r.test![family]!;
            return (
              <tr key={r.id} data-testid="p5-result-row" data-model={r.id} data-family={family}>
                <th scope="row">
                  <span className={`p5-swatch p5-${r.id.split(':')[0]}`} aria-hidden="true" /> {r.label}
                </th>
                {metrics.map((k) => [
                  <td key={`${k}-s`} data-testid="p5-score" data-metric={k} data-split="seen">
                    {num(t.seen[k])}
                  </td>,
                  <td key={`${k}-h`} data-testid={t.unseen ? 'p5-score' : undefined} data-metric={k} data-split="held-out" className={t.unseen ? undefined : 'muted'}>
                    {t.unseen ? num(t.unseen[k]) : 'no template'}
                  </td>,
                ])}
                <td>{int(r.params)}</td>
              </tr>
            );
          })}
          {popularity ? (
            <tr data-testid="p5-popularity-row" data-family={family}>
              <th scope="row">
                <span className="p5-swatch p5-popularity" aria-hidden="true" /> {referenceLabel(family)}
              </th>
              {metrics.map((k) => [
                <td key={`${k}-s`} data-metric={k} data-split="seen">
                  {num(popularity[k])}
                </td>,
                <td key={`${k}-h`} className="muted">
                  no template
                </td>,
              ])}
              <td className="muted">none</td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

export const ResultsView = memo(function ResultsView({ m }: { m: P5Artifacts['models'] }) {
  const families = m.families.filter((f) => modelsOf(m.rows, f).length > 0);
  return (
    <div className="p5-section" data-testid="p5-results">
      <p className="small muted">
        “Seen” is the mean over the three templates each model trained on; “held out” is the fourth phrasing of the same task, never trained on. Every model
        here has the same size and the same initial weights; the per-task model trains on exactly the batches of its family that the unified one sees.
        {m.families.includes('rating') ? '' : ' This dataset has no ratings, so there is no rating task.'}
      </p>
      {families.map((f) => (
        <div className="p5-family" key={f} data-testid="p5-family" data-family={f}>
          <h3>{FAMILY_LABELS[f]}</h3>
          <FamilyTable m={m} family={f} />
          <FamilyChart rows={m.rows} family={f} popularity={m.popularity?.[f]} />
        </div>
      ))}
      {m.families.includes('sequential') ? (
        <p className="small muted">
          The plain sequential model reads only the history’s items, with no template words, so it has one score and no held-out phrasing: it shows what the
          words add. Popularity ranks every candidate by how often it was trained on, the same for every user (for ratings: the mean training rating for everyone): the floor a model has to clear.
        </p>
      ) : null}
    </div>
  );
});
