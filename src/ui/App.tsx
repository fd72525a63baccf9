// The app shell: header with lab navigation and backend, then the current lab's controls, charts and notes.
import { selectLab } from '../state/selectors';
import { useLabStore } from './appStore';
import { DataPanel } from './data/DataPanel';
import { HistoryPanel } from './history/HistoryPanel';
import { LAB_PANELS } from './labs';
import { AboutPanel } from './shell/AboutPanel';
import { BackendBadge } from './shell/BackendBadge';
import { ChartGrid } from './shell/ChartGrid';
import { LabNav } from './shell/LabNav';
import { Notices } from './shell/Notices';
import { ProgressBar } from './shell/ProgressBar';
import { ResultsTable } from './shell/ResultsTable';
import { RunControls } from './shell/RunControls';
import { RunMessage } from './shell/RunMessage';
import { SettingsForm } from './shell/SettingsForm';
import { SweepPanel } from './sweep/SweepPanel';
import { LessonPanel, LessonStartButton } from './lessons/LessonPanel';
import { StartPage } from './start/StartPage';
import { BackToStart } from './start/BackToStart';

export function App() {
  const lab = useLabStore(selectLab);
  const { above: Above, below: Below, afterSweeps: AfterSweeps } = LAB_PANELS[lab.id] ?? {};
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
        <aside className="side">
          <RunControls />
          <SettingsForm />
          {'dataset' in lab.schema.shape ? <DataPanel /> : null}
        </aside>
        <section className="results" aria-label="Results">
          {Above ? <Above /> : null}
          <ProgressBar />
          <RunMessage />
          <ChartGrid />
          <ResultsTable />
          <HistoryPanel />
          {Below ? <Below /> : null}
          {lab.sweeps?.map((plan) => <SweepPanel key={`${lab.id}/${plan.id}`} lab={lab} plan={plan} />)}
          {AfterSweeps ? <AfterSweeps /> : null}
        </section>
        <AboutPanel />
      </main>
      )}
    </div>
  );
}
