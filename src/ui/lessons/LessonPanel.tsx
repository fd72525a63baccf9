// The lab's lesson beside the charts: the open step's task (a button applies its settings, another also trains),
// the view to watch (highlighted), its question, and the explanation once a run with the step's settings has ended.
import { useEffect, useState } from 'react';
import { renderText } from '../../core/experiment/findings';
import { runMatchesStep, stepFindings } from '../../core/lessons/lessonPlan';
import { FINDINGS_RECORD } from '../../core/labs/findingsRecord';
import { selectConfig, selectIsActive, selectLab, selectStatus } from '../../state/selectors';
import { useLabStore } from '../appStore';
import { FindingItem } from '../findings/FindingsPanel';
import { ClassroomLink } from './ClassroomLink';
import { clearWatched, markWatched } from './watchTarget';
import './lessons.css';

const NONE: number[] = [];
const narrow = () => typeof window !== 'undefined' && window.matchMedia?.('(max-width: 860px)').matches === true;

/** "Start the lesson" beside the lab's title when its lesson is closed. */
export function LessonStartButton() {
  const lab = useLabStore(selectLab);
  const open = useLabStore((s) => s.lessonStep[s.labId] !== undefined);
  const openStep = useLabStore((s) => s.openLessonStep);
  if (!lab.lessonPlan || open) return null;
  return (
    <button className="lesson-start" onClick={() => openStep(0)} data-testid="lesson-open">
      Start the lesson ({lab.lessonPlan.steps.length} steps)
    </button>
  );
}

export function LessonPanel() {
  const lab = useLabStore(selectLab);
  const step = useLabStore((s) => s.lessonStep[s.labId]);
  const done = useLabStore((s) => s.lessonDone[s.labId] ?? NONE);
  const config = useLabStore(selectConfig);
  const status = useLabStore(selectStatus);
  const busy = useLabStore(selectIsActive);
  const locked = useLabStore((s) => s.classroom.lock);
  const { applyLessonStep, openLessonStep, closeLesson } = useLabStore.getState();
  const [collapsed, setCollapsed] = useState(narrow);
  const [skipped, setSkipped] = useState<string[]>([]);
  // On a phone the panel is not sticky: when the step's run ends while the person watches a chart further down,
  // a button at the bottom of the screen takes them back up to the explanation.
  const [readWhy, setReadWhy] = useState(false);
  const plan = lab.lessonPlan;
  const s = plan && step !== undefined ? plan.steps[step] : undefined;
  const target = s?.watch.target;
  // Keep the watched view marked while the step is open (views such as a table appear only after a run).
  useEffect(() => {
    if (!target) return clearWatched();
    markWatched(target, false);
  }, [target, status]);
  useEffect(() => clearWatched, []);
  // The step's run has ended: open the panel (collapsed on a phone) so the explanation shows.
  const isDoneNow = step !== undefined && done.includes(step);
  useEffect(() => {
    if (isDoneNow) setCollapsed(false);
    setReadWhy(isDoneNow && narrow());
  }, [isDoneNow]);
  if (!plan || step === undefined || !s) return null;
  const isDone = done.includes(step);
  const applied = runMatchesStep(config, plan, step, new Set(locked));
  const reachable = (i: number) => i <= step || done.includes(i - 1) || done.includes(i);
  const apply = (train: boolean) => {
    setSkipped(applyLessonStep(step));
    if (train) useLabStore.getState().play();
    // After React has drawn the new settings (a lab's panel may change shape), bring the watched view into sight.
    setTimeout(() => markWatched(s.watch.target, true), 50);
  };
  const findings = stepFindings(s).flatMap((id) => lab.findings?.find((f) => f.id === id) ?? []);
  const findingBusy = useLabStore.getState().findingRunId !== null || useLabStore.getState().sweep.status === 'running';
  return (
    <section className={collapsed ? 'lesson collapsed' : 'lesson'} aria-label="Lesson" data-testid="lesson" data-step={step + 1} data-done={isDone}>
      <div className="lesson-head">
        <h2>
          Lesson · step {step + 1} of {plan.steps.length}
        </h2>
        <button className="link" onClick={() => setCollapsed(!collapsed)} aria-expanded={!collapsed} data-testid="lesson-toggle">
          {collapsed ? 'show' : 'hide'}
        </button>
        <button className="link" onClick={closeLesson} aria-label="Close the lesson" data-testid="lesson-close">
          close
        </button>
      </div>
      <ol className="lesson-dots" aria-label="Steps">
        {plan.steps.map((x, i) => (
          <li key={x.title}>
            <button
              className={`${i === step ? 'current' : ''} ${done.includes(i) ? 'done' : ''}`}
              aria-current={i === step ? 'step' : undefined}
              disabled={!reachable(i)}
              title={x.title}
              onClick={() => openLessonStep(i)}
              data-testid={`lesson-dot-${i + 1}`}
            >
              {done.includes(i) ? '✓' : i + 1}
            </button>
          </li>
        ))}
      </ol>
      <h3 className="lesson-title">{s.title}</h3>
      <p className="lesson-task">
        <b>Do:</b> {s.task}
      </p>
      <div className="lesson-actions">
        <button className="primary" onClick={() => apply(true)} disabled={busy} data-testid="lesson-apply-train">
          {applied ? '▶ Train this step' : 'Apply & train'}
        </button>
        <button onClick={() => apply(false)} disabled={busy || applied} data-testid="lesson-apply">
          {applied ? 'Settings applied' : 'Apply settings'}
        </button>
      </div>
      {skipped.length ? (
        <p className="small muted" data-testid="lesson-locked">
          This link locks {skipped.join(', ')}: the step ran with the value set for the class.
        </p>
      ) : null}
      {collapsed ? null : (
        <>
          <p className="lesson-watch">
            <b>Watch:</b>{' '}
            <button className="link" onClick={() => markWatched(s.watch.target, true)} data-testid="lesson-watch">
              {s.watch.name}
            </button>
          </p>
          <p className="lesson-question">
            <b>Question:</b> {s.question}
          </p>
          {isDone ? (
            <div className="lesson-explanation" data-testid="lesson-explanation" role="status">
              <p>
                <b>Why:</b> {renderText(s.explanation, FINDINGS_RECORD)}
              </p>
              {findings.length ? (
                <details className="lesson-findings">
                  <summary className="small">The recorded numbers — re-run them in this browser</summary>
                  <ul className="findings-list">
                    {findings.map((f) => (
                      <FindingItem key={f.id} finding={f} recorded={FINDINGS_RECORD.findings[f.id]} disabled={busy || findingBusy} />
                    ))}
                  </ul>
                </details>
              ) : null}
            </div>
          ) : (
            <p className="small muted" data-testid="lesson-waiting">
              {status === 'running' && applied
                ? 'Training… the explanation appears when this run ends.'
                : applied
                  ? 'Press ▶ Train: the explanation appears when the run ends.'
                  : 'Apply the step’s settings and train: the explanation appears when the run ends.'}
            </p>
          )}
        </>
      )}
      <div className="lesson-nav">
        <button onClick={() => openLessonStep(step - 1)} disabled={step === 0} data-testid="lesson-prev">
          ← Back
        </button>
        {step < plan.steps.length - 1 ? (
          <button className={isDone ? 'primary' : ''} onClick={() => openLessonStep(step + 1)} disabled={!isDone} data-testid="lesson-next" title={isDone ? '' : 'Finish this step’s run first'}>
            Next step →
          </button>
        ) : isDone ? (
          <span className="small" data-testid="lesson-complete">
            Lesson complete ✓
          </span>
        ) : null}
      </div>
      {collapsed ? null : <ClassroomLink step={step} />}
      {readWhy ? (
        <button
          className="primary lesson-read-why"
          onClick={() => {
            setReadWhy(false);
            document.querySelector('[data-testid="lesson"]')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
          }}
          data-testid="lesson-read-why"
        >
          ✓ Step done — read why ↑
        </button>
      ) : null}
    </section>
  );
}
