// "Measured findings": each claim the lab's texts quote, its recorded numbers (where and when), and a button that
// re-runs the same experiment in the training worker and shows the new numbers beside the recorded ones.
import type { Finding, MeasuredFinding } from '../../core/experiment/findings';
import { describeRelation, REAL_DATASETS } from '../../core/experiment/findings';
import { FINDINGS_RECORD } from '../../core/labs/findingsRecord';
import { selectLab } from '../../state/selectors';
import type { FindingRerun } from '../../state/findingRunSlice';
import { useLabStore } from '../appStore';
import { describeWhere, findingRows, heldLabel, variantPlan } from './findingRows';

export function FindingsPanel() {
  const lab = useLabStore(selectLab);
  const findings = lab.findings ?? [];
  const activeStatus = useLabStore((s) => s.activeStatus);
  const sweepRunning = useLabStore((s) => s.sweep.status === 'running');
  const findingRunId = useLabStore((s) => s.findingRunId);
  if (findings.length === 0) return null;
  const training = activeStatus === 'running' || activeStatus === 'paused';
  const blocked = training ? 'Stop or reset the training run first.' : sweepRunning ? 'Cancel the sweep first.' : findingRunId ? 'Another finding is being re-run.' : null;
  return (
    <details className="findings" aria-label="Measured findings" data-testid="findings">
      <summary>
        <h3>Measured findings ({findings.length})</h3> <span className="muted small">— the numbers above, re-runnable in your browser</span>
      </summary>
      <p className="muted small">
        Every number the texts above quote comes from one of these experiments, measured headless by <code>npm run findings</code>. Re-run one here: it runs
        in this page’s training worker, one run after another, and takes the worker’s place like a sweep (the lab’s last run and its charts stay). The full
        re-run uses the recorded settings and may take minutes; the quick check runs on tiny data, so compare its direction, not its numbers.
      </p>
      {blocked ? <p className="muted small" data-testid="findings-blocked">{blocked}</p> : null}
      <ul className="findings-list">
        {findings.map((f) => (
          <FindingItem key={f.id} finding={f} recorded={FINDINGS_RECORD.findings[f.id]} disabled={blocked !== null} />
        ))}
      </ul>
    </details>
  );
}

export function FindingItem({ finding, recorded, disabled }: { finding: Finding; recorded: MeasuredFinding | undefined; disabled: boolean }) {
  const rerun = useLabStore((s) => s.findingReruns[finding.id] as FindingRerun | undefined);
  const start = useLabStore((s) => s.startFindingRun);
  const cancel = useLabStore((s) => s.cancelFindingRun);
  const full = variantPlan(finding, false)!;
  const quick = variantPlan(finding, true);
  const running = rerun?.status === 'running';
  const measured = rerun?.status === 'done' ? rerun.measured : null;
  const rows = findingRows(finding, recorded, measured);
  const ranPlan = rerun ? variantPlan(finding, rerun.quick) : null;
  const tid = finding.id.replace(/\./g, '-');
  return (
    <li className="finding" data-testid={`finding-${tid}`}>
      <p className="finding-claim">{finding.claim}</p>
      <p className="muted small">
        Expects <code>{describeRelation(finding.expect)}</code>.{' '}
        {recorded ? (
          <>
            Recorded: measured on {describeWhere(recorded)} — <b className={recorded.held ? 'held' : 'not-held'}>{heldLabel(recorded)}</b>.
          </>
        ) : (
          <>Not yet measured: no entry in the findings file.</>
        )}
      </p>
      <div className="finding-table-wrap">
        <table className="results-table finding-table">
          <thead>
            <tr>
              <th scope="col">Value</th>
              <th scope="col">Recorded{recorded ? ` (${recorded.dataset})` : ''}</th>
              {rerun ? <th scope="col">This browser ({rerun.quick ? 'quick check' : 'full'}{ranPlan ? `, ${ranPlan.dataset}` : ''})</th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.name}>
                <th scope="row" title={`${r.read}, arm ${r.arm}`}>
                  {r.name}
                </th>
                <td data-testid="recorded">{r.recorded ?? '—'}</td>
                {rerun ? <td data-testid="rerun">{r.rerun ?? (running ? '…' : '—')}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="finding-actions">
        {running ? (
          <>
            <span role="status" data-testid="finding-progress">
              Re-running ({ranPlan?.label}): {rerun.total ? `run ${rerun.index + 1} of ${rerun.total}${rerun.arm ? ` — ${rerun.arm}, seed ${rerun.seed}` : ''}` : 'starting…'}
            </span>
            <button onClick={() => cancel()} data-testid="finding-cancel">
              Cancel
            </button>
          </>
        ) : (
          <>
            {finding.realData ? (
              <span className="muted small" data-testid="finding-real-data">
                Measured on {REAL_DATASETS[finding.realData]}, which is not shipped (its licence): with your copy, re-run it with{' '}
                <code>npm run findings -- {finding.labId} --data-dir &lt;folder holding {finding.realData}/&gt;</code>.
              </span>
            ) : (
              <button onClick={() => start(finding.id, false)} disabled={disabled} data-testid="finding-rerun" title={`Runs ${full.label} in this browser`}>
                Re-run in my browser ({full.short})
              </button>
            )}
            {quick ? (
              <button onClick={() => start(finding.id, true)} disabled={disabled} data-testid="finding-rerun-quick" title={`Runs ${quick.label} in this browser`}>
                Quick check ({quick.short})
              </button>
            ) : null}
          </>
        )}
      </div>
      {rerun && !running ? (
        <p className="small" data-testid="finding-result" role="status">
          {measured ? (
            <>
              This browser, {rerun.quick ? 'quick check' : 'full re-run'}: measured on {describeWhere(measured)} —{' '}
              <b className={measured.held ? 'held' : 'not-held'} data-testid="finding-held">
                {heldLabel(measured)}
              </b>
              .
            </>
          ) : (
            <span className="muted">{rerun.message}</span>
          )}
        </p>
      ) : null}
    </li>
  );
}
