// AMP-CF's top 10 with the attention over personas behind each item, next to MF's top 10 (P = 1).
import { memo } from 'react';
import type { ExplainedItemView, RankedItemView } from '../../../core/labs/ampCf/explanation';
import { GenreChips, type GenreIndex } from './GenreChips';
import { PersonaBadge } from './PersonaCards';
import { MODEL_COLORS, pct, personaColor, personaName } from './palette';

interface Props {
  amp: ExplainedItemView[];
  mf: RankedItemView[];
  personas: number;
  genreIndex: GenreIndex;
}

export const RecLists = memo(function RecLists({ amp, mf, personas, genreIndex }: Props) {
  const inMf = new Set(mf.map((r) => r.item));
  const shared = amp.filter((r) => inMf.has(r.item)).length;
  const used = new Set(amp.map((r) => r.persona)).size;
  return (
    <div className="ampcf-recs" data-testid="ampcf-recs">
      <section className="ampcf-list" aria-label="AMP-CF top 10, explained">
        <h4>
          <span className="ampcf-swatch" style={{ background: MODEL_COLORS.amp }} /> AMP-CF’s top {amp.length}, explained
        </h4>
        <p className="small muted">
          Bar: attention α over the {personas === 1 ? 'single persona' : `${personas} personas`} for the item (sums to 100%); the badge is p*, the persona that asked for it.{' '}
          {personas === 1 ? 'With P = 1, AMP-CF is MF: the two lists should coincide.' : `This list draws on ${used} of ${personas} personas.`}
        </p>
        <ol className="ampcf-rows">
          {amp.map((r) => (
            <li key={r.item} className="ampcf-rec ampcf-rec-amp" data-testid="ampcf-rec">
              <span className="ampcf-rank">{r.rank}</span>
              <span className="ampcf-item">
                <span className="ampcf-title">{r.title}</span> <GenreChips genres={r.genres} index={genreIndex} /> {r.heldOut ? <Hit /> : null}
              </span>
              <AttentionBar attention={r.attention} persona={r.persona} />
              <span className="ampcf-who">
                <PersonaBadge p={r.persona} />
              </span>
            </li>
          ))}
        </ol>
      </section>
      <section className="ampcf-list" aria-label="MF top 10 for comparison">
        <h4>
          <span className="ampcf-swatch" style={{ background: MODEL_COLORS.mf }} /> MF’s top {mf.length} (P = 1)
        </h4>
        <p className="small muted">
          One vector for the whole user, trained on the same batches. {shared} of {amp.length} items are in both lists.
        </p>
        <ol className="ampcf-rows">
          {mf.map((r) => (
            <li key={r.item} className="ampcf-rec ampcf-rec-mf" data-testid="ampcf-mf-rec">
              <span className="ampcf-rank">{r.rank}</span>
              <span className="ampcf-item">
                <span className="ampcf-title">{r.title}</span> <GenreChips genres={r.genres} index={genreIndex} /> {r.heldOut ? <Hit /> : null}
              </span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
});

function Hit() {
  return (
    <span className="ampcf-hit" title="The user’s held-out click: a hit" aria-label="hit: the held-out click">
      ✓ hit
    </span>
  );
}

/** α over the personas as one stacked bar in the persona colours; the numbers are in its label and tooltip. */
function AttentionBar({ attention, persona }: { attention: number[]; persona: number }) {
  const text = `Attention α: ${attention.map((a, p) => `${personaName(p)} ${pct(a)}`).join(', ')}; p* = ${personaName(persona)}`;
  return (
    <span className="ampcf-stack ampcf-attention" data-testid="ampcf-attention" role="img" aria-label={text} title={text}>
      {attention.map((a, p) => (
        <span key={p} className="ampcf-seg" style={{ width: `${a * 100}%`, background: personaColor(p) }} />
      ))}
    </span>
  );
}
