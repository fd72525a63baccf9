// Loads the settings from the page URL once, then keeps the URL in step with every settings change.
import { IMPORTED } from '../core/data/datasetChoice';
import { getLab } from '../core/labs/registry';
import { readUrl, writeUrl } from './url';
import { readClassroomUrl, withClassroom } from './lessonUrl';
import { selectIsActive } from './selectors';
import type { LabStore } from './store';

/**
 * `events` (the window, in the app) lets the browser's Back and Forward move between the start page and a lab:
 * switching between them pushes a history entry, and a popstate reads the view and lab back from the URL.
 */
export function startUrlSync(store: LabStore, location: Location, history: History, events?: Pick<Window, 'addEventListener' | 'removeEventListener'>): () => void {
  const fromUrl = readUrl(location.search);
  // Imported files live only in this page; a link cannot bring them along.
  if (fromUrl.config.dataset === IMPORTED) {
    const fallback = (getLab(fromUrl.labId).defaults as Record<string, unknown>).dataset;
    fromUrl.config = { ...fromUrl.config, dataset: fallback };
    fromUrl.notices.push(`This link used imported data, which is not stored in links: showing '${String(fallback)}' instead. Import the files again to use them.`);
  }
  const room = readClassroomUrl(location.search, fromUrl.labId);
  store.setState((s) => ({
    embed: fromUrl.embed,
    labId: fromUrl.labId,
    backend: fromUrl.backend,
    configs: { ...s.configs, [fromUrl.labId]: fromUrl.config },
    notices: [...new Set([...s.notices, ...fromUrl.notices, ...room.notices])],
    view: room.view,
    lessonStep: room.lessonStep === null ? s.lessonStep : { ...s.lessonStep, [fromUrl.labId]: room.lessonStep },
    classroom: { lock: room.lock, hide: room.hide },
  }));
  const write = (push = false) => {
    const s = store.getState();
    // The start page's link names no lab (only a chosen backend); a lab's carries its lesson step and classroom keys.
    const search =
      s.view === 'start'
        ? s.backend === 'auto' ? '' : `?backend=${s.backend}`
        : withClassroom(writeUrl(s.labId, s.backend, s.configs[s.labId], s.embed), { lessonStep: s.lessonStep[s.labId] ?? null, ...s.classroom });
    if (search === location.search) return;
    try {
      if (push) history.pushState(history.state, '', `${location.pathname}${search}${location.hash}`);
      else history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
    } catch {
      // Some embeddings (sandboxed frames, odd schemes) refuse replaceState: the address bar then keeps the
      // link as it came, and the lab still works from the store. Nothing else reads location.search.
    }
  };
  write();
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.labId !== prev.labId || s.backend !== prev.backend || s.configs !== prev.configs || s.view !== prev.view || s.lessonStep !== prev.lessonStep || s.classroom !== prev.classroom) write(s.view !== prev.view);
  });
  // Back/Forward between the start page and a lab (a lab that trains is left as it is: the nav is locked then too).
  const onPop = () => {
    const room = readClassroomUrl(location.search, readUrl(location.search).labId);
    const s = store.getState();
    if (room.view === 'start') return s.view === 'start' ? undefined : s.showStart();
    const back = readUrl(location.search);
    if (back.labId !== s.labId && selectIsActive(s)) return;
    store.setState((x) => ({ view: 'lab', labId: back.labId, configs: { ...x.configs, [back.labId]: back.config } }));
  };
  events?.addEventListener('popstate', onPop);
  return () => {
    unsubscribe();
    events?.removeEventListener('popstate', onPop);
  };
}
