// Embed mode (`?embed=<lab>`): one lab's controls and charts for an iframe on a static site — no header, lab
// navigation, data import, sweeps or about text; a link opens the whole app with the same settings.
import { selectLab } from '../state/selectors';
import { writeUrl } from '../state/url';
import { useLabStore } from './appStore';
import { LabResults } from './shell/LabResults';
import { Notices } from './shell/Notices';
import { RunControls } from './shell/RunControls';
import { SettingsForm } from './shell/SettingsForm';

export function EmbedApp() {
  const lab = useLabStore(selectLab);
  const fullLink = useLabStore((s) => writeUrl(s.labId, s.backend, s.configs[s.labId]));
  return (
    <div className="app embed" data-testid="embed">
      <Notices />
      <main className="lab">
        <section className="lab-head embed-head">
          <h1>{lab.title}</h1>
          {/* A relative link: the same page without embed, in a new tab, whatever sub-path the app is served from. */}
          <a href={`./${fullLink}`} target="_blank" rel="noopener noreferrer" data-testid="embed-open-full">
            Open in Objective Lab ↗
          </a>
        </section>
        <aside className="side">
          <RunControls />
          {/* Folded: in a frame the lab's own controls and charts come first; every setting is one click away. */}
          <details className="embed-settings" data-testid="embed-settings">
            <summary>Settings</summary>
            <SettingsForm />
          </details>
        </aside>
        <LabResults full={false} />
      </main>
    </div>
  );
}
