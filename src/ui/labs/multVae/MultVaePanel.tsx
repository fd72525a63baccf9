// The Mult-VAE lab's end-of-run views: accuracy by user activity (VAE vs DAE), each variant on the
// accuracy–diversity plane, and where validation NDCG peaked while β annealed. Drawn from the run's artifacts.
import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { artifactOf } from '../../../core/experiment/types';
import { multVaeLab } from '../../../core/labs/multVae';
import type { BetaPeak } from '../../../core/labs/multVae/artifacts';
import { POPULARITY, POPULARITY_COLOR, VARIANT_COLORS, VARIANTS, variantLabel, type VariantId } from '../../../core/labs/multVae/variants';
import { selectCurrentRun } from '../../../state/selectors';
import { useLabStore } from '../../appStore';
import { ChartTable, useChartOrTable } from '../../charts/ChartTable';
import { wrappedTick } from '../../charts/WrappedTick';

const label = (id: string) => (id === POPULARITY ? 'Popularity' : variantLabel(VARIANTS.find((v) => v.id === id)!));
const color = (id: string) => (id === POPULARITY ? POPULARITY_COLOR : VARIANT_COLORS[id as VariantId]);
const fmt = (v: unknown) => (typeof v === 'number' ? v.toFixed(4) : String(v));

export function MultVaePanel() {
  const artifacts = useLabStore((s) => selectCurrentRun(s)?.artifacts);
  const buckets = artifactOf(multVaeLab, artifacts, 'activityBuckets');
  const points = artifactOf(multVaeLab, artifacts, 'accuracyDiversity');
  const peaks = artifactOf(multVaeLab, artifacts, 'betaPeak');
  if (!buckets && !points && !peaks) {
    return (
      <section className="trained" data-testid="multvae-panel">
        <h2>After the run: test users</h2>
        <p className="small muted">When training ends, the held-out test users are scored: accuracy by how many items they brought, and each model’s lists on the accuracy–diversity plane.</p>
      </section>
    );
  }
  const ids = buckets?.length ? Object.keys(buckets[0].ndcg100) : [];
  // A no-break space keeps "(3 users)" together when the axis wraps the label.
  const bucketRows = (buckets ?? []).map((b) => ({ bucket: `${b.label} (${b.users}\u00a0user${b.users === 1 ? '' : 's'})`, ...b.ndcg100 }));
  const scatter = (points ?? []).filter((p) => p.ild10 !== null);
  return (
    <section className="trained" data-testid="multvae-panel">
      <h2>After the run: test users</h2>
      {peaks?.some(Boolean) ? (
        <p className="small" data-testid="multvae-beta-peak">
          Validation NDCG@100 peaked at{' '}
          {peaks
            .filter((p): p is BetaPeak => p !== null)
            .map((p) => `${label(p.id)}: ${p.ndcg100.toFixed(3)} at epoch ${p.epoch} (β = ${p.beta.toFixed(3)})`)
            .join('; ')}
          . The paper anneals β slowly to 1, notes where NDCG peaks, and then trains again with β capped there.
        </p>
      ) : null}
      <div className="explorer-views">
        {bucketRows.length ? <ActivityChart rows={bucketRows} ids={ids} /> : null}
        {scatter.length ? (
          <figure className="chart" data-testid="multvae-accuracy-diversity" data-points={scatter.length}>
            <figcaption>
              Each model on the accuracy–diversity plane <span className="muted">(test users; up and right is better)</span>
            </figcaption>
            <ResponsiveContainer width="100%" height={260}>
              <ScatterChart margin={{ top: 16, right: 24, bottom: 24, left: 4 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis type="number" dataKey="ild10" name="ILD@10" domain={['auto', 'auto']} tickFormatter={(v: number) => v.toFixed(2)} label={{ value: 'ILD@10 of the top 10 (genres) →', position: 'insideBottom', offset: -12 }} />
                <YAxis type="number" dataKey="ndcg100" name="NDCG@100" domain={['auto', 'auto']} tickFormatter={(v: number) => v.toFixed(2)} label={{ value: 'NDCG@100 →', angle: -90, position: 'insideLeft', style: { textAnchor: 'middle' } }} />
                <Tooltip formatter={fmt} isAnimationActive={false} />
                {scatter.map((p) => (
                  <Scatter key={p.id} name={label(p.id)} data={[p]} fill={color(p.id)} isAnimationActive={false}>
                    <LabelList dataKey="label" position="top" style={{ fontSize: 10 }} />
                  </Scatter>
                ))}
              </ScatterChart>
            </ResponsiveContainer>
          </figure>
        ) : null}
      </div>
      {points?.length ? (
        <table className="results-table" data-testid="multvae-test-table">
          <caption>Test users: accuracy and the diversity of each model’s top 10 (↑ higher is better)</caption>
          <thead>
            <tr>
              <th scope="col">model</th>
              <th scope="col">NDCG@100 ↑</th>
              <th scope="col">ILD@10 ↑</th>
              <th scope="col">coverage@10 ↑</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.label}</th>
                <td>{p.ndcg100.toFixed(4)}</td>
                <td>{p.ild10 === null ? '–' : p.ild10.toFixed(4)}</td>
                <td>{p.coverage10.toFixed(4)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

/** Test NDCG@100 per activity group, one bar per model; every group labelled (wrapped, never skipped), and as a table. */
function ActivityChart({ rows, ids }: { rows: Record<string, unknown>[]; ids: string[] }) {
  const { toggle, body } = useChartOrTable(
    `Test NDCG@100 by user activity, one bar per model (${ids.map(label).join(', ')}) for each of ${rows.length} groups of test users. Higher is better.`,
    () => (
      <ResponsiveContainer width="100%" height={280}>
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 30, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="bucket" interval={0} height={52} tick={wrappedTick(12)} label={{ value: 'test users by items fed in', position: 'insideBottom', offset: -22, fill: '#555', fontSize: 12 }} />
          <YAxis domain={[0, 'auto']} tickFormatter={(v: number) => v.toFixed(2)} label={{ value: 'NDCG@100', angle: -90, position: 'insideLeft', style: { textAnchor: 'middle' } }} />
          <Tooltip formatter={fmt} isAnimationActive={false} />
          <Legend verticalAlign="top" itemSorter={null} />
          {ids.map((id) => (
            <Bar key={id} dataKey={id} name={label(id)} fill={color(id)} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    ),
    () => <ChartTable caption="Test NDCG@100 by user activity" columns={[{ key: 'bucket', label: 'test users' }, ...ids.map((id) => ({ key: id, label: label(id) }))]} rows={rows} />,
    'chart-box-auto',
  );
  return (
    <figure className="chart" data-testid="multvae-activity" data-buckets={rows.length}>
      <figcaption>
        <span>
          Test NDCG@100 by user activity <span className="muted">(groups by items fed in; higher is better)</span>
        </span>
        {toggle}
      </figcaption>
      {body}
    </figure>
  );
}
