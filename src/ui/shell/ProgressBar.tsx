// Steps done, epoch, and an estimate of the time left, refreshed while the run is going.
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { selectCurrentRun, selectProgress, selectStatus } from '../../state/selectors';
import { useLabStore } from '../appStore';

function formatMs(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

export function ProgressBar() {
  const [now, setNow] = useState(() => Date.now());
  const status = useLabStore(selectStatus);
  useEffect(() => {
    if (status !== 'running') return;
    const t = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(t);
  }, [status]);
  const { done, total, msLeft } = useLabStore(useShallow((s) => selectProgress(s, now)));
  const run = useLabStore(selectCurrentRun);
  const epoch = run?.epochs.at(-1)?.epoch ?? 0;
  const epochs = run?.stepsPerEpoch ? Math.ceil(run.totalSteps / run.stepsPerEpoch) : 0;
  return (
    <div className="progress" data-testid="progress">
      <progress max={Math.max(1, total)} value={done} aria-label="Training progress" />
      <span className="progress-text" data-testid="progress-text">
        {total ? `step ${done} / ${total} · epoch ${epoch} / ${epochs}` : 'not started'}
        {msLeft !== null && msLeft > 0 ? ` · about ${formatMs(msLeft)} left` : ''}
      </span>
    </div>
  );
}
