// Why the current run ended early (diverged, crashed, failed), next to the charts it kept.
import { useLabStore } from '../appStore';

export function RunMessage() {
  const message = useLabStore((s) => s.message);
  const status = useLabStore((s) => s.status);
  if (!message) return null;
  return (
    <div className={`run-message ${status}`} role="alert" data-testid="run-message">
      <strong>{status === 'diverged' ? 'Training stopped: ' : 'Run failed: '}</strong>
      {message}
      <span className="muted"> The curves so far are kept.</span>
    </div>
  );
}
