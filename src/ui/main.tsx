// Entry point: starts URL sync and renders the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startUrlSync } from '../state/urlSync';
import { App } from './App';
import { useLabStore } from './appStore';
import './styles.css';

startUrlSync(useLabStore, window.location, window.history);
// Exposed for end-to-end tests and for the curious: the store holds every measured number.
(window as unknown as { __objectiveLab: unknown }).__objectiveLab = { store: useLabStore };

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
