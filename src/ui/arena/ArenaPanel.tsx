// The strategy arena: the weighting lab's and the consumption lab's ways of trading accuracy for diversity on one
// plane per metric family, from the recorded run (npm run lab -- arena), and whether reformulating beat balancing.
import { useMemo, useState } from 'react';
import { ARENA_METRICS, type ArenaRecord } from '../../core/arena/arena';
import recorded from '../../core/arena/arena.json';
import { ParetoChart } from '../sweep/ParetoChart';
import { paretoPoints } from '../sweep/sweepPoints';
import { ARENA_KINDS, arenaChartLabel, arenaRuns, compareStrategies, signedGap, tally } from './arenaView';

const RECORD = recorded as ArenaRecord;
const NAMES: Record<string, string> = { ild: 'ILD@10', ...Object.fromEntries(ARENA_METRICS.map((m) => [m.key, m.label])) };
const ORDER = ['ild', ...ARENA_METRICS.map((m) => m.key)];
const SETTINGS = ['lab', 'strategy', 'base'];
const FEW = ARENA_METRICS.filter((m) => m.family === 'a few consumed');

/** The conclusion in words, from the counts alone (so it changes when the record does). */
function verdictSentence(counts: ReturnType<typeof tally>): string {
  const say = (t: (typeof counts)[number]) =>
    t.above === t.total
      ? `under ${t.label} every reformulating point beats balancing at equal diversity`
      : t.above === 0
        ? `under ${t.label} no reformulating point beats balancing at equal diversity${t.beyond ? ` (${t.beyond} reach more accuracy than any balancing point only at another diversity)` : ''}`
        : `under ${t.label} ${t.above} of ${t.total} reformulating points beat balancing at equal diversity${t.weak ? ` (${t.weak === t.above ? (t.above === 1 ? 'it' : 'all') : t.weak} by less than the seed-to-seed sd)` : ''}`;
  const text = counts.map(say).join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1) + '.';
}

export function ArenaPanel({ record = RECORD }: { record?: ArenaRecord }) {
  const [few, setFew] = useState<string>(FEW[0].key);
  const { runs } = useMemo(() => arenaRuns(record), [record]);
  const cmp = useMemo(() => compareStrategies(record), [record]);
  const counts = useMemo(() => tally(cmp), [cmp]);
  const precision = useMemo(() => paretoPoints(runs, 'ild', 'precision', arenaChartLabel), [runs]);
  const fewPoints = useMemo(() => paretoPoints(runs, 'ild', few, arenaChartLabel), [runs, few]);
  const reformulating = [...new Set(cmp.map((c) => c.entryId))];
  const fewLabel = NAMES[few];
  return (
    <section className="sweep-panel arena" aria-label="Strategy arena" data-testid="arena-panel">
      <div className="sweep-head">
        <h2>Strategy arena: does reformulating beat balancing?</h2>
        <p className="small muted">
          Every way these labs trade accuracy for diversity, on one plane: {record.dataset}, {record.protocol}; mean of {record.seeds.length} seed
          {record.seeds.length === 1 ? '' : 's'} ({record.seeds.join(', ')}), {record.backend}, {record.date.slice(0, 10)}, commit {record.commit}. A reformulating point is
          compared with the balancing points on the same model only (the weighting lab’s trained policy, or the consumption lab’s warm start): its gap is its accuracy minus
          the balancing front’s at its own diversity, seed by seed.
        </p>
      </div>
      <ul className="arena-tally" data-testid="arena-tally">
        {counts.map((t) => (
          <li key={t.metric} data-metric={t.metric} data-above={t.above} data-total={t.total}>
            <b>{t.label}</b>: {t.above} of {t.total} reformulating points above their balancing front at equal diversity, {t.below} below
            {t.beyond ? `, ${t.beyond} off its diversity range (more accurate but less diverse, or the reverse)` : ''}
            {t.mixed ? `, ${t.mixed} mixed over seeds` : ''}.
          </li>
        ))}
      </ul>
      <p className="arena-verdict" data-testid="arena-verdict">
        <b>Measured, not asserted:</b> {verdictSentence(counts)}
      </p>
      <div className="pareto-grid">
        <div className="pareto-cell">
          <p className="field-label arena-family">If every item is consumed</p>
          <ParetoChart testId="arena-precision" title="Precision@10 vs diversity" xLabel="ILD@10 (diversity)" yLabel="Precision@10" points={precision} names={NAMES} metricOrder={ORDER} kinds={ARENA_KINDS} settings={SETTINGS} />
        </div>
        <div className="pareto-cell">
          <label className="field inline-c">
            <span className="field-label">If the user consumes only a few:</span>
            <select value={few} onChange={(e) => setFew(e.target.value)} data-testid="arena-pick" aria-label="Strategy arena: metric when a few are consumed">
              {FEW.map((m) => (
                <option key={m.key} value={m.key}>
                  {m.label}
                </option>
              ))}
            </select>
          </label>
          <ParetoChart testId="arena-few" title={`${fewLabel} vs diversity`} xLabel="ILD@10 (diversity)" yLabel={fewLabel} points={fewPoints} names={NAMES} metricOrder={ORDER} kinds={ARENA_KINDS} settings={SETTINGS} />
        </div>
      </div>
      <p className="small muted pareto-legend">
        {ARENA_KINDS.map((k) => (
          <span key={k.id}>
            <span className="key" style={{ background: k.color }} /> {k.legend}{' '}
          </span>
        ))}
        <span className="key key-front" /> on the plane’s Pareto front. Hover a point for its numbers.
      </p>
      <p className="small muted arena-caption">Accuracy gap to the balancing front of the same model at the same diversity (mean ± sd over seeds; above / below the front; beyond: outside its diversity range, neither dominating nor dominated — more accurate but less diverse, or the reverse; in brackets, seeds above)</p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Accuracy gaps to the balancing front (scrolls sideways)">
        <table className="results-table arena-table" data-testid="arena-table">
          <thead>
            <tr>
              <th scope="col">reformulating point</th>
              {ARENA_METRICS.map((m) => (
                <th key={m.key} scope="col">
                  {m.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {reformulating.map((id) => (
              <tr key={id}>
                <th scope="row">{cmp.find((c) => c.entryId === id)!.label}</th>
                {ARENA_METRICS.map((m) => {
                  const c = cmp.find((x) => x.entryId === id && x.metric === m.key);
                  return (
                    <td key={m.key} className={c ? `verdict-${c.verdict}` : undefined} data-verdict={c?.verdict}>
                      {c ? (
                        <>
                          {signedGap(c)} <span className="small">{c.verdict} ({c.verdicts.filter((v) => v === 'above').length}/{c.verdicts.length})</span>
                        </>
                      ) : (
                        '–'
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="small muted">
        Not on the plane: {record.leftOut.map((l) => `${l.what} (${l.why})`).join('; ')}. Re-run headless with <code>npm run lab -- arena</code> (about 60 runs; too long for a
        browser tab); the consumption lab’s findings re-run its part of the test (its lists against the MMR line) in the browser.
      </p>
    </section>
  );
}
