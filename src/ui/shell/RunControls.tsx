// Play / pause / step / reset for the current lab's run.
import { selectStatus } from '../../state/selectors';
import { useLabStore } from '../appStore';

export function RunControls() {
  const status = useLabStore(selectStatus);
  const play = useLabStore((s) => s.play);
  const pause = useLabStore((s) => s.pause);
  const step = useLabStore((s) => s.step);
  const reset = useLabStore((s) => s.reset);
  return (
    <div className="controls" role="group" aria-label="Run controls">
      {status === 'running' ? (
        <button className="primary" onClick={pause} data-testid="pause">
          <span aria-hidden="true">❚❚ </span>Pause
        </button>
      ) : (
        <button className="primary" onClick={play} data-testid="play">
          <span aria-hidden="true">▶ </span>
          {status === 'paused' ? 'Resume' : 'Train'}
        </button>
      )}
      <button onClick={step} disabled={status === 'running'} data-testid="step" title="Run one training step">
        +1 Step
      </button>
      <button onClick={reset} disabled={status === 'idle'} data-testid="reset" title="Stop and clear the charts">
        <span aria-hidden="true">↺ </span>Reset
      </button>
      <span className={`status status-${status}`} data-testid="run-status" role="status">
        {status}
      </span>
    </div>
  );
}
