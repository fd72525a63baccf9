// KGAT's explanations: pick a user and one of their top recommendations, see the highest-attention paths from the
// user to it as a small graph and as a list (Wang et al. 2019, §4.5).
import { memo, useState } from 'react';
import type { KgatArtifacts } from '../../../core/labs/kgat/artifacts';
import type { ExplainedPath } from '../../../core/labs/kgat/explain';
import { product } from './format';
import { KIND_COLORS, PathGraph } from './PathGraph';

/** A path in words: "user 3 → interact (π 0.041) → Film A → genre (π 0.210) → genre: Drama → genre⁻¹ (π 0.033) → Film B". */
export function pathText(p: ExplainedPath): string {
  const parts = [p.nodes[0].name];
  p.relations.forEach((r, j) => parts.push(`${r} (π ${p.weights[j].toFixed(3)})`, p.nodes[j + 1]?.name ?? '?'));
  return `${parts.join(' → ')}, product ${product(p.score)}`;
}

function PathList({ paths, via, setActive }: { paths: { p: ExplainedPath; i: number }[]; via: 'entity' | 'user'; setActive: (i: number | null) => void }) {
  const title = via === 'entity' ? 'Through an attribute (a shared genre, creator, decade…)' : 'Through another user who interacted with both items';
  return (
    <div className="kg-paths" data-testid={`kgat-paths-${via}`}>
      <h4>
        {title} <span className="muted">({paths.length})</span>
      </h4>
      {paths.length === 0 ? (
        <p className="small muted">None: no such path exists in the graph for this pair.</p>
      ) : (
        <ol className="kg-path-list">
          {paths.map(({ p, i }) => (
            <li key={i} data-testid="kgat-path" data-via={via} tabIndex={0} onMouseEnter={() => setActive(i)} onMouseLeave={() => setActive(null)} onFocus={() => setActive(i)} onBlur={() => setActive(null)}>
              {pathText(p)}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

export const ExplainView = memo(function ExplainView({ ex }: { ex: KgatArtifacts['explanations'] }) {
  const [userIdx, setUserIdx] = useState(0);
  const [itemIdx, setItemIdx] = useState(0);
  const [active, setActive] = useState<number | null>(null);
  const user = ex.users[Math.min(userIdx, ex.users.length - 1)];
  if (!user) return <p className="small muted">No explanations: no user had a recommendation to explain.</p>;
  const item = user.items[Math.min(itemIdx, user.items.length - 1)];
  const indexed = (item?.paths ?? []).map((p, i) => ({ p, i }));
  const byVia = (v: 'entity' | 'user') => indexed.filter((x) => x.p.via === v);
  const label = item
    ? `Paths from ${user.user} to ${item.item} (rank ${item.rank}): ${indexed.length} paths, listed below as text.`
    : `No recommendation of ${user.user} to explain.`;
  return (
    <div className="kg-section kg-explain-body">
      <div className="kg-pickers">
        <label className="kg-picker">
          user
          <select
            value={userIdx}
            onChange={(e) => {
              setUserIdx(Number(e.target.value));
              setItemIdx(0);
              setActive(null);
            }}
            data-testid="kgat-explain-user"
          >
            {ex.users.map((u, i) => (
              <option key={u.user} value={i}>
                {u.user} ({u.trainItems} training items)
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="kg-items" role="group" aria-label={`Top recommendations of ${user.user}`} data-testid="kgat-explain-items">
        {user.items.map((it, i) => (
          <button
            key={it.item}
            type="button"
            className="kg-item"
            aria-pressed={i === itemIdx}
            onClick={() => {
              setItemIdx(i);
              setActive(null);
            }}
            data-testid="kgat-explain-item"
          >
            #{it.rank} {it.item}
            {it.hit ? <span className="kg-hit"> held-out hit</span> : null}
          </button>
        ))}
      </div>
      {item ? (
        <>
          <p className="small" data-testid="kgat-explain-target">
            Why KGAT ranks <strong>{item.item}</strong> #{item.rank} for {user.user}
            {item.hit ? ' — and it is one of their held-out test items' : ' (not among their held-out test items)'}:
          </p>
          {indexed.length > 0 ? <PathGraph paths={item.paths} active={active} label={label} /> : null}
          <ul className="kg-key small muted" aria-label="Key to the graph">
            {(['user', 'item', 'entity'] as const).map((k) => (
              <li key={k}>
                <span className={`kg-key-shape kg-key-${k}`} style={{ borderColor: KIND_COLORS[k], background: `${KIND_COLORS[k]}22` }} aria-hidden="true" /> {k === 'entity' ? 'attribute entity' : k}
              </li>
            ))}
            <li>
              <span className="kg-key-line kg-key-dashed" aria-hidden="true" /> through another user
            </li>
            <li>thicker edge = larger π</li>
          </ul>
          <PathList paths={byVia('entity')} via="entity" setActive={setActive} />
          <PathList paths={byVia('user')} via="user" setActive={setActive} />
        </>
      ) : null}
    </div>
  );
});
