// Model sizes and what the wide part was given: parameters, the wide weights FTRL left non-zero, the crosses, the blend.
import { memo } from 'react';
import type { ModelsArtifact } from '../../../core/labs/wideDeep/artifacts';
import { MODELS } from '../../../core/labs/wideDeep/config';
import { int, MODEL_COLORS, MODEL_LABELS, num } from './format';

const ROLE: Record<(typeof MODELS)[number], string> = {
  wide: 'logistic regression on one-hot features + crosses (FTRL, L1)',
  deep: 'embeddings → ReLU MLP (Adam)',
  joint: 'wide + deep logits under one sigmoid, trained together',
  ensemble: 'wide and deep trained apart, blended on validation',
};

export const ModelsView = memo(function ModelsView({ m }: { m: ModelsArtifact }) {
  const nonzero = (id: string) => (id === 'wide' ? int(m.nonzeroWide.wide) : id === 'joint' ? int(m.nonzeroWide.joint) : id === 'ensemble' ? `${int(m.nonzeroWide.wide)} (its wide model’s)` : '—');
  const sign = (v: number) => (v < 0 ? `− ${Math.abs(v).toFixed(3)}` : `+ ${v.toFixed(3)}`);
  return (
    <div className="wd-section" data-testid="wd-models">
      <h3>Model sizes and the wide part’s crosses</h3>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Model sizes (scrolls sideways)">
      <table className="results-table wd-table" data-testid="wd-sizes">
        <thead>
          <tr>
            <th scope="col">model</th>
            <th scope="col">parameters</th>
            <th scope="col">non-zero wide weights</th>
            <th scope="col" className="wd-left">what it is</th>
          </tr>
        </thead>
        <tbody>
          {MODELS.map((id) => (
            <tr key={id}>
              <th scope="row">
                <span className="wd-swatch" style={{ background: MODEL_COLORS[id] }} aria-hidden="true" /> {MODEL_LABELS[id]}
              </th>
              <td data-testid={`wd-params-${id}`}>{int(m.params[id])}</td>
              <td>{nonzero(id)}</td>
              <td className="wd-left wd-wrap">{ROLE[id]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      <p className="small muted">
        FTRL’s L1 keeps a wide weight at exactly 0 until its features’ accumulated error is large enough, so “non-zero” counts the weights the wide part actually uses.
      </p>
      <p className="small" data-testid="wd-blend">
        The ensemble’s blend, fitted on the validation impressions: ℓ<sub>ensemble</sub> = {m.blend.a.toFixed(3)}·ℓ<sub>wide</sub> {sign(m.blend.b)}·ℓ<sub>deep</sub>{' '}
        {sign(m.blend.c)} <span className="muted">(ℓ = logit; the click probability is σ(ℓ))</span>
      </p>
      {m.crossCount ? (
        <>
          <p className="small">
            The wide part got <strong>{int(m.crossCount)}</strong> cross{m.crossCount === 1 ? '' : 'es'} (user attribute AND item attribute)
            {m.crossCount > m.crosses.length ? `; the first ${m.crosses.length} are listed` : ''}. G is the G-test statistic of the cell’s training clicks against what its two
            attributes predict alone (larger = a stronger exception).
          </p>
          <div className="table-scroll wd-crosses" tabIndex={0} role="region" aria-label="The wide part’s crosses (scrolls)">
            <table className="results-table wd-table" data-testid="wd-crosses">
              <thead>
                <tr>
                  <th scope="col">cross</th>
                  <th scope="col">training impressions</th>
                  <th scope="col">clicks</th>
                  <th scope="col">expected clicks</th>
                  <th scope="col">G</th>
                  <th scope="col">planted</th>
                </tr>
              </thead>
              <tbody>
                {m.crosses.map((c) => (
                  <tr key={c.name} className={c.planted ? 'wd-row-planted' : undefined}>
                    <th scope="row" className="wd-left">
                      {c.name}
                    </th>
                    <td>{int(c.impressions)}</td>
                    <td>{int(c.clicks)}</td>
                    <td>{num(c.expected, 1)}</td>
                    <td>{num(c.g, 2)}</td>
                    <td>{c.planted ? <span aria-label="planted">✓</span> : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p className="small muted" data-testid="wd-no-crosses">
          The wide part got no crosses (crosses = none, or none qualified): it sees only the one-hot features, so it cannot memorise an exception.
        </p>
      )}
    </div>
  );
});
