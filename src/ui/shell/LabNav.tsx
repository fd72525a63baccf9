// Navigation between labs, built from the lab registry.
import { LABS } from '../../core/labs/registry';
import { selectIsActive } from '../../state/selectors';
import { useLabStore } from '../appStore';

export function LabNav() {
  const labId = useLabStore((s) => s.labId);
  const setLab = useLabStore((s) => s.setLab);
  const busy = useLabStore(selectIsActive);
  return (
    <nav className="labnav" aria-label="Labs">
      {LABS.map((l) => (
        <button
          key={l.id}
          className={l.id === labId ? 'tab active' : 'tab'}
          aria-current={l.id === labId ? 'page' : undefined}
          disabled={busy && l.id !== labId}
          title={busy ? 'Reset the run to switch labs' : l.tagline}
          onClick={() => setLab(l.id)}
        >
          {l.title}
        </button>
      ))}
    </nav>
  );
}
