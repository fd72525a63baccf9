// The P5 lab's panel: per task family the unified model against a model per task on seen and held-out templates,
// the item-id modes and their leak (Hua et al. 2023), and a playground of prompts and answers. Drawn from artifacts.
import { artifactOf } from '../../../core/experiment/types';
import { p5Lab } from '../../../core/labs/p5';
import { selectConfig, selectCurrentRun, selectIsActive } from '../../../state/selectors';
import { useLabStore } from '../../appStore';
import { IdModesView } from './IdModesView';
import { PlaygroundView } from './PlaygroundView';
import { ResultsView } from './ResultsView';
import './p5.css';

type S = Parameters<typeof selectCurrentRun>[0];
const selectArtifacts = (s: S) => selectCurrentRun(s)?.artifacts;
const selectSweepOn = (s: S) => (selectConfig(s) as { idModeSweep?: boolean } | undefined)?.idModeSweep === true;

export function P5Panel() {
  // The artifacts object changes only when an artifact arrives (at the start and at the end), not with every step.
  const artifacts = useLabStore(selectArtifacts);
  const running = useLabStore(selectIsActive);
  const sweepOn = useLabStore(selectSweepOn);
  const models = artifactOf(p5Lab, artifacts, 'models');
  const idModes = artifactOf(p5Lab, artifacts, 'idModes');
  const playground = artifactOf(p5Lab, artifacts, 'playground');
  const stopped = !running && artifacts !== undefined;
  const tested = models?.rows.some((r) => r.test !== null) ?? false;
  const ended = (what: string, none: string) => (running ? `Training… ${what} when the run ends.` : stopped ? `No ${none}: the run stopped before it ended.` : '');
  return (
    <section className="trained p5" aria-label="P5: one model for every task" data-testid="p5-panel">
      <div className="p5-block">
        <h2>One model for every task, or one per task?</h2>
        {models && tested ? (
          <ResultsView m={models} />
        ) : (
          <p className="small muted" data-testid="p5-hint">
            {ended('the test scores per task family, on seen and held-out templates, appear', 'test scores') ||
              'Press ▶ Train to train the unified P5 model on every task, one model per task on the very same batches, and a plain sequential model. After training: per task family, each model’s test scores on the three seen templates and on the held-out one, as tables and bar charts.'}
          </p>
        )}
      </div>
      <div className="p5-block" data-testid="p5-idmodes-block">
        <h2>Item ids: atomic tokens or digits, and P5’s leak</h2>
        <p className="small muted">
          Hua et al. (2023) found that P5 numbered items consecutively along each user’s whole sequence, test item included, and wrote the numbers as digits:
          for some users the test item’s id is then exactly the history’s largest id + 1 (the table counts how many), so a model could guess it from the
          numbers alone — if it learns to. Random ids, or sequential ids counted only over the training part, remove that shortcut.
        </p>
        {idModes ? (
          <IdModesView id={idModes} />
        ) : (
          <p className="small muted" data-testid="p5-idmodes-hint">
            {sweepOn
              ? ended('the id-mode table appears', 'id-mode table') || 'After a run: the sequential task trained with atomic, random, leaky sequential and training-only sequential ids, with each one’s leak share and test scores.'
              : 'The id-mode comparison is off: tick “Id-mode comparison” in the settings and train again to train the sequential task with each kind of item id and see the leak.'}
          </p>
        )}
      </div>
      <div className="p5-block" data-testid="p5-playground-block">
        <h2>Playground: what each model answers</h2>
        <p className="small" data-testid="p5-playground-note">
          These models were trained from scratch on a few dozen template words: they understand only these phrasings, with these users and items, so there
          is no free-text box. Pick a user and a template (one per task is held out: no model trained on it) and see what each model answers.
        </p>
        {playground ? (
          <PlaygroundView pg={playground} rows={models?.rows ?? []} />
        ) : (
          <p className="small muted" data-testid="p5-playground-hint">
            {ended('the playground appears', 'playground') || 'After training: for a dozen test users and every template, the prompt, the right answer, and each model’s five most likely answers with their probabilities and its greedy answer.'}
          </p>
        )}
      </div>
    </section>
  );
}
