// The memorisation split: AUC and log-loss of each model on test impressions whose pair training showed often,
// rarely or never.
import { memo } from 'react';
import { MODELS } from '../../../core/labs/wideDeep/config';
import type { SplitArtifact } from '../../../core/labs/wideDeep/grid';
import { int, MODEL_LABELS, num } from './format';

export const SplitView = memo(function SplitView({ split }: { split: SplitArtifact }) {
  const hasBayes = split.buckets.some((b) => 'bayes' in b.auc);
  const models = [...MODELS, ...(hasBayes ? (['bayes'] as const) : [])];
  const name = (m: string) => (m === 'bayes' ? 'true prob.' : MODEL_LABELS[m as keyof typeof MODEL_LABELS]);
  const best = (vals: Record<string, number>, higher: boolean) => {
    let bestM: string | null = null;
    for (const m of MODELS) {
      const v = vals[m];
      if (typeof v !== 'number' || !Number.isFinite(v)) continue;
      if (bestM === null || (higher ? v > vals[bestM] : v < vals[bestM])) bestM = m;
    }
    return bestM;
  };
  return (
    <div className="wd-section" data-testid="wd-split">
      <h3>Memorise or generalise? Test impressions by how often training saw the pair</h3>
      <p className="small muted">
        A pair is ({split.pair}): how many training impressions showed this very item to a user with the same attributes. Pairs seen often can be memorised;
        pairs never seen need generalisation. Bold: the best of the four models in a row{hasBayes ? ' (the true probability is the ceiling, not a model)' : ''}. “—” where a bucket is empty or has one class only.
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Memorisation split (scrolls sideways)">
        <table className="results-table wd-table" data-testid="wd-split-table">
          <thead>
            <tr>
              <th scope="col">bucket</th>
              <th scope="col">metric</th>
              <th scope="col">impressions</th>
              <th scope="col">clicks</th>
              {models.map((m) => (
                <th scope="col" key={m}>
                  {name(m)}
                </th>
              ))}
            </tr>
          </thead>
          {split.buckets.map((b) => {
            const bestAuc = best(b.auc, true);
            const bestLl = best(b.logloss, false);
            return (
              <tbody key={b.id} data-testid="wd-split-bucket" data-bucket={b.id}>
                <tr>
                  <th scope="rowgroup" rowSpan={2} className="wd-left">
                    {b.label}
                  </th>
                  <th scope="row">AUC ↑</th>
                  <td rowSpan={2}>{int(b.impressions)}</td>
                  <td rowSpan={2}>{int(b.clicks)}</td>
                  {models.map((m) => (
                    <td key={m}>{m === bestAuc ? <strong>{num(b.auc[m], 3)}</strong> : num(b.auc[m], 3)}</td>
                  ))}
                </tr>
                <tr>
                  <th scope="row">log-loss ↓</th>
                  {models.map((m) => (
                    <td key={m}>{m === bestLl ? <strong>{num(b.logloss[m], 3)}</strong> : num(b.logloss[m], 3)}</td>
                  ))}
                </tr>
              </tbody>
            );
          })}
        </table>
      </div>
      <p className="small muted">AUC: higher is better (0.5 = chance). Log-loss: nats per impression, lower is better.</p>
    </div>
  );
});
