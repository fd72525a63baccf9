// Navigation between labs, built from the lab registry.
import { LABS } from '../../core/labs/registry';
import { selectIsActive } from '../../state/selectors';
import { useLabStore } from '../appStore';

export function LabNav() {
  const labId = useLabStore((s) => s.labId);
  const openLab = useLabStore((s) => s.openLab);
  // On the start page no lab is the current one.
  const current = useLabStore((s) => (s.view === 'start' ? null : s.labId));
  const busy = useLabStore(selectIsActive);
  return (
    <nav className="labnav" aria-label="Labs">
      {LABS.map((l) => (
        <button
          key={l.id}
          className={l.id === current ? 'tab active' : 'tab'}
          aria-current={l.id === current ? 'page' : undefined}
          disabled={busy && l.id !== labId}
          title={busy ? 'Reset the run to switch labs' : l.tagline}
          onClick={() => openLab(l.id)}
        >
          {l.title}
        </button>
      ))}
    </nav>
  );
}
