// The loss side's scales for a loss-side run: each loss term's size and its share of the weighted loss, so a
// person sees that "0.6 / 0.3 / 0.1" multiplies terms of different sizes and is not a split of the loss.
import { useMemo } from 'react';
import { lossScaleCharts } from '../../../core/labs/weighting';
import { selectCurrentRun } from '../../../state/selectors';
import { useLabStore } from '../../appStore';
import { downsample } from '../../charts/downsample';
import { MetricChart, type ChartRow } from '../../charts/MetricChart';

const NONE: never[] = [];
/** At most this many points per line, as the shell's charts. */
const MAX_POINTS = 400;

export function LossScaleCharts() {
  const steps = useLabStore((s) => selectCurrentRun(s)?.steps ?? NONE);
  const rows = useMemo(() => {
    const all = steps.filter((e) => Number.isFinite(e.values['loss/relevance'])).map((e) => ({ x: e.step, ...e.values }) as ChartRow);
    return downsample(all, MAX_POINTS, (r) => r.x, (r) => r['loss/relevance'] ?? 0);
  }, [steps]);
  if (rows.length === 0) return null;
  return (
    <section className="trained" data-testid="loss-scale-panel">
      <h2>Loss side: what the weights multiply</h2>
      <p className="small">
        The relevance term is a likelihood in nats per hidden item; diversity and novelty are one minus an expectation in
        [0, 1]. A weight multiplies its term, so the weights are not shares of the loss: the second chart shows the shares
        they actually make, w_k L_k / Σ w_j L_j. (This lab shows the scales rather than rescaling the terms: UW, DWA and
        GradNorm are built on the raw losses, and rescaling would change what they measure.)
      </p>
      <div className="chart-grid">
        {lossScaleCharts.map((spec) => (
          <MetricChart key={spec.id} spec={spec} rows={rows} />
        ))}
      </div>
    </section>
  );
}
