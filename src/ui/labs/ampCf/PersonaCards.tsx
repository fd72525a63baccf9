// One card per persona of the explained user: its share, the history items it owns, its top items and genre mix.
import { memo } from 'react';
import type { PersonaCard } from '../../../core/labs/ampCf/explanation';
import { GenreChips, shareList, type GenreIndex } from './GenreChips';
import { genreFill, pct, personaColor, personaName } from './palette';

interface Props {
  cards: PersonaCard[];
  historySize: number;
  genreNames: string[];
  genreIndex: GenreIndex;
}

export const PersonaCards = memo(function PersonaCards({ cards, historySize, genreNames, genreIndex }: Props) {
  return (
    <div className="ampcf-personas" data-testid="ampcf-personas" data-personas={cards.length}>
      {cards.map((c) => (
        <article key={c.persona} className="ampcf-persona" style={{ borderTopColor: personaColor(c.persona) }} aria-label={`Persona ${c.persona + 1}`}>
          <header className="ampcf-persona-head">
            <PersonaBadge p={c.persona} />
            <strong>Persona {c.persona + 1}</strong>
            <span className="ampcf-persona-share" title="Mean attention α this persona gets over the user’s history items">
              {pct(c.share)} of the user
            </span>
          </header>
          <p className="small muted">
            p* of {c.items} of {historySize} history item{historySize === 1 ? '' : 's'}
            {c.items === 0 ? ' — no item picks it first' : ''}
          </p>
          <GenreMixBar mix={c.genreMix} names={genreNames} />
          <ol className="ampcf-persona-items">
            {c.topItems.map((it) => (
              <li key={it.item}>
                <span className="ampcf-title">{it.title}</span> <GenreChips genres={it.genres} index={genreIndex} />{' '}
                <span className="ampcf-alpha" title={`α of ${personaName(c.persona)} for this item`}>
                  α {pct(it.attention)}
                </span>
              </li>
            ))}
          </ol>
        </article>
      ))}
    </div>
  );
});

/** A round badge with the persona's number in its colour. */
export function PersonaBadge({ p }: { p: number }) {
  return (
    <span className="ampcf-badge" style={{ background: personaColor(p) }} title={personaName(p)} aria-label={personaName(p)}>
      {p + 1}
    </span>
  );
}

/** The persona's genre mix as one stacked bar (genre hues), with the top three named under it. */
function GenreMixBar({ mix, names }: { mix: number[]; names: string[] }) {
  const parts = shareList(names, mix);
  const text = parts.map((x) => `${x.name} ${pct(x.share)}`).join(', ');
  return (
    <div className="ampcf-mix">
      <div className="ampcf-stack" role="img" aria-label={`Genre mix: ${text}`} title={`Genre mix (α-weighted history): ${text}`}>
        {parts.map((x) => (
          <span key={x.g} style={{ width: `${x.share * 100}%`, background: genreFill(x.g) }} />
        ))}
      </div>
      <span className="small muted">
        {parts
          .slice(0, 3)
          .map((x) => `${x.name} ${pct(x.share)}`)
          .join(' · ')}
      </span>
    </div>
  );
}
