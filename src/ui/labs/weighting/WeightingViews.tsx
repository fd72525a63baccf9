// The weighting lab's views below the live charts: the step-scale view (reward side) and the loss scales (loss side).
import { LossScaleCharts } from './LossScaleCharts';
import { StepScalePanel } from './StepScalePanel';

export function WeightingViews() {
  return (
    <>
      <StepScalePanel />
      <LossScaleCharts />
    </>
  );
}
