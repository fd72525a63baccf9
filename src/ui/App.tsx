// The app shell: header with lab navigation and backend, then the current lab's controls, charts and notes.
import { selectLab } from '../state/selectors';
import { useLabStore } from './appStore';
import { DataPanel } from './data/DataPanel';
import { AboutPanel } from './shell/AboutPanel';
import { LabResults } from './shell/LabResults';
import { BackendBadge } from './shell/BackendBadge';
import { LabNav } from './shell/LabNav';
import { Notices } from './shell/Notices';
import { RunControls } from './shell/RunControls';
import { SettingsForm } from './shell/SettingsForm';
import { LessonPanel, LessonStartButton } from './lessons/LessonPanel';
import { StartPage } from './start/StartPage';
import { BackToStart } from './start/BackToStart';

export function App() {
  const lab = useLabStore(selectLab);
  const view = useLabStore((s) => s.view);
  const lessonOpen = useLabStore((s) => s.lessonStep[s.labId] !== undefined);
  const showStart = useLabStore((s) => s.showStart);
  return (
    <div className="app">
      <header className="topbar">
        <a className="brand" href="?" onClick={(e) => (e.preventDefault(), showStart())} title="The start page: every lab, in order" data-testid="home">
          <span className="logo" aria-hidden="true">◆</span> Objective Lab
        </a>
        <LabNav />
        <BackendBadge />
      </header>
      <Notices />
      {view === 'start' ? (
        <StartPage />
      ) : (
      <main className={lessonOpen ? 'lab with-lesson' : 'lab'}>
        <section className="lab-head">
          <BackToStart />
          <h1>{lab.title}</h1>
          <p className="tagline">{lab.tagline}</p>
          <LessonStartButton />
        </section>
        <LessonPanel />
        <aside className="side" aria-label="Run">
          <RunControls />
        </aside>
        <aside className="side settings-col" aria-label="Settings and data">
          <SettingsForm />
          {'dataset' in lab.schema.shape ? <DataPanel /> : null}
        </aside>
        <LabResults full />
        <AboutPanel />
      </main>
      )}
    </div>
  );
}
