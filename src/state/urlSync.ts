// Loads the settings from the page URL once, then keeps the URL in step with every settings change.
import { IMPORTED } from '../core/data/datasetChoice';
import { getLab } from '../core/labs/registry';
import { readUrl, writeUrl } from './url';
import type { LabStore } from './store';

export function startUrlSync(store: LabStore, location: Location, history: History): () => void {
  const fromUrl = readUrl(location.search);
  // Imported files live only in this page; a link cannot bring them along.
  if (fromUrl.config.dataset === IMPORTED) {
    const fallback = (getLab(fromUrl.labId).defaults as Record<string, unknown>).dataset;
    fromUrl.config = { ...fromUrl.config, dataset: fallback };
    fromUrl.notices.push(`This link used imported data, which is not stored in links: showing '${String(fallback)}' instead. Import the files again to use them.`);
  }
  store.setState((s) => ({
    embed: fromUrl.embed,
    labId: fromUrl.labId,
    backend: fromUrl.backend,
    configs: { ...s.configs, [fromUrl.labId]: fromUrl.config },
    notices: [...new Set([...s.notices, ...fromUrl.notices])],
  }));
  const write = () => {
    const s = store.getState();
    const search = writeUrl(s.labId, s.backend, s.configs[s.labId], s.embed);
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
    if (s.labId !== prev.labId || s.backend !== prev.backend || s.configs !== prev.configs) write();
  });
}
