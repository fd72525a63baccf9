// The Wide & Deep lab's report tables (the CLI prints them under the summary), cells already formatted.
import type { ReportTable } from '../../experiment/types';
import type { CrossSweepArtifact } from './artifacts';
import { MODELS } from './config';
import type { SplitArtifact } from './grid';

const f4 = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(4));

/** Test metrics per model; the memorisation split; the crosses sweep when it ran. */
export function reportTables(summary: Record<string, number>, split: SplitArtifact, sweep: CrossSweepArtifact | null, exceptions: boolean, bayes: boolean): ReportTable[] {
  const models = [...MODELS, ...(bayes ? ['bayes'] : [])];
  const tables: ReportTable[] = [
    {
      title: 'Test impressions (AUC: higher is better; log-loss in nats per impression: lower is better)',
      columns: ['model', 'AUC', 'log-loss', ...(exceptions ? ['log-loss on planted exceptions'] : [])],
      rows: models.map((m) => [m === 'bayes' ? 'true probability (Bayes ceiling)' : m, f4(summary[`test/auc/${m}`]), f4(summary[`test/logloss/${m}`]), ...(exceptions ? [f4(summary[`test/exceptionLogloss/${m}`])] : [])]),
    },
    {
      title: `Test AUC by how often training showed the pair (${split.pair})`,
      columns: ['pair', 'impressions', ...models],
      rows: split.buckets.map((b) => [b.label, String(b.impressions), ...models.map((m) => f4(b.auc[m]))]),
    },
  ];
  if (sweep) {
    tables.push({
      title: `Crosses sweep: wide part with the top-N crosses (deep alone: AUC ${f4(sweep.deep.auc)}, ${sweep.deep.params} parameters)`,
      columns: ['N crosses', 'joint params', 'ensemble params', 'AUC wide', 'AUC joint', 'AUC ensemble', 'log-loss joint', 'log-loss ensemble'],
      rows: sweep.rows.map((r) => [String(r.crosses), String(r.jointParams), String(r.ensembleParams), f4(r.auc.wide), f4(r.auc.joint), f4(r.auc.ensemble), f4(r.logloss.joint), f4(r.logloss.ensemble)]),
    });
  }
  return tables;
}
