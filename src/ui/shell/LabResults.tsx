// The results column of a lab, shared by the app and embed mode: the lab's own panels around the progress, the
// live charts and the results table. The app adds the run history, the sweeps and what follows them (`full`).
import { Suspense } from 'react';
import { selectLab } from '../../state/selectors';
import { useLabStore } from '../appStore';
import { HistoryPanel } from '../history/HistoryPanel';
import { LAB_PANELS } from '../labs';
import { SweepPanel } from '../sweep/SweepPanel';
import { ChartGrid } from './ChartGrid';
import { ProgressBar } from './ProgressBar';
import { ResultsTable } from './ResultsTable';
import { RunMessage } from './RunMessage';

export function LabResults({ full }: { full: boolean }) {
  const lab = useLabStore(selectLab);
  const { above: Above, below: Below, afterSweeps: AfterSweeps } = LAB_PANELS[lab.id] ?? {};
  return (
    <section className="results" aria-label="Results">
      {Above ? <Above /> : null}
      <ProgressBar />
      <RunMessage />
      <ChartGrid />
      <ResultsTable />
      {full ? <HistoryPanel /> : null}
      {Below ? (
        <Suspense fallback={null}>
          <Below />
        </Suspense>
      ) : null}
      {full ? lab.sweeps?.map((plan) => <SweepPanel key={`${lab.id}/${plan.id}`} lab={lab} plan={plan} />) : null}
      {full && AfterSweeps ? (
        <Suspense fallback={null}>
          <AfterSweeps />
        </Suspense>
      ) : null}
    </section>
  );
}
