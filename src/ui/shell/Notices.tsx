// Messages about bad input (URL parameters, refused values, fallbacks), each dismissible.
import { useLabStore } from '../appStore';

export function Notices() {
  const notices = useLabStore((s) => s.notices);
  const dismiss = useLabStore((s) => s.dismissNotice);
  if (!notices.length) return null;
  return (
    <div className="notices" role="status" data-testid="notices">
      {notices.map((n, i) => (
        // By position, as dismissing is: two notices with the same text must not share a React key.
        <div className="notice" key={i}>
          <span>{n}</span>
          <button aria-label="Dismiss" onClick={() => dismiss(i)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
