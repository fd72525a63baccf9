// "About this lab": what it shows, the papers it is built on, and what to try.
import { selectLab } from '../../state/selectors';
import { useLabStore } from '../appStore';
import { FindingsPanel } from '../findings/FindingsPanel';

export function AboutPanel() {
  const lab = useLabStore(selectLab);
  return (
    <section className="about" aria-label="About this lab">
      <h2>About this lab</h2>
      <p>{lab.about}</p>
      <h3>What to try</h3>
      <ul>
        {lab.whatToTry.map((t) => (
          <li key={t}>{t}</li>
        ))}
      </ul>
      <FindingsPanel />
      <h3>Papers</h3>
      <ul className="papers">
        {lab.papers.map((p) => (
          <li key={p.title}>
            {p.url ? (
              <a href={p.url} target="_blank" rel="noreferrer">
                {p.title}
              </a>
            ) : (
              p.title
            )}
            . {p.authors}. {p.venue} {p.year}.
          </li>
        ))}
      </ul>
    </section>
  );
}
