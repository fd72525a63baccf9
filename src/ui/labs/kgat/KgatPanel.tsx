// The KGAT lab's panel: every model's test scores and the ablation, scores by item popularity and user activity, and
// KGAT's explanations of its recommendations as attention paths. Drawn from the run's artifacts.
import { artifactOf } from '../../../core/experiment/types';
import { kgatLab } from '../../../core/labs/kgat';
import { selectCurrentRun, selectIsActive } from '../../../state/selectors';
import { useLabStore } from '../../appStore';
import { AblationView } from './AblationView';
import { BucketsView } from './BucketsView';
import { ExplainView } from './ExplainView';
import { ResultsView } from './ResultsView';
import './kgat.css';

const selectArtifacts = (s: Parameters<typeof selectCurrentRun>[0]) => selectCurrentRun(s)?.artifacts;

export function KgatPanel() {
  // The artifacts object changes only when an artifact arrives (once per epoch, then at the end), not with every step.
  const artifacts = useLabStore(selectArtifacts);
  const running = useLabStore(selectIsActive);
  const models = artifactOf(kgatLab, artifacts, 'models');
  const buckets = artifactOf(kgatLab, artifacts, 'buckets');
  const explanations = artifactOf(kgatLab, artifacts, 'explanations');
  const stopped = !running && artifacts !== undefined;
  const later = (what: string, none: string) => (running ? `${what} appear when the run ends.` : stopped ? `No ${none}: the run stopped before it ended.` : '');
  const tested = models?.rows.some((r) => r.test !== null) ?? false;
  return (
    <section className="trained kg" aria-label="KGAT: what the graph buys, and for whom" data-testid="kgat-panel">
      <div className="kg-block">
        <h2>What the knowledge graph buys</h2>
        {models ? (
          <>
            <ResultsView m={models} />
            {tested ? <AblationView rows={models.rows} k={models.k} /> : null}
          </>
        ) : (
          <p className="small muted" data-testid="kgat-hint">
            {running
              ? 'Training… the models and their sizes appear in a moment, the test scores when the run ends.'
              : 'Press ▶ Train to train KGAT and its three ablations (BPR-MF, no attention, no knowledge graph) side by side; each keeps its best validation epoch and is scored once on test.'}
          </p>
        )}
      </div>
      <div className="kg-block" data-testid="kgat-buckets-block">
        <h2>For whom: cold items, light users</h2>
        {buckets ? (
          <BucketsView buckets={buckets} k={models?.k ?? 20} />
        ) : (
          <p className="small muted" data-testid="kgat-buckets-hint">
            {later('The scores by bucket', 'scores by bucket') || 'After a run: every model’s test scores on items bucketed by popularity and on users bucketed by activity — are the gains largest on cold items?'}
          </p>
        )}
      </div>
      <div className="kg-block" data-testid="kgat-explain">
        <h2>Why this item: KGAT’s attention paths</h2>
        <p className="small muted">
          π(h, r, t) is KGAT’s attention at its kept (best-validation) epoch, recomputed once per epoch during training: for each node h its weights over its neighbours sum to 1. A path’s product of
          its three π is how much of the propagated signal flows along it; the strongest paths of each kind are shown, and if none is listed for a kind, none
          exists in the graph.
        </p>
        {explanations ? (
          <ExplainView ex={explanations} />
        ) : (
          <p className="small muted" data-testid="kgat-explain-hint">
            {later('The explanations', 'explanations') || 'After a run: pick a user and one of their top recommendations, and see the paths through shared attributes and other users that KGAT’s attention weighs most.'}
          </p>
        )}
      </div>
    </section>
  );
}
