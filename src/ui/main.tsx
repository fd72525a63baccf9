// Entry point: starts URL sync and renders the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startUrlSync } from '../state/urlSync';
import { App } from './App';
import { useLabStore } from './appStore';
import './styles.css';

startUrlSync(useLabStore, window.location, window.history);
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
// Exposed for end-to-end tests and for the curious: the store holds every measured number.
(window as unknown as { __objectiveLab: unknown }).__objectiveLab = { store: useLabStore };

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
