// The conversation lab's panel: every policy on the test conversations (SR@t, AT, hDCG, asks) and a test
// conversation replayed by two policies side by side, with the learned policies' Q-values. Drawn from the run's artifacts.
import { artifactOf } from '../../../core/experiment/types';
import { conversationLab } from '../../../core/labs/conversation';
import { selectCurrentRun, selectIsActive } from '../../../state/selectors';
import { useLabStore } from '../../appStore';
import { ReplayView } from './ReplayView';
import { TestView } from './TestView';
import './conversation.css';

const selectArtifacts = (s: Parameters<typeof selectCurrentRun>[0]) => selectCurrentRun(s)?.artifacts;

export function ConversationPanel() {
  const artifacts = useLabStore(selectArtifacts);
  const running = useLabStore(selectIsActive);
  const curves = artifactOf(conversationLab, artifacts, 'testCurves');
  const replay = artifactOf(conversationLab, artifacts, 'replay');
  const stopped = !running && artifacts !== undefined;
  return (
    <section className="trained conv" aria-label="Conversation: every policy on the test conversations, and replays" data-testid="conv-panel">
      <div className="conv-block" data-testid="conv-test">
        <h2>Every policy on the test conversations</h2>
        {curves ? (
          <TestView curves={curves} />
        ) : (
          <p className="small muted" data-testid="conv-test-hint">
            {running
              ? 'Training… when the run ends, every policy plays the same test conversations: success within t turns for each policy, and a table of SR@5, SR@15, average turns, hDCG and questions asked.'
              : stopped
                ? 'No test scores: the run stopped before it ended.'
                : 'Press ▶ Train: the two learned policies train side by side (the rules need no training); at the end every policy plays the same test conversations, and this view shows how many each finds within t turns, the average turns, hDCG and how many questions each asks.'}
          </p>
        )}
      </div>
      <div className="conv-block" data-testid="conv-replay">
        <h2>A test conversation, turn by turn</h2>
        {replay ? (
          <ReplayView replay={replay} turns={curves?.turns ?? 15} />
        ) : (
          <p className="small muted" data-testid="conv-replay-hint">
            {running
              ? 'The replays appear when the run ends.'
              : stopped
                ? 'No replays: the run stopped before it ended.'
                : 'After a run: pick a test conversation and two policies and follow them side by side, turn by turn: what each asked or recommended, what the user answered, the Q-value of every action a learned policy was offered, and when it switched from asking to recommending.'}
          </p>
        )}
      </div>
    </section>
  );
}
