// The AMP-CF lab's explanation panel: one user's personas and both models' lists (after every epoch), then, for all
// users, how personas line up with the true tastes and what each P gives. Drawn from the run's artifacts.
import { memo, useMemo } from 'react';
import { artifactOf } from '../../../core/experiment/types';
import { ampCfLab } from '../../../core/labs/ampCf';
import type { ExplanationArtifact } from '../../../core/labs/ampCf/explanation';
import { selectCurrentRun, selectIsActive } from '../../../state/selectors';
import { useLabStore } from '../../appStore';
import './ampCf.css';
import { GenreChips, shareList, type GenreIndex } from './GenreChips';
import { GenreHistogram } from './GenreHistogram';
import { PersonaCards } from './PersonaCards';
import { PersonaTruthView } from './PersonaTruthView';
import { PSweepView } from './PSweepView';
import { RecLists } from './RecLists';
import { hueStyle, pct } from './palette';

const selectArtifacts = (s: Parameters<typeof selectCurrentRun>[0]) => selectCurrentRun(s)?.artifacts;
const selectEpochs = (s: Parameters<typeof selectCurrentRun>[0]) => selectCurrentRun(s)?.config.epochs;

export function AmpCfPanel() {
  // The artifacts object changes only when an artifact arrives (once per epoch), not with every step.
  const artifacts = useLabStore(selectArtifacts);
  const running = useLabStore(selectIsActive);
  const totalEpochs = useLabStore(selectEpochs);
  const explanation = artifactOf(ampCfLab, artifacts, 'explanation');
  const truth = artifactOf(ampCfLab, artifacts, 'personaTruth');
  const sweep = artifactOf(ampCfLab, artifacts, 'pSweep');
  return (
    <section className="trained ampcf" aria-label="Personas, explained" data-testid="ampcf-panel">
      <h2>Personas, explained</h2>
      {!explanation ? (
        <p className="small muted" data-testid="ampcf-hint">
          {running
            ? 'Training… the explanation appears once the untrained models have been scored (epoch 0), then after every epoch.'
            : 'Press ▶ Train to run MF and AMP-CF, then see one user’s personas and why each recommendation was made.'}
        </p>
      ) : (
        <ExplanationView x={explanation} totalEpochs={typeof totalEpochs === 'number' ? totalEpochs : undefined} />
      )}
      {truth || sweep ? (
        <div className="ampcf-all">
          <h3>For all users</h3>
          {truth ? <PersonaTruthView truth={truth} /> : null}
          {sweep ? <PSweepView sweep={sweep} personas={explanation?.personas ?? truth?.personas ?? 0} /> : null}
        </div>
      ) : null}
      {explanation && !sweep && !running ? (
        <p className="small muted" data-testid="ampcf-sweep-hint">
          Turn on “pSweep” in Settings and run again to compare P = 1 … 6 on the same batches
          {explanation.trueTastes ? '' : '; persona purity needs a synthetic dataset (it compares personas with the true tastes)'}.
        </p>
      ) : null}
    </section>
  );
}

const ExplanationView = memo(function ExplanationView({ x, totalEpochs }: { x: ExplanationArtifact; totalEpochs?: number }) {
  const genreIndex: GenreIndex = useMemo(() => new Map(x.genreNames.map((g, i) => [g, i])), [x.genreNames]);
  const tastes = x.trueTastes ? shareList(x.genreNames, x.trueTastes, 0.01) : null;
  return (
    <div className="ampcf-one">
      <h3>For one user</h3>
      <div className="ampcf-header" data-testid="ampcf-user">
        <p>
          User <strong>{x.userId}</strong>
          {x.userId !== String(x.user) ? ` (index ${x.user})` : ''}{' '}
          <span className="muted">
            {x.auto ? '— chosen automatically (the most evenly mixed tastes; set “user” in Settings to pick another)' : `— chosen in Settings (user = ${x.user})`}
          </span>
        </p>
        <p>
          View after epoch <strong>{x.epoch}</strong>
          {totalEpochs ? ` of ${totalEpochs}` : ''}
          {x.epoch === 0 ? ' (untrained)' : ''} · {x.history.length} training items · P = {x.personas} personas
        </p>
        {tastes ? (
          <p className="ampcf-tastes">
            True taste mix:{' '}
            {tastes.map((t) => (
              <span key={t.g} className="ampcf-chip" style={hueStyle(t.g)}>
                {t.name} {pct(t.share)}
              </span>
            ))}
          </p>
        ) : (
          <p className="muted">True tastes unknown (imported data): the grey bars below show the history’s genre mix.</p>
        )}
        {x.heldOut ? (
          <p className="small">
            Held-out click (the test): <span className="ampcf-title">{x.heldOut.title}</span> <GenreChips genres={x.heldOut.genres} index={genreIndex} />
          </p>
        ) : null}
      </div>
      <h4>The user’s personas</h4>
      <p className="small muted">
        Each history item is shared among the personas by attention α; its p* is the persona with the largest α. A persona’s share is its mean α over the history; its genre
        mix is the α-weighted genres of the history.
      </p>
      <PersonaCards cards={x.personaCards} historySize={x.history.length} genreNames={x.genreNames} genreIndex={genreIndex} />
      <RecLists amp={x.amp} mf={x.mf} personas={x.personas} genreIndex={genreIndex} />
      <GenreHistogram genreNames={x.genreNames} histogram={x.genreHistogram} distance={x.tasteDistance} listSize={x.listSize} />
    </div>
  );
});
