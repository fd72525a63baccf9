// The data a lab trains on: what it is, its statistics, importing your own files, and any ground truth.
import { useMemo } from 'react';
import { useAfter } from '../charts/useAfter';
import { datasetStats, type DatasetStats } from '../../core/data/stats';
import { selectConfig, selectIsActive } from '../../state/selectors';
import { useLabStore } from '../appStore';
import { ChartTable, useChartOrTable } from '../charts/ChartTable';
import { DropZone } from './DropZone';
import { GenreBars } from './GenreBars';
import { PopularityLine } from './PopularityLine';
import { ImportMessages, ImportProgressLine } from './ImportMessages';

/**
 * Counts with thousands separators (12,345). Not toLocaleString: its first call sets up ICU's number formatting: most of
 * a ~100 ms task in a CPU profile (the task that delivers the dataset, often just after Train was pressed).
 */
const fmt = (n: number) => (Number.isInteger(n) ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : n.toLocaleString('en-US', { maximumFractionDigits: 3 }));

export function DataPanel() {
  const name = String(useLabStore(selectConfig).dataset);
  const dataset = useLabStore((s) => s.datasets[name]);
  const loading = useLabStore((s) => s.loading.includes(name));
  const busy = useLabStore(selectIsActive);
  const importFiles = useLabStore((s) => s.importFiles);
  const importing = useLabStore((s) => s.importing);
  const startImport = useLabStore((s) => s.startImport);
  const importReadFailed = useLabStore((s) => s.importReadFailed);
  const cancelImport = useLabStore((s) => s.cancelImport);
  const threshold = useLabStore((s) => s.ratingThreshold);
  const setThreshold = useLabStore((s) => s.setRatingThreshold);
  const minPerUser = useLabStore((s) => s.minPerUser);
  const minPerItem = useLabStore((s) => s.minPerItem);
  const setFilter = useLabStore((s) => s.setImportFilter);
  const stats = useMemo(() => (dataset ? datasetStats(dataset) : null), [dataset]);
  const truth = dataset?.groundTruth;
  // The drawings come a task after the numbers, the genre bars one later: drawn in the task that delivers the data,
  // they held the page for ~200-400 ms (as recharts), often just as Train was pressed.
  const showCurve = useAfter(stats, 0);
  const showGenres = useAfter(stats, 50);
  return (
    <section className="data-panel" aria-label="Data" data-testid="data-panel">
      <h2>Data: {name}</h2>
      {loading ? <p className="muted">Loading the built-in files…</p> : null}
      {stats && dataset ? (
        <>
          <p className="muted small" data-testid="data-source">
            {dataset.source.kind === 'synthetic'
              ? `Synthetic world '${dataset.source.preset}' (seed ${dataset.source.seed}), loaded from sample-data/.`
              : `Imported ${dataset.source.format} from ${dataset.source.files.join(', ')}${dataset.source.ratingThreshold !== undefined ? `, ratings ≥ ${dataset.source.ratingThreshold} kept` : ''}.`}
          </p>
          <dl className="stats" data-testid="data-stats">
            <dt>users</dt>
            <dd>{fmt(stats.users)}</dd>
            <dt>items</dt>
            <dd>{fmt(stats.items)}</dd>
            <dt>interactions</dt>
            <dd>{fmt(stats.interactions)}</dd>
            <dt>density</dt>
            <dd>{(stats.density * 100).toFixed(2)}%</dd>
            <dt>per user (mean)</dt>
            <dd>{stats.meanPerUser.toFixed(1)}</dd>
            <dt>top 10% of items hold</dt>
            <dd>{(stats.top10PercentShare * 100).toFixed(0)}% of clicks</dd>
          </dl>
          {showCurve ? <PopularityChart curve={stats.popularityCurve} /> : null}
          {showGenres && stats.genreShares.length ? <GenreSharesChart shares={stats.genreShares} /> : null}
          {truth ? (
            <p className="small" data-testid="ground-truth">
              <b>Ground truth kept:</b> each user’s true taste mix over {dataset.genreNames.length} genres, item quality and
              popularity, a knowledge graph of {dataset.attributes?.relationNames.join(' and ') ?? 'attributes'}, and{' '}
              {truth.exceptions.length} planted rare exceptions. Lessons compare what models learn with it.
            </p>
          ) : null}
        </>
      ) : null}
      <label className="field inline">
        <span className="field-label">Ratings kept as positive: ≥</span>
        <input type="number" min={0} max={10} step={0.5} value={threshold} onChange={(e) => setThreshold(Number(e.target.value))} />
      </label>
      <label className="field inline">
        <span className="field-label">Keep users with ≥ N interactions</span>
        <input type="number" name="minPerUser" min={0} step={1} value={minPerUser} onChange={(e) => setFilter({ minPerUser: Math.max(0, Math.floor(Number(e.target.value) || 0)) })} />
      </label>
      <label className="field inline">
        <span className="field-label">Keep items with ≥ N interactions</span>
        <input type="number" name="minPerItem" min={0} step={1} value={minPerItem} onChange={(e) => setFilter({ minPerItem: Math.max(0, Math.floor(Number(e.target.value) || 0)) })} />
      </label>
      <p className="field-help">The threshold and filters apply to the next import.</p>
      <DropZone onFiles={(f) => void importFiles(f)} onStart={startImport} onReadError={importReadFailed} disabled={busy || importing} />
      {importing ? (
        <div className="import-progress-row">
          <ImportProgressLine />
          <button type="button" onClick={cancelImport} data-testid="import-cancel" title="Stop this import; the dataset in use stays">
            Cancel import
          </button>
        </div>
      ) : null}
      <ImportMessages />
    </section>
  );
}

/** Clicks per item, most popular first (the stats' downsampled curve), or as a table. */
function PopularityChart({ curve }: { curve: DatasetStats['popularityCurve'] }) {
  const { toggle, body } = useChartOrTable(
    `Popularity curve: clicks per item against item rank (most popular first), ${curve.length} points from rank 1 to ${curve[curve.length - 1]?.rank ?? 0}. Neither direction is better.`,
    () => <PopularityLine curve={curve} />,
    () => <ChartTable caption="Popularity curve: clicks per item, most popular first" columns={[{ key: 'rank', label: 'item rank (1 = most clicked)' }, { key: 'count', label: 'clicks' }]} rows={curve.map((q) => ({ ...q }))} />,
    'mini-chart-box',
  );
  return (
    <figure className="mini-chart">
      <figcaption>
        Popularity curve: clicks per item, most popular first {toggle}
      </figcaption>
      {body}
    </figure>
  );
}

/** Clicks on each genre's items (an item in two genres counts in both), or as a table. */
function GenreSharesChart({ shares }: { shares: DatasetStats['genreShares'] }) {
  const { toggle, body } = useChartOrTable(
    `Genre shares of clicks: clicks on each genre's items, one bar for each of ${shares.length} genres. Neither direction is better.`,
    () => <GenreBars shares={shares} />,
    () => (
      <ChartTable
        caption="Genre shares of clicks"
        columns={[{ key: 'genre', label: 'genre' }, { key: 'interactions', label: 'clicks on its items' }, { key: 'share', label: 'clicks on its items (% of all clicks)' }]}
        rows={shares.map((g) => ({ genre: g.genre, interactions: g.interactions, share: g.interactionShare * 100 }))}
      />
    ),
    'mini-chart-box',
  );
  return (
    <figure className="mini-chart">
      <figcaption>
        Genre shares of clicks {toggle}
      </figcaption>
      {body}
    </figure>
  );
}
