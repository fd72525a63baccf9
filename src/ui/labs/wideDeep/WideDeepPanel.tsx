// The Wide & Deep lab's panel: where each model errs (the error grid), the models' sizes and the wide part's crosses,
// the memorisation split and, when asked for, the crosses sweep. Drawn from the run's artifacts.
import { artifactOf } from '../../../core/experiment/types';
import { wideDeepLab } from '../../../core/labs/wideDeep';
import { selectCurrentRun, selectIsActive } from '../../../state/selectors';
import { useLabStore } from '../../appStore';
import { CrossSweepView } from './CrossSweepView';
import { ErrorGridView } from './ErrorGridView';
import { ModelsView } from './ModelsView';
import { SplitView } from './SplitView';
import './wideDeep.css';

const selectArtifacts = (s: Parameters<typeof selectCurrentRun>[0]) => selectCurrentRun(s)?.artifacts;

export function WideDeepPanel() {
  // The artifacts object changes only when an artifact arrives (once per epoch, then at the end), not with every step.
  const artifacts = useLabStore(selectArtifacts);
  const running = useLabStore(selectIsActive);
  const models = artifactOf(wideDeepLab, artifacts, 'models');
  const grid = artifactOf(wideDeepLab, artifacts, 'errorGrid');
  const split = artifactOf(wideDeepLab, artifacts, 'split');
  const sweep = artifactOf(wideDeepLab, artifacts, 'crossSweep');
  const nothing = !models && !grid && !split && !sweep;
  return (
    <section className="trained wd" aria-label="Wide & Deep: where each model errs" data-testid="wd-panel">
      <h2>Where each model errs</h2>
      {nothing ? (
        <p className="small muted" data-testid="wd-hint">
          {running
            ? 'Training… the model sizes appear after the first epoch; the error grid and the memorisation split when the run ends.'
            : 'Press ▶ Train to train wide, deep, joint and the ensemble, then see where each one misjudges the click rate, which crosses the wide part got, and how each does on pairs seen often, rarely or never.'}
        </p>
      ) : null}
      {grid ? (
        <ErrorGridView grid={grid} />
      ) : !nothing ? (
        <p className="small muted" data-testid="wd-grid-hint">
          {running ? 'The error grid appears when the run ends.' : 'No error grid: the run stopped before it ended.'}
        </p>
      ) : null}
      {models ? <ModelsView m={models} /> : null}
      {split ? <SplitView split={split} /> : null}
      {sweep ? <CrossSweepView sweep={sweep} /> : null}
      {!nothing && !sweep && !running ? (
        <p className="small muted" data-testid="wd-sweep-hint">
          Turn on “crossSweep” in Settings and run again to train wide and joint models with N = 0, 3, 10, 30, 100, 300 crosses alongside, and plot test AUC against model
          size.
        </p>
      ) : null}
    </section>
  );
}
