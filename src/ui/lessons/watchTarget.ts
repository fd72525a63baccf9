// Marks the view a lesson step watches (an element with that data-testid) and scrolls it into sight. A data
// attribute, not a class, so React never overwrites it when the element re-renders.
const ATTR = 'data-lesson-watch';

/** Marks `target` as watched (clearing any other), and scrolls to it when asked; false if it is not on the page yet. */
export function markWatched(target: string, scroll: boolean): boolean {
  for (const el of document.querySelectorAll(`[${ATTR}]`)) if (el.getAttribute('data-testid') !== target) el.removeAttribute(ATTR);
  const el = document.querySelector(`[data-testid="${CSS.escape(target)}"]`);
  if (!el) return false;
  el.setAttribute(ATTR, '');
  if (scroll) el.scrollIntoView({ behavior: 'smooth', block: 'center' });
  return true;
}

export function clearWatched(): void {
  for (const el of document.querySelectorAll(`[${ATTR}]`)) el.removeAttribute(ATTR);
}
