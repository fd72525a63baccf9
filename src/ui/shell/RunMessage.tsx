// Why the current lab's run ended early (diverged, crashed, failed), next to the charts it kept.
import { selectRunMessage, selectStatus } from '../../state/selectors';
import { useLabStore } from '../appStore';

export function RunMessage() {
  const message = useLabStore(selectRunMessage);
  const status = useLabStore(selectStatus);
  if (!message) return null;
  return (
    <div className={`run-message ${status}`} role="alert" data-testid="run-message">
      <strong>{status === 'diverged' ? 'Training stopped: ' : 'Run failed: '}</strong>
      {message}
      <span className="muted"> The curves so far are kept.</span>
    </div>
  );
}
