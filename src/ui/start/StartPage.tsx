// The start page: the story in one screen — three ways recommenders combine objectives — with the labs grouped by
// part, numbered in the suggested order, each with its question, a sketch of its key chart and what a run is.
import { fillDefaults, LAB_PARTS } from '../../core/lessons/lessonPlan';
import { LABS } from '../../core/labs/registry';
import type { Lab } from '../../core/experiment/types';
import { useLabStore } from '../appStore';
import { COMING_LABS } from './coming';
import { Thumbnail } from './Thumbnail';
import './start.css';

/** Labs with a place, in the suggested order (a lab without one comes last, so it still shows). */
const ordered = [...LABS].sort((a, b) => (a.place?.order ?? 999) - (b.place?.order ?? 999));

function LabCard({ lab, n }: { lab: Lab; n: number }) {
  const openLab = useLabStore((s) => s.openLab);
  const plan = lab.lessonPlan;
  return (
    <li className="start-card" data-testid={`start-card-${lab.id}`}>
      <div className="start-card-body">
        <h3>
          <span className="start-num" aria-label={`Lab ${n}`}>
            {n}
          </span>{' '}
          {lab.title}
        </h3>
        <Thumbnail labId={lab.id} />
        <div className="start-card-text">
        <p className="start-question">{lab.tagline}</p>
        {plan ? <p className="muted small">Default run: {fillDefaults(plan.defaultRun, lab.defaults as Record<string, unknown>)}</p> : null}
        <div className="start-actions">
          {plan ? (
            <button className="primary" onClick={() => openLab(lab.id, 0)} data-testid={`start-lesson-${lab.id}`}>
              Lesson · {plan.steps.length} steps
            </button>
          ) : null}
          <button onClick={() => openLab(lab.id)} data-testid={`start-open-${lab.id}`}>
            Open the lab
          </button>
        </div>
        </div>
      </div>
    </li>
  );
}

export function StartPage() {
  const number = new Map(ordered.map((l, i) => [l.id, i + 1]));
  return (
    <main className="start" aria-labelledby="start-title" data-testid="start-page">
      <section className="start-intro">
        <h1 id="start-title">How recommenders combine objectives</h1>
        <p>
          A recommender is asked for more than accuracy — variety, novelty, every taste a user has — and production systems combine those objectives in
          three ways — <b>joint training</b> (one model, several signals), <b>weighting</b> (add the objectives with weights) or{' '}
          <b>reformulation</b> (change what is optimised so the trade-off does not arise). Each lab trains small models in this browser; the numbers give a
          suggested order, and every lab has a short lesson.
        </p>
      </section>
      <div className="start-parts">
        {LAB_PARTS.map((part) => {
          const labs = ordered.filter((l) => (l.place?.part ?? 'basics') === part.id);
          const coming = COMING_LABS.filter((c) => c.part === part.id && !LABS.some((l) => l.title === c.title));
          return (
            <section key={part.id} className={`start-part start-part-${part.id}`} aria-labelledby={`part-${part.id}`} data-testid={`start-part-${part.id}`}>
              <h2 id={`part-${part.id}`}>{part.title}</h2>
              <p className="muted small">{part.line}</p>
              <ol className="start-cards">
                {labs.map((lab) => (
                  <LabCard key={lab.id} lab={lab} n={number.get(lab.id)!} />
                ))}
                {coming.map((c) => (
                  <li key={c.title} className="start-coming small" data-testid="start-coming">
                    <span className="muted">Being built:</span> {c.title}
                  </li>
                ))}
              </ol>
            </section>
          );
        })}
      </div>
    </main>
  );
}
