// "← All labs": back to the start page from a lab (the header's name does the same).
import { useLabStore } from '../appStore';

export function BackToStart() {
  const showStart = useLabStore((s) => s.showStart);
  return (
    <a className="back-to-start small" href="?" onClick={(e) => (e.preventDefault(), showStart())} data-testid="back-to-start">
      ← All labs
    </a>
  );
}
