// The current lab's kept runs: name, pin, compare on the charts, export (JSON, CSV, PNG), delete, import.
import { useEffect, useMemo, useRef, useState } from 'react';
import { MAX_RUN_FILE_BYTES } from '../../core/history/runFile';
import { historyOrder, type SavedRun } from '../../core/history/savedRun';
import { selectLab } from '../../state/selectors';
import { useLabStore } from '../appStore';
import { downloadChartPng, downloadRunsCsv, downloadRunsJson } from './exportRuns';
import { useOverlayRuns } from './useOverlayRuns';
import './history.css';

/**
 * One date formatter for the page. toLocaleString with options made a new one per call, and making one sets up
 * ICU's date patterns: in a CPU profile most of an 85 ms task (3× CPU throttling) as the first run was kept.
 */
let dateFormat: Intl.DateTimeFormat | undefined;
const formatter = () => (dateFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }));
const when = (iso: string) => formatter().format(new Date(iso));
const OUTCOME: Record<SavedRun['outcome']['status'], string> = { completed: 'completed', stopped: 'stopped', diverged: 'diverged', failed: 'failed' };
const num = (v: number | undefined) => (v === undefined ? '–' : Number.isFinite(v) ? v.toFixed(4) : 'n/a');

export function HistoryPanel() {
  // The formatter is made while the page is idle, not in the task that keeps the first run as it ends.
  useEffect(() => {
    if (typeof requestIdleCallback !== 'function') return;
    const id = requestIdleCallback(() => formatter(), { timeout: 5000 });
    return () => cancelIdleCallback(id);
  }, []);
  const lab = useLabStore(selectLab);
  const history = useLabStore((s) => s.history);
  const { renameRun, setPinned, deleteRuns, deleteUnpinned, toggleOverlay, clearOverlay, importRunFile, dismissImportNote } = useLabStore.getState();
  const shown = useOverlayRuns(lab.id);
  // The run on the charts now: ticking it draws nothing more (it is drawn already), so the row says so.
  const currentSaved = useLabStore((s) => {
    const runId = s.runIdByLab[s.labId];
    return runId === undefined ? undefined : s.history.savedIdByRunId[runId];
  });
  const runs = useMemo(() => history.runs.filter((r) => r.labId === lab.id).sort(historyOrder), [history.runs, lab.id]);
  const selected = runs.filter((r) => history.overlay.includes(r.id));
  const unpinned = runs.filter((r) => !r.pinned).length;
  const [confirming, setConfirming] = useState(false);
  const [pngNote, setPngNote] = useState<string | null>(null);
  const [chartId, setChartId] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  // The metrics a row shows: the first series of the lab's first two per-epoch charts (e.g. NDCG@10 and HR@10).
  const metrics = lab.charts.filter((c) => c.source === 'epoch' && !c.xKey).slice(0, 2).map((c) => ({ key: c.series[0].key, label: c.yLabel, title: `${c.title} (${c.series[0].label}), last epoch` }));

  const onFiles = async (files: FileList | null) => {
    for (const f of Array.from(files ?? [])) {
      if (f.size > MAX_RUN_FILE_BYTES) {
        useLabStore.setState((s) => ({ history: { ...s.history, importNote: { ok: false, text: `OL501 ${f.name}: ${(f.size / 1e6).toFixed(0)} MB is larger than any run file (at most ${MAX_RUN_FILE_BYTES / 1024 / 1024} MB). Nothing was imported.` } } }));
        continue;
      }
      importRunFile(await f.text(), f.name);
    }
    if (fileInput.current) fileInput.current.value = '';
  };
  const savePng = async () => {
    const ids = chartId ? [chartId] : lab.charts.map((c) => c.id);
    setPngNote(null);
    try {
      let saved = 0;
      for (const id of ids) if (await downloadChartPng(id, lab.id)) saved++;
      if (saved === 0) setPngNote('Nothing is drawn yet: train, or compare a kept run.');
    } catch (e) {
      setPngNote(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section className="history" aria-labelledby="history-title" data-testid="history">
      <div className="history-head">
        <h2 id="history-title">Kept runs {runs.length ? <span className="muted">({runs.length})</span> : null}</h2>
        <span className="muted history-mode" data-testid="history-mode">
          {history.mode === 'loading' ? 'Loading…' : history.mode === 'kept' ? 'Kept in this browser across reloads.' : 'Kept until you reload.'}
        </span>
      </div>
      {history.message ? (
        <p className="history-message" role="alert" data-testid="history-message">
          {history.message}
        </p>
      ) : null}
      <div className="history-tools">
        <label className="history-file">
          Import run JSON…
          <input ref={fileInput} type="file" accept=".json,application/json" multiple className="history-sr" data-testid="history-import" onChange={(e) => void onFiles(e.target.files)} />
        </label>
        <span className="history-group" role="group" aria-label="Selected runs">
          <span className="muted">{selected.length} selected:</span>
          <button onClick={() => downloadRunsJson(selected)} disabled={selected.length === 0} data-testid="history-export-json">JSON</button>
          <button onClick={() => downloadRunsCsv(selected)} disabled={selected.length === 0} data-testid="history-export-csv">CSV</button>
          <button onClick={clearOverlay} disabled={selected.length === 0}>Clear</button>
        </span>
        <span className="history-group">
          <select aria-label="Chart to save as PNG" value={chartId} onChange={(e) => setChartId(e.target.value)} data-testid="history-png-chart">
            <option value="">every chart</option>
            {lab.charts.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
          <button onClick={() => void savePng()} data-testid="history-png">PNG</button>
        </span>
        {confirming ? (
          <span className="history-group" role="group" aria-label="Confirm deletion">
            <button className="history-danger" onClick={() => (deleteUnpinned(lab.id), setConfirming(false))} data-testid="history-delete-unpinned-confirm">
              Delete {unpinned} unpinned
            </button>
            <button onClick={() => setConfirming(false)}>Keep them</button>
          </span>
        ) : (
          <button onClick={() => setConfirming(true)} disabled={unpinned === 0} data-testid="history-delete-unpinned">Delete unpinned…</button>
        )}
      </div>
      {pngNote ? <p className="field-error">PNG: {pngNote}</p> : null}
      {history.importNote ? (
        <p className={history.importNote.ok ? 'history-note' : 'history-note history-note-bad'} role={history.importNote.ok ? 'status' : 'alert'} data-testid="history-import-note">
          {history.importNote.text}{' '}
          <button className="link" onClick={dismissImportNote} aria-label="Dismiss the import message">✕</button>
        </p>
      ) : null}
      {runs.length === 0 ? (
        <p className="muted">Every finished run of this lab is kept here (its settings, backend, seed and curves). Tick runs to draw them on the charts together.</p>
      ) : (
        <ul className="history-list" aria-label={`Kept runs of ${lab.title}`}>
          {runs.map((r) => {
            const color = shown.find((o) => o.id === r.id)?.color;
            const checked = history.overlay.includes(r.id);
            return (
              <li key={r.id} className={r.pinned ? 'history-run pinned' : 'history-run'} data-testid="history-run" data-run-id={r.id}>
                <input type="checkbox" checked={checked} onChange={() => toggleOverlay(r.id)} aria-label={`Compare “${r.name}” on the charts`} data-testid="history-compare" />
                <span className="history-swatch" style={color ? { background: color } : undefined} aria-hidden="true" />
                <div className="history-body">
                  <RunName run={r} onRename={renameRun} />
                  <div className="history-meta muted">
                    {r.id === currentSaved ? <span className="history-current">on the charts now</span> : null}
                    <span>{when(r.createdAt)}</span>
                    <span className={`history-outcome outcome-${r.outcome.status}`}>{OUTCOME[r.outcome.status]}</span>
                    <span>{r.backend}</span>
                    {r.seed !== null ? <span>seed {r.seed}</span> : null}
                    {r.origin !== 'browser' ? <span>{r.origin === 'cli file' ? 'from the CLI' : 'imported'}</span> : null}
                    {metrics.map((m) => (
                      <span key={m.key} title={m.title}>
                        {m.label} {num(r.summary[m.key])}
                      </span>
                    ))}
                  </div>
                </div>
                <div className="history-actions">
                  <button className="icon" aria-pressed={r.pinned} onClick={() => setPinned(r.id, !r.pinned)} title={r.pinned ? 'Unpin' : 'Pin: kept first, and not deleted by Delete unpinned'} data-testid="history-pin">
                    {r.pinned ? '★' : '☆'}
                    <span className="history-sr">{r.pinned ? 'Unpin' : 'Pin'} “{r.name}”</span>
                  </button>
                  <button onClick={() => downloadRunsJson([r])} data-testid="history-run-json" aria-label={`Export “${r.name}” as JSON`}>JSON</button>
                  <button onClick={() => downloadRunsCsv([r])} data-testid="history-run-csv" aria-label={`Export “${r.name}” per epoch as CSV`}>CSV</button>
                  <button className="icon" onClick={() => deleteRuns([r.id])} data-testid="history-delete" aria-label={`Delete “${r.name}”`} title="Delete">
                    ✕
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** The run's name, edited in place; saved on Enter or leaving the field, Escape puts it back. */
function RunName({ run, onRename }: { run: SavedRun; onRename: (id: string, name: string) => void }) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft !== null && draft.trim() && draft !== run.name) onRename(run.id, draft);
    setDraft(null);
  };
  return (
    <input
      className="history-name"
      value={draft ?? run.name}
      maxLength={200}
      aria-label="Run name"
      data-testid="history-name"
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur();
        if (e.key === 'Escape') (setDraft(null), requestAnimationFrame(() => e.currentTarget?.blur()));
      }}
    />
  );
}
