// The error grid: user attribute (rows) × item attribute value (columns), each cell coloured by one model's
// calibration error on the test impressions (mean predicted − observed click rate), the planted exceptions ringed.
import { memo, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { MODELS, type ModelId } from '../../../core/labs/wideDeep/config';
import type { ErrorGridArtifact } from '../../../core/labs/wideDeep/grid';
import { ChartTable, useChartOrTable } from '../../charts/ChartTable';
import { divergingColor, int, MODEL_LABELS, niceMax, pp, rate } from './format';

/** Below this many test impressions a cell's observed rate is too noisy to judge: drawn faded and hatched. */
export const FEW_IMPRESSIONS = 20;
/** How many columns "the busiest" shows. */
const TOP_COLUMNS = 30;

type Pick = ModelId | 'truth';
type ColumnChoice = 'all' | 'planted' | 'top';

interface Cell {
  index: number;
  row: number;
  col: number;
  impressions: number;
  clicks: number;
  observed: number;
  planted: boolean;
}

/** The mean prediction of `pick` in cell `i` (the true probability for 'truth'). */
function predictedOf(g: ErrorGridArtifact, pick: Pick, i: number): number {
  return pick === 'truth' ? (g.truth?.[i] ?? NaN) : g.predicted[pick][i];
}

/** The columns to show, in order: columns with a planted cell first, then by test impressions (most first). */
export function columnOrder(g: ErrorGridArtifact, choice: ColumnChoice): number[] {
  const C = g.columns.length;
  const plantedCols = new Set(g.planted.map((i) => i % C));
  const total = Array.from({ length: C }, (_, c) => g.rows.reduce((s, _r, r) => s + g.impressions[r * C + c], 0));
  const order = Array.from({ length: C }, (_, c) => c).sort((a, b) => Number(plantedCols.has(b)) - Number(plantedCols.has(a)) || total[b] - total[a] || a - b);
  if (choice === 'planted') return order.filter((c) => plantedCols.has(c));
  if (choice === 'top') {
    // The busiest columns by impressions, planted ones kept (they come first in `order`).
    const busiest = new Set([...order].sort((a, b) => total[b] - total[a] || a - b).slice(0, TOP_COLUMNS));
    return order.filter((c) => plantedCols.has(c) || busiest.has(c)).slice(0, Math.max(TOP_COLUMNS, plantedCols.size));
  }
  return order;
}

export const ErrorGridView = memo(function ErrorGridView({ grid }: { grid: ErrorGridArtifact }) {
  const C = grid.columns.length;
  const hasTruth = !!grid.truth;
  const plantedCols = useMemo(() => new Set(grid.planted.map((i) => i % C)), [grid.planted, C]);
  const [pick, setPick] = useState<Pick>('joint');
  const [choice, setChoice] = useState<ColumnChoice>(C > 40 ? 'top' : 'all');
  const cols = useMemo(() => columnOrder(grid, choice), [grid, choice]);
  const plantedSet = useMemo(() => new Set(grid.planted), [grid.planted]);
  const cellAt = (r: number, c: number): Cell => {
    const index = r * C + c;
    const impressions = grid.impressions[index];
    const clicks = grid.clicks[index];
    return { index, row: r, col: c, impressions, clicks, observed: impressions ? clicks / impressions : NaN, planted: plantedSet.has(index) };
  };
  // The colour scale's end: the largest |error| among the shown cells with enough impressions (so a noisy cell does not wash the rest out).
  const scaleMax = useMemo(() => {
    let m = 0;
    for (let r = 0; r < grid.rows.length; r++)
      for (const c of cols) {
        const i = r * C + c;
        if (grid.impressions[i] < FEW_IMPRESSIONS) continue;
        const e = Math.abs(predictedOf(grid, pick, i) - grid.clicks[i] / grid.impressions[i]);
        if (Number.isFinite(e)) m = Math.max(m, e);
      }
    return niceMax(m);
  }, [grid, pick, cols, C]);

  const [active, setActive] = useState<{ r: number; k: number } | null>(null);
  const [focused, setFocused] = useState(false);
  const scrollRef = useRef<HTMLDivElement>(null);
  const figureRef = useRef<HTMLElement>(null);
  const [overflows, setOverflows] = useState(false);
  const [tipPos, setTipPos] = useState<{ left: number; top: number } | null>(null);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const check = () => setOverflows(el.scrollWidth > el.clientWidth + 1);
    check();
    const ro = new ResizeObserver(check);
    ro.observe(el);
    return () => ro.disconnect();
  });

  // Place the tooltip under the active cell, inside the figure (clamped to its width).
  useLayoutEffect(() => {
    if (!active || !figureRef.current || !scrollRef.current) return setTipPos(null);
    const cellEl = scrollRef.current.querySelector<HTMLElement>(`[data-r="${active.r}"][data-k="${active.k}"]`);
    if (!cellEl) return setTipPos(null);
    const fig = figureRef.current.getBoundingClientRect();
    const box = cellEl.getBoundingClientRect();
    const width = Math.min(260, fig.width - 8);
    const left = Math.max(4, Math.min(box.left - fig.left + box.width / 2 - width / 2, fig.width - width - 4));
    setTipPos({ left, top: box.bottom - fig.top + 6 });
  }, [active, pick, choice]);

  const move = (e: KeyboardEvent<HTMLDivElement>) => {
    const R = grid.rows.length;
    const K = cols.length;
    const cur = active ?? { r: 0, k: 0 };
    const next = { ...cur };
    if (e.key === 'ArrowRight') next.k = Math.min(K - 1, cur.k + 1);
    else if (e.key === 'ArrowLeft') next.k = Math.max(0, cur.k - 1);
    else if (e.key === 'ArrowDown') next.r = Math.min(R - 1, cur.r + 1);
    else if (e.key === 'ArrowUp') next.r = Math.max(0, cur.r - 1);
    else if (e.key === 'Home') next.k = 0;
    else if (e.key === 'End') next.k = K - 1;
    else if (e.key === 'Escape') return setActive(null);
    else return;
    e.preventDefault();
    setActive(next);
    scrollRef.current?.querySelector<HTMLElement>(`[data-r="${next.r}"][data-k="${next.k}"]`)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  };

  const pickLabel = pick === 'truth' ? 'true probability' : MODEL_LABELS[pick];
  const label =
    `Error grid of the ${pickLabel} model: ${grid.rows.length} user attributes (rows) × ${cols.length} ${grid.itemField} values (columns), ` +
    `each cell coloured by mean predicted − observed click rate on the test impressions (blue: predicts too few clicks, red: too many; closer to 0 is better). ` +
    `${grid.planted.length} planted exception cells are ringed. The table view lists every cell.`;

  const tableRows = useMemo(() => {
    const out: (Cell & { err: number })[] = [];
    for (let r = 0; r < grid.rows.length; r++)
      for (const c of cols) {
        const cell = cellAt(r, c);
        if (!cell.impressions) continue;
        out.push({ ...cell, err: predictedOf(grid, pick, cell.index) - cell.observed });
      }
    out.sort((a, b) => Number(b.planted) - Number(a.planted) || Math.abs(b.err) - Math.abs(a.err));
    return out.map((x) => ({
      cell: `${grid.rows[x.row]} × ${grid.columns[x.col]}`,
      impressions: x.impressions,
      clicks: x.clicks,
      observed: rate(x.observed),
      ...Object.fromEntries(MODELS.map((m) => [m, rate(grid.predicted[m][x.index])])),
      ...(hasTruth ? { truth: rate(grid.truth![x.index]) } : {}),
      err: pp(x.err),
      planted: x.planted ? '✓ planted' : '',
    }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [grid, pick, cols, hasTruth]);

  const view = useChartOrTable(
    label,
    () => (
      <div className="wd-grid-outer">
        {overflows ? (
          <p className="wd-scroll-note small muted" data-testid="wd-grid-scroll-note">
            ↔ The grid scrolls sideways inside its box ({cols.length} columns).
          </p>
        ) : null}
        <div
          className="wd-grid-scroll"
          ref={scrollRef}
          tabIndex={0}
          aria-label="Error grid cells: use the arrow keys to read a cell"
          data-testid="wd-grid"
          data-columns={cols.length}
          data-rows={grid.rows.length}
          onKeyDown={move}
          onFocus={() => {
            setFocused(true);
            if (!active) setActive({ r: 0, k: 0 });
          }}
          onBlur={() => {
            setFocused(false);
            setActive(null);
          }}
          onMouseLeave={() => (focused ? null : setActive(null))}
        >
          <div className="wd-grid" style={{ gridTemplateColumns: `max-content repeat(${cols.length}, var(--wd-cell))` }}>
            <div className="wd-corner">
              user attribute ↓ · {grid.itemField} →
            </div>
            {cols.map((c) => (
              <div key={c} className={`wd-colhead${plantedCols.has(c) ? ' wd-colhead-planted' : ''}`} title={grid.columns[c]}>
                <span>{grid.columns[c]}</span>
              </div>
            ))}
            {grid.rows.map((rowName, r) => [
              <div key={`h${r}`} className="wd-rowhead">
                {rowName}
              </div>,
              ...cols.map((c, k) => {
                const cell = cellAt(r, c);
                const err = predictedOf(grid, pick, cell.index) - cell.observed;
                const empty = !cell.impressions;
                const few = !empty && cell.impressions < FEW_IMPRESSIONS;
                const isActive = active?.r === r && active.k === k;
                const cls = ['wd-cell', empty ? 'wd-cell-empty' : '', few ? 'wd-cell-few' : '', cell.planted ? 'wd-cell-planted' : '', isActive ? 'wd-cell-active' : ''].filter(Boolean).join(' ');
                return (
                  <div
                    key={`${r}-${c}`}
                    className={cls}
                    data-r={r}
                    data-k={k}
                    data-testid={cell.planted ? 'wd-cell-planted' : 'wd-cell'}
                    style={empty ? undefined : { backgroundColor: divergingColor(err, scaleMax) }}
                    onMouseEnter={() => setActive({ r, k })}
                  />
                );
              }),
            ])}
          </div>
        </div>
      </div>
    ),
    () => (
      <ChartTable
        caption={`Error grid cells (${pickLabel}), planted first, then the largest |predicted − observed| first`}
        columns={[
          { key: 'cell', label: `cell (user attribute × ${grid.itemField})` },
          { key: 'impressions', label: 'test impressions' },
          { key: 'clicks', label: 'clicks' },
          { key: 'observed', label: 'observed click rate' },
          ...MODELS.map((m) => ({ key: m, label: `predicted: ${MODEL_LABELS[m]}` })),
          ...(hasTruth ? [{ key: 'truth', label: 'true probability' }] : []),
          { key: 'err', label: `${pickLabel} − observed (closer to 0 is better)` },
          { key: 'planted', label: 'planted exception' },
        ]}
        rows={tableRows}
      />
    ),
    'wd-grid-box',
  );

  const tip = active && !view.asTable ? cellAt(active.r, cols[active.k] ?? 0) : null;
  return (
    <figure className="chart wd-grid-figure" ref={figureRef} data-testid="wd-error-grid">
      <figcaption>
        <span className="chart-title">
          Error grid: where each model misjudges the click rate ({grid.rows.length} user attributes × {grid.itemField})
        </span>
        <span className="chart-head-actions">
          <span className="better">closer to 0 (white) is better</span>
          {view.toggle}
        </span>
      </figcaption>
      <div className="wd-grid-controls">
        <fieldset className="wd-picker" data-testid="wd-model-picker">
          <legend>Model</legend>
          {[...MODELS, ...(hasTruth ? (['truth'] as const) : [])].map((m) => (
            <label key={m} className={pick === m ? 'wd-picked' : undefined}>
              <input type="radio" name="wd-grid-model" value={m} checked={pick === m} onChange={() => setPick(m)} />
              {m === 'truth' ? 'true probability' : MODEL_LABELS[m]}
            </label>
          ))}
        </fieldset>
        <label className="wd-columns">
          Columns{' '}
          <select value={choice} onChange={(e) => setChoice(e.target.value as ColumnChoice)} data-testid="wd-columns">
            <option value="all">all {C} (planted first, then most impressions)</option>
            {grid.planted.length ? <option value="planted">only those with a planted cell ({plantedCols.size})</option> : null}
            {C > TOP_COLUMNS ? <option value="top">the {TOP_COLUMNS} with the most impressions (+ planted)</option> : null}
          </select>
        </label>
      </div>
      <Legend max={scaleMax} />
      {view.body}
      {tip ? (
        <div className="wd-tip" role="status" aria-live="polite" data-testid="wd-grid-tooltip" style={tipPos ? { left: tipPos.left, top: tipPos.top } : { visibility: 'hidden' }}>
          <strong>
            {grid.rows[tip.row]} × {grid.columns[tip.col]}
          </strong>
          {tip.planted ? <span className="wd-tip-planted"> · planted exception</span> : null}
          <dl>
            <dt>test impressions</dt>
            <dd>{int(tip.impressions)}{tip.impressions && tip.impressions < FEW_IMPRESSIONS ? ' (few: noisy)' : ''}</dd>
            <dt>clicks</dt>
            <dd>{int(tip.clicks)}</dd>
            <dt>observed rate</dt>
            <dd>{rate(tip.observed)}</dd>
            {MODELS.map((m) => (
              <FragmentRow key={m} name={`${MODEL_LABELS[m]} predicts`} value={grid.predicted[m][tip.index]} observed={tip.observed} strong={m === pick} empty={!tip.impressions} />
            ))}
            {hasTruth ? <FragmentRow name="true probability" value={grid.truth![tip.index]} observed={tip.observed} strong={pick === 'truth'} empty={!tip.impressions} /> : null}
          </dl>
        </div>
      ) : null}
      <p className="small muted wd-caption">
        Colour: the {pickLabel} model’s mean predicted click rate minus the observed click rate of the cell’s test impressions (red: predicts too many clicks, blue: too
        few; white = calibrated).{' '}
        {grid.planted.length ? (
          <>
            <span className="wd-key wd-key-planted" aria-hidden="true" /> Ringed: the planted exceptions — a user attribute × a {grid.itemField} that clicks far more than
            either predicts.
          </>
        ) : (
          'No planted exceptions here (only synthetic worlds plant them), so nothing is ringed.'
        )}{' '}
        <span className="wd-key wd-key-few" aria-hidden="true" /> Faded and hatched: fewer than {FEW_IMPRESSIONS} test impressions,
        so the observed rate is noisy. <span className="wd-key wd-key-empty" aria-hidden="true" /> Grey: no test impressions. Columns: those with a planted cell first, then by test impressions. Hover or focus the grid and use the arrow keys to read a cell.
      </p>
    </figure>
  );
});

function FragmentRow({ name, value, observed, strong, empty }: { name: string; value: number; observed: number; strong: boolean; empty: boolean }) {
  const text = empty ? '—' : `${rate(value)} (${pp(value - observed)})`;
  return (
    <>
      <dt>{strong ? <strong>{name}</strong> : name}</dt>
      <dd>{strong ? <strong>{text}</strong> : text}</dd>
    </>
  );
}

/** The diverging scale: −max … 0 … +max, in percentage points. */
function Legend({ max }: { max: number }) {
  const stops = [-1, -0.5, 0, 0.5, 1].map((t) => divergingColor(t * max, max));
  return (
    <div className="wd-legend" data-testid="wd-grid-legend">
      <span className="wd-legend-title">predicted − observed click rate (percentage points)</span>
      <div className="wd-legend-bar" style={{ background: `linear-gradient(to right, ${stops.join(', ')})` }} aria-hidden="true" />
      <div className="wd-legend-ticks">
        <span>{pp(-max)} too few</span>
        <span>0 (better)</span>
        <span>too many {pp(max)}</span>
      </div>
    </div>
  );
}
