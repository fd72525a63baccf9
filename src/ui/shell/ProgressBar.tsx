// Steps done, epoch, and an estimate of the time left from measured step times, refreshed while the run is going.
import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { addSample, estimateMsLeft, etaText, type PaceSample } from '../../state/eta';
import { selectCurrentRun, selectProgress, selectStatus } from '../../state/selectors';
import { useLabStore } from '../appStore';

export function ProgressBar() {
  const [now, setNow] = useState(() => Date.now());
  const status = useLabStore(selectStatus);
  useEffect(() => {
    if (status !== 'running') return;
    const t = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(t);
  }, [status]);
  const { done, total, clockMs } = useLabStore(useShallow((s) => selectProgress(s, now)));
  const run = useLabStore(selectCurrentRun);
  // When each step count was first seen, on the run's clock; a new run starts the list over.
  const pace = useRef<{ runId?: string; samples: readonly PaceSample[] }>({ samples: [] });
  if (pace.current.runId !== run?.runId) pace.current = { runId: run?.runId, samples: [] };
  if (clockMs !== null && done > 0) pace.current.samples = addSample(pace.current.samples, done, clockMs);
  const epoch = run?.epochs.at(-1)?.epoch ?? 0;
  const epochs = run?.stepsPerEpoch ? Math.ceil(run.totalSteps / run.stepsPerEpoch) : 0;
  return (
    <div className="progress" data-testid="progress">
      <progress max={Math.max(1, total)} value={done} aria-label="Training progress" />
      <span className="progress-text" data-testid="progress-text">
        {total ? `step ${done} / ${total} · epoch ${epoch} / ${epochs}` : 'not started'}
        {clockMs !== null && done < total ? (
          <span className="eta" data-testid="eta">
            {' · '}
            {etaText(estimateMsLeft(pace.current.samples, total, clockMs))}
          </span>
        ) : null}
      </span>
    </div>
  );
}
