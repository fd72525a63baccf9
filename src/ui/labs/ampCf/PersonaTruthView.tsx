// Over all users of a synthetic world: do the personas follow the tastes the users were drawn from?
import { memo } from 'react';
import type { PersonaTruthArtifact } from '../../../core/labs/ampCf/personaTruth';
import { MODEL_COLORS, num } from './palette';

export const PersonaTruthView = memo(function PersonaTruthView({ truth }: { truth: PersonaTruthArtifact }) {
  const gain = truth.purity - truth.chancePurity;
  const bars = [
    { label: `AMP-CF personas (P = ${truth.personas})`, value: truth.purity, color: MODEL_COLORS.amp },
    { label: 'chance (same persona sizes)', value: truth.chancePurity, color: '#98a2b3' },
    { label: 'one persona (MF): majority share', value: truth.majorityShare, color: MODEL_COLORS.mf },
  ];
  return (
    <div className="ampcf-truth" data-testid="ampcf-truth">
      <h4>Do personas follow the true tastes? (all users)</h4>
      <p className="small">
        Over the {truth.users} users with at least 2 true tastes ({truth.items} history items), each item goes to its p*. Persona purity is{' '}
        <strong>{num(truth.purity)}</strong>, against {num(truth.chancePurity)} by chance ({gain >= 0 ? '+' : '−'}
        {num(Math.abs(gain))}) and {num(truth.majorityShare)} for a single persona. Users use {truth.personasUsed.toFixed(2)} of {truth.personas} personas on average.
      </p>
      <figure className="ampcf-meters" aria-label="Persona purity, 0 to 1, higher = personas follow tastes">
        <figcaption className="small muted">purity (share of items, 0–1; ↑ higher = personas follow tastes)</figcaption>
        {bars.map((b) => (
          <div key={b.label} className="ampcf-meter">
            <span className="ampcf-meter-label">{b.label}</span>
            <span className="ampcf-meter-track">
              <span style={{ width: `${Math.max(0, Math.min(1, b.value)) * 100}%`, background: b.color }} />
            </span>
            <span className="ampcf-meter-value">{num(b.value)}</span>
          </div>
        ))}
      </figure>
      <p className="small muted">{truth.definition}</p>
    </div>
  );
});
