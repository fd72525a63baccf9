// Loads the settings from the page URL once, then keeps the URL in step with every settings change.
import { IMPORTED } from '../core/data/datasetChoice';
import { getLab } from '../core/labs/registry';
import { readUrl, writeUrl } from './url';
import { readClassroomUrl, withClassroom } from './lessonUrl';
import type { LabStore } from './store';

export function startUrlSync(store: LabStore, location: Location, history: History): () => void {
  const fromUrl = readUrl(location.search);
  // Imported files live only in this page; a link cannot bring them along.
  if (fromUrl.config.dataset === IMPORTED) {
    const fallback = (getLab(fromUrl.labId).defaults as Record<string, unknown>).dataset;
    fromUrl.config = { ...fromUrl.config, dataset: fallback };
    fromUrl.notices.push(`This link used imported data, which is not stored in links: showing '${String(fallback)}' instead. Import the files again to use them.`);
  }
  const room = readClassroomUrl(location.search, fromUrl.labId);
  store.setState((s) => ({
    labId: fromUrl.labId,
    backend: fromUrl.backend,
    configs: { ...s.configs, [fromUrl.labId]: fromUrl.config },
    notices: [...new Set([...s.notices, ...fromUrl.notices, ...room.notices])],
    view: room.view,
    lessonStep: room.lessonStep === null ? s.lessonStep : { ...s.lessonStep, [fromUrl.labId]: room.lessonStep },
    classroom: { lock: room.lock, hide: room.hide },
  }));
  const write = () => {
    const s = store.getState();
    // The start page's link names no lab (only a chosen backend); a lab's carries its lesson step and classroom keys.
    const search =
      s.view === 'start'
        ? s.backend === 'auto' ? '' : `?backend=${s.backend}`
        : withClassroom(writeUrl(s.labId, s.backend, s.configs[s.labId]), { lessonStep: s.lessonStep[s.labId] ?? null, ...s.classroom });
    if (search === location.search) return;
    try {
      history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
    } catch {
      // Some embeddings (sandboxed frames, odd schemes) refuse replaceState: the address bar then keeps the
      // link as it came, and the lab still works from the store. Nothing else reads location.search.
    }
  };
  write();
  return store.subscribe((s, prev) => {
    if (s.labId !== prev.labId || s.backend !== prev.backend || s.configs !== prev.configs || s.view !== prev.view || s.lessonStep !== prev.lessonStep || s.classroom !== prev.classroom) write();
  });
}
