// Entry point: starts URL sync and renders the app.
// First: zod without compiled validators, before any module parses a schema (the CSP refuses `new Function`).
import '../core/zodJitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { selectCurrentRun, selectRunMessage, selectStatus } from '../state/selectors';
import { startUrlSync } from '../state/urlSync';
import { App } from './App';
import { EmbedApp } from './EmbedApp';
import { useLabStore } from './appStore';
import './styles.css';

startUrlSync(useLabStore, window.location, window.history, window);
// Load the selected built-in dataset now and whenever the choice changes, so its statistics show and
// the run receives the same data the files hold.
const loadSelected = () => {
  const s = useLabStore.getState();
  const dataset = s.configs[s.labId].dataset;
  // Labs without data (the consumption explorer) have no dataset setting.
  if (typeof dataset === 'string') void s.ensurePreset(dataset);
};
loadSelected();
useLabStore.subscribe((s, prev) => s.configs !== prev.configs && loadSelected());
// Exposed for end-to-end tests and for the curious: the store holds every measured number, and the selectors
// read the current lab's run, status and message as the page shows them.
(window as unknown as { __objectiveLab: unknown }).__objectiveLab = {
  store: useLabStore,
  select: { currentRun: selectCurrentRun, status: selectStatus, message: selectRunMessage },
};

createRoot(document.getElementById('root')!).render(
  <StrictMode>{useLabStore.getState().embed ? <EmbedApp /> : <App />}</StrictMode>,
);
