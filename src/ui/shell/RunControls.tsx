// Play / pause / step / reset for the current lab's run.
import { selectIsActive } from '../../state/selectors';
import { useLabStore } from '../appStore';

export function RunControls() {
  const status = useLabStore((s) => s.status);
  const play = useLabStore((s) => s.play);
  const pause = useLabStore((s) => s.pause);
  const step = useLabStore((s) => s.step);
  const reset = useLabStore((s) => s.reset);
  const active = useLabStore(selectIsActive);
  return (
    <div className="controls" role="group" aria-label="Run controls">
      {status === 'running' ? (
        <button className="primary" onClick={pause} data-testid="pause">
          ❚❚ Pause
        </button>
      ) : (
        <button className="primary" onClick={play} data-testid="play">
          ▶ {status === 'paused' ? 'Resume' : active ? 'Play' : 'Train'}
        </button>
      )}
      <button onClick={step} disabled={status === 'running'} data-testid="step" title="Run one training step">
        +1 Step
      </button>
      <button onClick={reset} disabled={status === 'idle'} data-testid="reset" title="Stop and clear the charts">
        ↺ Reset
      </button>
      <span className={`status status-${status}`} data-testid="run-status">
        {status}
      </span>
    </div>
  );
}
