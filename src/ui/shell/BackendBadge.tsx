// Shows which tfjs backend is training and why the faster ones were skipped; lets the person force one.
import { BACKENDS, describeSkipped, type BackendChoice } from '../../core/tf/backendNames';
import { selectIsActive } from '../../state/selectors';
import { useLabStore } from '../appStore';

export function BackendBadge() {
  const report = useLabStore((s) => s.backendReport);
  const mode = useLabStore((s) => s.executionMode);
  const note = useLabStore((s) => s.executionNote);
  const choice = useLabStore((s) => s.backend);
  const setBackend = useLabStore((s) => s.setBackend);
  const busy = useLabStore(selectIsActive);
  // A classroom link may hide or lock the backend picker.
  const pickerHidden = useLabStore((s) => s.classroom.hide.includes('backend'));
  const pickerLocked = useLabStore((s) => s.classroom.lock.includes('backend'));
  const skippedText = report ? describeSkipped(report) : '';
  return (
    <div className="backend">
      <details className="badge" data-testid="backend-badge">
        <summary>
          <span className="dot" data-state={report ? 'on' : 'off'} />
          {report ? report.active : 'backend: chosen at first run'}
          {mode === 'main-thread' ? ' · main thread' : mode === 'worker' ? ' · worker' : ''}
        </summary>
        <div className="badge-body">
          {report ? (
            <ul>
              {report.attempts.map((a) => (
                <li key={a.name}>
                  <b>{a.name}</b>: {a.ok ? 'active' : a.reason}
                </li>
              ))}
            </ul>
          ) : (
            <p>Press Train: the lab tries WebGPU, then WebGL, WASM and CPU, and uses the first that works.</p>
          )}
          {note ? <p>Runs on the main thread: {note}</p> : null}
        </div>
      </details>
      {skippedText ? (
        <span className="skipped muted small" data-testid="backend-skipped" title={skippedText}>
          {skippedText}
        </span>
      ) : null}
      {pickerHidden ? null : (
      <label className="backend-pick">
        <span>Backend</span>
        <select value={choice} disabled={busy || pickerLocked} onChange={(e) => setBackend(e.target.value as BackendChoice)} data-testid="backend-select">
          <option value="auto">auto (fastest that works)</option>
          {BACKENDS.map((b) => (
            <option key={b} value={b}>
              {b}
            </option>
          ))}
        </select>
      </label>
      )}
    </div>
  );
}
