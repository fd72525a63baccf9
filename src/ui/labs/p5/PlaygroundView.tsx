// The playground: one user's test prompt under one template, the right answer, and each model's most likely first
// answer tokens (with probabilities) and its greedy answer. Only the templates' phrasings exist: no free text.
import { memo, useState } from 'react';
import type { ModelRow, P5Artifacts, PlaygroundPrompt } from '../../../core/labs/p5/artifacts';
import { FAMILY_LABELS } from '../../../core/labs/p5/config';
import { P5_TEMPLATES } from '../../../core/p5/templates';
import { answerPiece, answerPieces, modelKind, pct, playgroundTemplates, playgroundUsers, promptPieces, shortModel, type Piece } from './format';

function PieceText({ piece }: { piece: Piece }) {
  return piece.name === undefined ? (
    <>{piece.text}</>
  ) : (
    <span className="p5-item">
      {piece.text} <span className="p5-item-name">({piece.name})</span>
    </span>
  );
}

function Answers({ a, truth, items, label }: { a: PlaygroundPrompt['answers'][number]; truth: string; items: Record<string, string>; label: string }) {
  const right = a.greedy === truth;
  const max = Math.max(...a.top.map((t) => t.p), 1e-9);
  return (
    <div className={`p5-answers p5-answers-${modelKind(a.model)}`} data-testid="p5-playground-model" data-model={a.model}>
      <h5>{label}</h5>
      <p className="small muted">Most likely first answer token:</p>
      <ol className="p5-top">
        {a.top.map((t, i) => (
          <li key={i} data-testid="p5-playground-top" className={t.token === truth ? 'p5-top-truth' : undefined}>
            <span className="p5-top-token">
              <PieceText piece={answerPiece(t.token, items)} />
            </span>
            <span className="p5-top-bar" aria-hidden="true">
              <span style={{ width: `${(100 * t.p) / max}%` }} />
            </span>
            <span className="p5-top-p">{pct(t.p)}</span>
          </li>
        ))}
      </ol>
      <p className="small" data-testid="p5-playground-greedy">
        Greedy answer:{' '}
        {answerPieces(a.greedy, items).map((piece, i) => (
          <span key={i}>
            <PieceText piece={piece} />{' '}
          </span>
        ))}
        <span className={right ? 'p5-right' : 'p5-wrong'} data-testid="p5-playground-verdict">
          {right ? '✓ right' : '✗ wrong'}
        </span>
      </p>
    </div>
  );
}

export const PlaygroundView = memo(function PlaygroundView({ pg, rows }: { pg: P5Artifacts['playground']; rows: readonly ModelRow[] }) {
  const users = playgroundUsers(pg.prompts);
  const templates = playgroundTemplates(pg.prompts);
  const [user, setUser] = useState(users[0]?.user ?? 0);
  const [templateId, setTemplateId] = useState(templates[0]?.id ?? '');
  if (users.length === 0) return <p className="small muted">No prompts: no user had a test item.</p>;
  const shown = pg.prompts.filter((p) => p.user === user && p.templateId === templateId);
  const labelOf = (id: string) => rows.find((r) => r.id === id)?.label ?? shortModel(id);
  const textOf = (id: string) => P5_TEMPLATES.find((t) => t.id === id)?.text ?? id;
  return (
    <div className="p5-section" data-testid="p5-playground">
      <div className="p5-pickers">
        <label className="p5-picker">
          user
          <select value={user} onChange={(e) => setUser(Number(e.target.value))} data-testid="p5-playground-user">
            {users.map((u) => (
              <option key={u.user} value={u.user}>
                user {u.name}
              </option>
            ))}
          </select>
        </label>
        <label className="p5-picker">
          task and template
          <select value={templateId} onChange={(e) => setTemplateId(e.target.value)} data-testid="p5-playground-template">
            {templates.map((t) => (
              <option key={t.id} value={t.id}>
                {FAMILY_LABELS[t.family]}: “{textOf(t.id)}”{t.heldOut ? ' (held out)' : ''}
              </option>
            ))}
          </select>
        </label>
      </div>
      {shown.map((p, i) => (
        <div className="p5-prompt-card" key={i} data-testid="p5-playground-case">
          <div className="p5-prompt" tabIndex={0} role="region" aria-label="The prompt" data-testid="p5-playground-prompt">
            {promptPieces(p.prompt, pg.items).map((piece, j) => (
              <span key={j}>
                <PieceText piece={piece} />{' '}
              </span>
            ))}
          </div>
          <p className="small" data-testid="p5-playground-truth">
            Right answer: <b><PieceText piece={answerPiece(p.truth, pg.items)} /></b>
            {p.heldOut ? <span className="muted"> · a phrasing no model trained on</span> : null}
          </p>
          <div className="p5-answer-grid">
            {p.answers.map((a) => (
              <Answers key={a.model} a={a} truth={p.truth} items={pg.items} label={labelOf(a.model)} />
            ))}
          </div>
        </div>
      ))}
    </div>
  );
});
