// One test conversation replayed by two policies side by side: the target, then each policy's turns (candidates,
// action, the user's answer, reward) and, for the learned policies, the Q-value of every action it was offered.
import { memo, useState } from 'react';
import type { ReplayEpisode, ReplayRun, ReplayTurn } from '../../../core/conversation/trace';
import type { ReplayArtifact } from '../../../core/labs/conversation/artifacts';
import type { PolicyId } from '../../../core/labs/conversation/config';
import { answerText, isLearned, num, POLICY_COLORS, shortLabel, signed } from './format';

const colorOf = (id: string) => POLICY_COLORS[id as PolicyId] ?? '#555';

/** "✓ turn 4" or "✗" for one policy's run of an episode. */
const outcome = (run: ReplayRun | undefined) => (!run ? '–' : run.successTurn !== null ? `✓ turn ${run.successTurn}` : '✗');

export const ReplayView = memo(function ReplayView({ replay, turns }: { replay: ReplayArtifact; turns: number }) {
  const ids = replay.policies.map((p) => p.id);
  const labelOf = (id: string) => replay.policies.find((p) => p.id === id)?.label ?? id;
  const shortOf = (id: string) => shortLabel(labelOf(id));
  const [episode, setEpisode] = useState(0);
  const [a, setA] = useState<string>(ids.includes('unified') ? 'unified' : ids[0]);
  const [b, setB] = useState<string>(ids.includes('separated') ? 'separated' : (ids[1] ?? ids[0]));
  if (replay.episodes.length === 0) {
    return (
      <p className="small muted" data-testid="conv-replay-empty">
        No conversation was recorded: set “Replayed conversations” above 0 in Settings and run again.
      </p>
    );
  }
  const i = Math.min(episode, replay.episodes.length - 1);
  const e = replay.episodes[i];
  return (
    <div className="conv-section" data-testid="conv-replay-view">
      <p className="small">
        The first {replay.episodes.length} test conversations, played again by every policy with its chosen weights (no exploration). Each turn shows how many items were
        still candidates, what the policy did and what the simulated user answered; a learned policy’s turn lists the Q-value of every action it was offered, and it took the
        largest.
      </p>
      <div className="conv-pickers">
        <label className="conv-picker conv-picker-episode">
          <span>conversation</span>
          <select value={i} onChange={(ev) => setEpisode(Number(ev.target.value))} data-testid="conv-replay-episode">
            {replay.episodes.map((x, k) => (
              <option key={k} value={k}>
                #{k + 1} user {x.user} → {x.target} (opens with {x.opening}) · {shortOf(a)} {outcome(x.runs[a])}, {shortOf(b)} {outcome(x.runs[b])}
              </option>
            ))}
          </select>
        </label>
        <PolicyPicker side="left" value={a} onChange={setA} policies={replay.policies} testId="conv-replay-policy-a" />
        <PolicyPicker side="right" value={b} onChange={setB} policies={replay.policies} testId="conv-replay-policy-b" />
      </div>
      <Target e={e} />
      <div className="conv-columns">
        {[a, b].map((id, k) => (
          <PolicyColumn key={`${k}-${id}`} id={id} label={labelOf(id)} run={e.runs[id]} turns={turns} />
        ))}
      </div>
    </div>
  );
});

function Target({ e }: { e: ReplayEpisode }) {
  return (
    <div className="conv-target" data-testid="conv-replay-target">
      <span>
        User <strong>{e.user}</strong> looks for <strong>{e.target}</strong> and opens with <strong>{e.opening}</strong>. The target has:
      </span>
      <ul className="conv-chips" aria-label="the target’s attributes">
        {e.targetAttributes.map((t) => (
          <li key={t} className={t === e.opening ? 'conv-chip conv-chip-opening' : 'conv-chip'}>
            {t}
            {t === e.opening ? <span className="sr-only"> (the opening)</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

function PolicyColumn({ id, label, run, turns }: { id: string; label: string; run: ReplayRun | undefined; turns: number }) {
  const firstRecommend = run ? run.turns.findIndex((t) => t.kind === 'recommend') : -1;
  const asks = run ? run.turns.filter((t) => t.kind === 'ask').length : 0;
  return (
    <section className="conv-column" data-testid="conv-replay-column" data-policy={id} aria-label={`${label}: the conversation turn by turn`} style={{ borderTopColor: colorOf(id) }}>
      <h4>
        <span className={`conv-swatch${isLearned(id) ? '' : ' conv-swatch-rule'}`} style={{ borderColor: colorOf(id) }} aria-hidden="true" /> {label}
      </h4>
      {!run ? (
        <p className="small muted">This policy was not replayed.</p>
      ) : (
        <>
          <p className={`small conv-outcome ${run.successTurn !== null ? 'conv-ok' : 'conv-fail'}`} data-testid="conv-replay-outcome">
            {run.successTurn !== null ? `Found the target at turn ${run.successTurn}` : `Did not find the target in ${run.turns.length} turns`}
            {' · '}
            {asks} question{asks === 1 ? '' : 's'}
            {' · '}
            {firstRecommend < 0 ? 'never recommended' : firstRecommend === 0 ? 'recommended from turn 1' : `switched to recommending at turn ${firstRecommend + 1}`}
          </p>
          <ol className="conv-turns">
            {run.turns.map((t, k) => (
              <Turn key={k} t={t} n={k + 1} switched={k === firstRecommend && k > 0} />
            ))}
          </ol>
          {run.successTurn === null && run.turns.length > 0 && run.turns[run.turns.length - 1].answer !== 'emptyCandidates' ? (
            <p className="small muted">The conversation ran out of turns: the user quits at turn {turns} (the opening is turn 1, so the agent acts at most {turns - 1} times).</p>
          ) : null}
        </>
      )}
    </section>
  );
}

/** One of the two policy pickers of the replay. */
function PolicyPicker({ side, value, onChange, policies, testId }: { side: string; value: string; onChange: (id: string) => void; policies: ReplayArtifact['policies']; testId: string }) {
  return (
    <label className="conv-picker">
      <span>{side}</span>
      <select value={value} onChange={(ev) => onChange(ev.target.value)} data-testid={testId}>
        {policies.map((p) => (
          <option key={p.id} value={p.id}>
            {p.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function Turn({ t, n, switched }: { t: ReplayTurn; n: number; switched: boolean }) {
  const good = t.answer === 'accepted' || t.answer === 'success';
  return (
    <li className={`conv-turn conv-turn-${t.kind}${switched ? ' conv-turn-switch' : ''}${t.answer === 'success' ? ' conv-turn-success' : ''}`} data-testid="conv-turn" data-kind={t.kind}>
      {switched ? (
        <div className="conv-switch" data-testid="conv-switch">
          ⇢ switches from asking to recommending
        </div>
      ) : null}
      <div className="conv-turn-head">
        <span className="conv-turn-n">turn {n}</span>
        <span className="conv-turn-cands">{t.candidates.toLocaleString('en-US')} candidates</span>
        <span className={`conv-kind conv-kind-${t.kind}`}>{t.kind}</span>
        <span className="conv-turn-label" title={t.label}>
          {t.label}
        </span>
      </div>
      <div className="conv-turn-answer">
        <span className={`conv-answer ${good ? 'conv-answer-good' : 'conv-answer-bad'}`} data-testid="conv-answer">
          {answerText(t.answer, t.rank)}
        </span>
        <span className="conv-reward">reward {signed(t.reward)}</span>
        {t.overridden ? (
          <span className="conv-override" title="The test-time override took another action than the largest Q-value">
            override
          </span>
        ) : null}
      </div>
      {t.options && t.options.length ? <QBars t={t} /> : null}
    </li>
  );
}

/** Rows shown before "show all": the best few of each kind by Q, and the one taken. */
const TOP_PER_KIND = 3;

/** The offered actions to list, in offered order: all of them, or the best few asks and recommendations and the one taken. */
function shownOptions(t: ReplayTurn, all: boolean): number[] {
  const opts = t.options!;
  if (all) return opts.map((_, k) => k);
  const keep = new Set<number>(t.chosen === undefined ? [] : [t.chosen]);
  for (const kind of ['ask', 'recommend'] as const) {
    opts
      .map((o, k) => ({ o, k }))
      .filter((x) => x.o.kind === kind)
      .sort((a, b) => b.o.q - a.o.q)
      .slice(0, TOP_PER_KIND)
      .forEach((x) => keep.add(x.k));
  }
  return [...keep].sort((a, b) => a - b);
}

/** Every offered action's Q-value as a bar from the turn's smallest to its largest, asks and recommendations coloured apart. */
function QBars({ t }: { t: ReplayTurn }) {
  const [all, setAll] = useState(false);
  const opts = t.options!;
  const shown = shownOptions(t, all);
  const qs = opts.map((o) => o.q);
  const lo = Math.min(0, ...qs);
  const hi = Math.max(0, ...qs);
  const span = hi - lo || 1;
  const best = (kind: 'ask' | 'recommend') => {
    const v = opts.filter((o) => o.kind === kind).map((o) => o.q);
    return v.length ? Math.max(...v) : null;
  };
  const bestAsk = best('ask');
  const bestRec = best('recommend');
  const zero = ((0 - lo) / span) * 100;
  return (
    <details className="conv-q" open>
      <summary className="small muted">
        Q-values of the {opts.length} offered actions
        {bestAsk !== null && bestRec !== null ? (
          <>
            {' '}
            (best ask {num(bestAsk, 3)}, best recommend {num(bestRec, 3)})
          </>
        ) : null}
      </summary>
      <ul className="conv-q-list" aria-label="Q-value of each offered action">
        {shown.map((k) => {
          const o = opts[k];
          const left = Math.min(zero, ((o.q - lo) / span) * 100);
          const width = Math.max(1, Math.abs(((o.q - lo) / span) * 100 - zero));
          const chosen = k === t.chosen;
          return (
            <li key={k} className={`conv-q-row conv-q-${o.kind}${chosen ? ' conv-q-chosen' : ''}`} data-testid="conv-q-row" data-chosen={chosen ? 'true' : undefined}>
              <span className="conv-q-mark" aria-hidden="true">
                {chosen ? '▶' : ''}
              </span>
              <span className="conv-q-label" title={o.label}>
                {o.label}
                {chosen ? <span className="sr-only"> (taken)</span> : null}
              </span>
              <span className="conv-q-track" aria-hidden="true">
                <span className="conv-q-zero" style={{ left: `${zero}%` }} />
                <span className="conv-q-bar" style={{ left: `${left}%`, width: `${width}%` }} />
              </span>
              <span className="conv-q-value">{num(o.q, 3)}</span>
            </li>
          );
        })}
      </ul>
      {shown.length < opts.length || all ? (
        <button type="button" className="link small" aria-expanded={all} onClick={() => setAll(!all)} data-testid="conv-q-all">
          {all ? `show the best ${TOP_PER_KIND} of each kind` : `show all ${opts.length} (${opts.length - shown.length} more)`}
        </button>
      ) : null}
    </details>
  );
}
